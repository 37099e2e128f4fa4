// Webhooks, part 1: the endpoints registry, the envelope and its signature (checked by the
// public reference's own Node and Python snippets against real deliveries), secret rotation,
// deliveries and their attempts, redelivery, replay, and isolation between organizations.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../scripts/lib/ports.ts";
import {
  apiClient, call, dispatchOnce, dispatchUntil, makeDue, type Receiver, sql, startReceiver, verifiedEvent, waitForServer,
} from "./helpers.ts";
import { newTenant, newTenantOrg, newWebhookEndpoint } from "./fixtures/index.ts";

const receivers: Receiver[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  for (const child of children) child.kill("SIGKILL");
});

async function receiver(path?: string) {
  const r = await startReceiver(path);
  receivers.push(r);
  return r;
}

const until = (check: () => boolean) => dispatchUntil(check);

describe("webhook endpoints registry", () => {
  it("registers an endpoint, shows the secret once, and lists, reads, updates and deletes it", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const created = await newWebhookEndpoint(org.key, r.url, { events: ["rent.paid", "rent.late", "rent.paid"], description: "Accounting sync" });
    expect(created).toMatchObject({ url: r.url, events: ["rent.late", "rent.paid"], status: "enabled", description: "Accounting sync" });
    expect(created.id).toMatch(/^whe_[0-9A-Z]{26}$/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const api = apiClient(org.key);
    const path = { id: created.id };
    expect(await api.get("/webhook-endpoints/{id}", { path })).not.toHaveProperty("secret");
    const list = await api.get("/webhook-endpoints");
    expect(list.data.map((e) => e.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toContain(created.secret);

    const patched = await api.patch("/webhook-endpoints/{id}", { path, body: { events: ["*"], description: "All" } });
    expect(patched).toMatchObject({ events: ["*"], description: "All", url: r.url });

    const disabled = await api.post("/webhook-endpoints/{id}/disable", { path });
    expect(disabled).toMatchObject({ status: "disabled", disabled_reason: "manual" });
    const enabled = await api.post("/webhook-endpoints/{id}/enable", { path });
    expect(enabled).toMatchObject({ status: "enabled", disabled_reason: null, consecutive_failures: 0 });

    expect(await api.delete("/webhook-endpoints/{id}", { path })).toEqual({ id: created.id, deleted: true });
    await expect(api.get("/webhook-endpoints/{id}", { path })).rejects.toMatchObject({ status: 404 });
  });

  it("answers bad input with 4xx, never 500", async () => {
    const org = await newTenantOrg();
    const bad = [
      { url: "not a url" },
      { url: "ftp://example.com/x" },
      { url: "http://127.0.0.1:1/x", events: ["rent.evicted"] },
      { url: "http://127.0.0.1:1/x", events: ["webhook.test"] },
      { url: "http://127.0.0.1:1/x", events: [] },
      { url: "http://127.0.0.1:1/x", extra: 1 },
      { url: 42 },
    ];
    for (const json of bad) {
      const res = await call("/webhook-endpoints", { method: "POST", key: org.key, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error).toBeTruthy();
    }
    expect((await call("/webhook-endpoints/whe_nope", { key: org.key })).status).toBe(404);
    expect((await call("/webhook-endpoints/whe_00000000000000000000000000/replay", { method: "POST", key: org.key, json: { since: "yesterday" } })).status).toBe(400);
    expect((await call("/webhook-endpoints/whe_00000000000000000000000000/replay", { method: "POST", key: org.key, json: { since: "2026-01-01T00:00:00Z" } })).status).toBe(404);
  });

  it("requires the admin:webhooks scope", async () => {
    const org = await newTenantOrg(["read:tenants"]);
    const res = await call("/webhook-endpoints", { key: org.key });
    expect(res.status).toBe(403);
    expect((await call("/webhook-endpoints")).status).toBe(401);
  });

  it("refuses the scheduled functions without the service role key", async () => {
    const { functionsUrl, scheduledFunctions } = await import("./helpers.ts");
    const jobs = await sql<{ function_name: string }[]>`select function_name from app.scheduled_jobs order by 1`;
    expect(jobs.map((j) => j.function_name)).toEqual([...scheduledFunctions].sort());
    for (const fn of scheduledFunctions) {
      for (const auth of [undefined, "Bearer wrong", "Bearer "]) {
        const res = await fetch(`${functionsUrl}/functions/v1/${fn}`, {
          method: "POST", headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) }, body: "{}",
        });
        expect(res.status, `${fn} ${auth}`).toBe(401);
      }
    }
  });
});

describe("delivery, envelope and signature", () => {
  it("delivers the reference's envelope with a stable event id, signed as the reference says", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url);
    const tenantId = await newTenant(org.id);
    await until(() => r.received.length >= 1);

    const [got] = r.received;
    expect(got.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(got.body);
    expect(Object.keys(body)).toEqual(["event", "delivered_at", "organization_id", "payload", "id"]);
    expect(body).toMatchObject({ event: "tenant.added", organization_id: org.id, payload: { tenant_id: tenantId, name: "Maya R." } });
    expect(body.id).toMatch(/^evt_[0-9A-Z]{26}$/);
    expect(got.headers["x-pmai-event-id"]).toBe(body.id);
    expect(got.headers["x-pmai-event"]).toBe("tenant.added");
    expect(body.delivered_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const sig = got.headers["x-pmai-signature"];
    expect(sig).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    const t = Number(/t=(\d+)/.exec(sig)![1]);
    expect(t).toBe(Math.floor(Date.parse(body.delivered_at) / 1000));
    expect(Math.abs(got.receivedAt / 1000 - t)).toBeLessThan(3);
    expect(sig.split("v1=")[1]).toBe(createHmac("sha256", ep.secret).update(`${t}.${got.body}`).digest("hex"));
    expect(Buffer.byteLength(got.body)).toBeLessThan(100_000);

    const deliveries = await call(`/webhook-endpoints/${ep.id}/deliveries`, { key: org.key });
    expect(deliveries.body.data).toHaveLength(1);
    expect(deliveries.body.data[0]).toMatchObject({ event_id: body.id, event: "tenant.added", status: "succeeded", attempt_count: 1 });
    expect(deliveries.body.data[0].attempts[0]).toMatchObject({ attempt: 1, succeeded: true, status_code: 200, response_body: "ok" });
  });

  it("sends a test event on request", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url, { events: ["rent.paid"] });
    const res = await call(`/webhook-endpoints/${ep.id}/test`, { method: "POST", key: org.key });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ event: "webhook.test", status: "pending" });
    await until(() => r.received.length >= 1);
    expect(await verifiedEvent(r.received[0], ep.secret)).toMatchObject({ event: "webhook.test", organization_id: org.id, payload: { endpoint_id: ep.id } });
  });

  it("sends only the kinds an endpoint subscribed to, and nothing for a rolled-back change", async () => {
    const org = await newTenantOrg();
    const all = await receiver();
    const some = await receiver();
    await newWebhookEndpoint(org.key, all.url);
    await newWebhookEndpoint(org.key, some.url, { events: ["tenant.removed"] });
    await sql.begin(async (tx) => {
      await newTenant(org.id, { name: "Never committed" }, tx);
      await tx`select 1/0`;
    }).catch(() => {});
    const id = await newTenant(org.id);
    await sql`update app.tenants set removed_at = now() where id = ${id}`;
    await until(() => all.received.length >= 2 && some.received.length >= 1);
    await dispatchOnce();
    // deliveries run concurrently: no order between events is promised
    expect(all.received.map((x) => JSON.parse(x.body).event).sort()).toEqual(["tenant.added", "tenant.removed"]);
    expect(some.received.map((x) => JSON.parse(x.body).event)).toEqual(["tenant.removed"]);
  });
});

// The public reference's verification snippets, with the line breaks the web page lost put
// back (each `//` and `#` comment ended a line). The first test checks they are word for word
// the reference's, whitespace aside.
const NODE_SNIPPET = `// Node — express
import crypto from 'crypto';
app.post('/webhooks/pmai', express.text({ type: '*/*' }), (req, res) => {
  const sig = req.header('X-PMAI-Signature') || '';
  const parts = Object.fromEntries(sig.split(',').map((p) => p.split('=')));
  const t = Number(parts.t), v1 = parts.v1;
  if (!t || !v1) return res.status(400).end();
  if (Math.abs(Date.now() / 1000 - t) > 300) return res.status(400).end();
  const mac = crypto.createHmac('sha256', process.env.PMAI_WEBHOOK_SECRET)
    .update(\`\${t}.\${req.body}\`)
    .digest('hex');
  if (!crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(v1))) {
    return res.status(401).end();
  }
  const event = JSON.parse(req.body);
  // ...handle event
  res.status(200).end();
});`;

const PYTHON_SNIPPET = `# Python — Flask
import hmac, hashlib, os, time, json
from flask import request, abort

@app.post('/webhooks/pmai')
def pmai():
    sig = request.headers.get('X-PMAI-Signature', '')
    parts = dict(p.split('=') for p in sig.split(','))
    t = int(parts.get('t', 0)); v1 = parts.get('v1', '')
    if abs(time.time() - t) > 300: abort(400)
    body = request.get_data(as_text=True)
    expected = hmac.new(
        os.environ['PMAI_WEBHOOK_SECRET'].encode(),
        f'{t}.{body}'.encode(),
        hashlib.sha256,
    ).hexdigest()
    if not hmac.compare_digest(expected, v1): abort(401)
    event = json.loads(body)
    # ...handle event
    return ('', 200)`;

const SPEC = "../shared/spec/aptoria-developers-page.txt";

/** Runs the reference's Node (express) or Python (Flask) receiver with `secret`. */
async function referenceVerifier(kind: "node" | "python", port: number, secret: string) {
  const child = kind === "node"
    ? spawn(process.execPath, ["--input-type=module", "-e",
      `import express from 'express';\nconst app = express();\n${NODE_SNIPPET}\napp.listen(${port}, '127.0.0.1');`], {
      cwd: process.cwd(), env: { ...process.env, PMAI_WEBHOOK_SECRET: secret }, stdio: "ignore",
    })
    : spawn("python3", ["-c", `from flask import Flask\napp = Flask(__name__)\n${PYTHON_SNIPPET}\napp.run(host='127.0.0.1', port=${port})`], {
      env: { ...process.env, PMAI_WEBHOOK_SECRET: secret }, stdio: "ignore",
    });
  children.push(child);
  await waitForServer(`http://127.0.0.1:${port}/`);
  return { url: `http://127.0.0.1:${port}/webhooks/pmai`, stop: () => child.kill("SIGKILL") };
}

describe("the reference's verification snippets", () => {
  it("are the reference's own code", () => {
    if (!existsSync(SPEC)) return; // the spec sits beside the repository in shared/
    const squash = (s: string) => s.replace(/\s+/g, "");
    const spec = squash(readFileSync(SPEC, "utf8"));
    expect(spec).toContain(squash(NODE_SNIPPET));
    expect(spec).toContain(squash(PYTHON_SNIPPET));
  });

  for (const kind of ["node", "python"] as const) {
    it(`${kind}: accepts every real delivery, rejects a modified body, a wrong secret and an old timestamp`, async () => {
      const org = await newTenantOrg();
      const port = await freePort();
      const ep = await newWebhookEndpoint(org.key, `http://127.0.0.1:${port}/webhooks/pmai`);
      const verifier = await referenceVerifier(kind, port, ep.secret);
      // a recording receiver on the same events, to replay real deliveries at the verifier
      const copy = await receiver();
      const copyEp = await newWebhookEndpoint(org.key, copy.url);
      await sql`update app.webhook_endpoints c set secret_sealed = e.secret_sealed, secret_key_id = e.secret_key_id
        from app.webhook_endpoints e where e.id = ${ep.id} and c.id = ${copyEp.id}`;

      for (const name of ["Ana Ñúñez — 北京", "O'Brien \"quoted\"", "Plain"]) await newTenant(org.id, { name: name });
      await call(`/webhook-endpoints/${ep.id}/test`, { method: "POST", key: org.key });
      const done = async () => {
        const [row] = await sql<{ n: number }[]>`select count(*)::int as n from app.webhook_deliveries where endpoint_id = ${ep.id} and status = 'succeeded'`;
        return row.n === 4 && copy.received.length >= 3;
      };
      await dispatchUntil(done);
      const attempts = await sql`select a.status_code from app.webhook_attempts a where a.endpoint_id = ${ep.id}`;
      expect(attempts.map((a) => a.status_code)).toEqual([200, 200, 200, 200]);

      const real = copy.received[0];
      const post = (body: string, signature: string) =>
        fetch(verifier.url, { method: "POST", headers: { "content-type": "application/json", "x-pmai-signature": signature }, body });
      expect((await post(real.body, real.headers["x-pmai-signature"])).status).toBe(200);
      expect((await post(real.body.replace("tenant.added", "tenant.removed"), real.headers["x-pmai-signature"])).status).toBe(401);
      const t = Math.floor(Date.now() / 1000);
      const wrong = createHmac("sha256", "whsec_wrong").update(`${t}.${real.body}`).digest("hex");
      expect((await post(real.body, `t=${t},v1=${wrong}`)).status).toBe(401);
      const old = t - 301;
      const stale = createHmac("sha256", ep.secret).update(`${old}.${real.body}`).digest("hex");
      expect((await post(real.body, `t=${old},v1=${stale}`)).status).toBe(400);
      verifier.stop();
    });
  }
});

describe("secret rotation", () => {
  it("signs with both secrets for 24 hours, the newest last; a rejected delivery is retried, not lost", async () => {
    const org = await newTenantOrg();
    const port = await freePort();
    const ep = await newWebhookEndpoint(org.key, `http://127.0.0.1:${port}/webhooks/pmai`);
    const rotated = await call(`/webhook-endpoints/${ep.id}/rotate-secret`, { method: "POST", key: org.key });
    expect(rotated.status).toBe(200);
    const newSecret: string = rotated.body.secret;
    expect(newSecret).not.toBe(ep.secret);
    const expires = Date.parse(rotated.body.previous_secret_expires_at);
    expect(Math.abs(expires - Date.now() - 24 * 3600_000)).toBeLessThan(60_000);

    // A receiver still on the old secret, using the reference's snippet (last v1= only), rejects...
    const oldVerifier = await referenceVerifier("node", port, ep.secret);
    await newTenant(org.id);
    await dispatchUntil(async () => (await sql`select 1 from app.webhook_attempts where endpoint_id = ${ep.id}`).length > 0);
    const [first] = await sql`select status, total_attempts, last_status_code from app.webhook_deliveries where endpoint_id = ${ep.id}`;
    expect(first).toMatchObject({ status: "pending", total_attempts: 1, last_status_code: 401 });
    oldVerifier.stop();

    // ...and once it switches to the new secret, the retry goes through.
    const newVerifier = await referenceVerifier("node", port, newSecret);
    const [{ id }] = await sql`select id from app.webhook_deliveries where endpoint_id = ${ep.id}`;
    await makeDue(id);
    await dispatchUntil(async () => (await sql`select 1 from app.webhook_deliveries where id = ${id} and status = 'succeeded'`).length > 0);
    newVerifier.stop();

    // The header itself: two v1=, the new secret's last; verifiers checking every v1= accept either.
    const r = await receiver();
    const patchedUrl = await call(`/webhook-endpoints/${ep.id}`, { method: "PATCH", key: org.key, json: { url: r.url } });
    expect(patchedUrl.status, JSON.stringify(patchedUrl.body)).toBe(200);
    await newTenant(org.id);
    await until(() => r.received.length >= 1);
    const { headers, body } = r.received[0];
    const sig = headers["x-pmai-signature"];
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    const t = /t=(\d+)/.exec(sig)![1];
    const [, oldMac, newMac] = sig.split(",").map((p) => p.split("=")[1]);
    expect(oldMac).toBe(createHmac("sha256", ep.secret).update(`${t}.${body}`).digest("hex"));
    expect(newMac).toBe(createHmac("sha256", newSecret).update(`${t}.${body}`).digest("hex"));
    for (const secret of [ep.secret, newSecret]) await expect(verifiedEvent(r.received[0], secret)).resolves.toMatchObject({ event: "tenant.added" });

    // After 24 hours only the new secret signs.
    await sql`update app.webhook_endpoints set previous_secret_expires_at = now() - interval '1 second' where id = ${ep.id}`;
    await newTenant(org.id);
    await until(() => r.received.length >= 2);
    expect(r.received[1].headers["x-pmai-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(verifiedEvent(r.received[1], newSecret)).resolves.toMatchObject({ event: "tenant.added" });
    await expect(verifiedEvent(r.received[1], ep.secret)).rejects.toMatchObject({ reason: "signature_mismatch" });
    expect((await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body.previous_secret_expires_at).toBeNull();
  });
});

describe("deliveries: redeliver and replay", () => {
  it("redelivers one delivery and replays every undelivered one since a time", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url);
    r.respond = () => ({ status: 500, body: "down" });
    for (const name of ["old", "new-1", "new-2"]) await newTenant(org.id, { name: name });
    await until(() => r.received.length >= 3);
    const pending = await sql<{ id: string; name: string }[]>`
      select d.id, e.payload->>'name' as name from app.webhook_deliveries d join app.webhook_events e on e.id = d.event_id
      where d.endpoint_id = ${ep.id} and d.status = 'pending' order by d.created_at`; // ids order by the millisecond only
    expect(pending.map((p) => p.name)).toEqual(["old", "new-1", "new-2"]);
    // the first one happened two hours ago
    await sql`update app.webhook_deliveries set created_at = now() - interval '2 hours' where id = ${pending[0].id}`;

    r.respond = () => ({ status: 204 });
    const since = new Date(Date.now() - 3600_000).toISOString();
    const replay = await call(`/webhook-endpoints/${ep.id}/replay`, { method: "POST", key: org.key, json: { since } });
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ endpoint_id: ep.id, replayed: 2 });
    await until(() => r.received.length >= 5);
    await dispatchOnce();
    const names = r.received.slice(3).map((x) => JSON.parse(x.body).payload.name).sort();
    expect(names).toEqual(["new-1", "new-2"]);
    const statuses = await sql`select status from app.webhook_deliveries where endpoint_id = ${ep.id} order by created_at`;
    expect(statuses.map((s) => s.status)).toEqual(["pending", "succeeded", "succeeded"]);

    // redeliver: the old one now, and a succeeded one again (same event id)
    const again = await call(`/webhook-endpoints/${ep.id}/deliveries/${pending[1].id}/redeliver`, { method: "POST", key: org.key });
    expect(again.status).toBe(202);
    await call(`/webhook-endpoints/${ep.id}/deliveries/${pending[0].id}/redeliver`, { method: "POST", key: org.key });
    await until(() => r.received.length >= 7);
    const ids = r.received.map((x) => JSON.parse(x.body).id);
    expect(new Set(ids).size).toBe(3);
    const one = await call(`/webhook-endpoints/${ep.id}/deliveries/${pending[0].id}`, { key: org.key });
    expect(one.body).toMatchObject({ status: "succeeded", attempt_count: 2 });
    expect(one.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([204, 500]);
    const failedOnly = await call(`/webhook-endpoints/${ep.id}/deliveries?status=pending`, { key: org.key });
    expect(failedOnly.body.data).toEqual([]);
  });
});

describe("isolation between organizations", () => {
  it("never delivers an event to another organization's endpoint, nor shows it", async () => {
    const a = await newTenantOrg();
    const b = await newTenantOrg();
    const ra = await receiver();
    const rb = await receiver();
    const epA = await newWebhookEndpoint(a.key, ra.url);
    const epB = await newWebhookEndpoint(b.key, rb.url);
    await newTenant(a.id, { name: "A's tenant" });
    await until(() => ra.received.length >= 1);
    await dispatchOnce();
    expect(rb.received).toHaveLength(0);
    expect(JSON.parse(ra.received[0].body).organization_id).toBe(a.id);

    for (const [method, path] of [["GET", ""], ["PATCH", ""], ["DELETE", ""], ["POST", "/rotate-secret"], ["POST", "/test"], ["GET", "/deliveries"], ["POST", "/enable"]]) {
      const res = await call(`/webhook-endpoints/${epB.id}${path}`, { method, key: a.key, ...(method === "PATCH" ? { json: { description: "x" } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // even a writer with SQL access cannot point a delivery at another organization's endpoint
    const [event] = await sql`select id from app.webhook_events where organization_id = ${a.id} limit 1`;
    await expect(sql`insert into app.webhook_deliveries (organization_id, endpoint_id, event_id, status)
      values (${a.id}, ${epB.id}, ${event.id}, 'held')`).rejects.toThrow(/foreign key/);
    await expect(sql`insert into app.webhook_deliveries (organization_id, endpoint_id, event_id, status)
      values (${b.id}, ${epB.id}, ${event.id}, 'held')`).rejects.toThrow(/foreign key/);
    const [mine] = await sql`select id from app.webhook_deliveries where endpoint_id = ${epA.id} limit 1`;
    await expect(sql`update app.webhook_deliveries set endpoint_id = ${epB.id} where id = ${mine.id}`).rejects.toThrow(/foreign key/);
    // nor a queue message: the dispatcher writes no delivery for it and deletes it
    const [forged] = await sql`insert into pgmq.q_webhooks (vt, message)
      values (now(), jsonb_build_object('delivery_id', 'dlv_forged', 'event_id', ${event.id}::text, 'endpoint_id', ${epB.id}::text)) returning msg_id`;
    await dispatchOnce();
    expect(await sql`select 1 from pgmq.q_webhooks where msg_id = ${forged.msg_id}`).toHaveLength(0);
    expect(await sql`select 1 from app.webhook_deliveries where endpoint_id = ${epB.id}`).toHaveLength(0);
    expect(rb.received).toHaveLength(0);
    expect(epA.id).not.toBe(epB.id);
  });
});
