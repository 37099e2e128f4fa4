// The webhook verifiers we publish (clients/typescript's verifyWebhook, under Node and under Deno,
// and clients/python/aptoria_webhooks.py under the machine's python3) as the receivers of real
// deliveries, before, during and after a secret rotation; then the same three refusing what they
// must: a tampered body, a wrong secret, old and future timestamps, a missing or malformed header,
// and accepting duplicated and reordered v1= entries and unknown fields.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyWebhook, WebhookVerificationError } from "../clients/typescript/src/index.ts";
import { denoBinary } from "../scripts/lib/paths.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { call, dispatchUntil, sql, waitForServer } from "./helpers.ts";
import { newTenant, newTenantOrg, newWebhookEndpoint } from "./fixtures/index.ts";

const dir = mkdtempSync(join(tmpdir(), "aptoria-verifiers-"));
const children: ChildProcess[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  for (const server of servers) server.closeAllConnections(), server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A receiver whose verifier uses the secrets it is given now; it answers 200 {"id","event"} or 400 {"error": reason}. */
interface VerifyingReceiver {
  name: string;
  url: string;
  useSecrets(secrets: string[]): void;
}

/**
 * The TypeScript verifier, in this Node process. Its own server rather than helpers' startReceiver,
 * which records what it gets for the contract check: the forged requests below are no deliveries.
 */
async function nodeReceiver(): Promise<VerifyingReceiver & { received: { headers: IncomingHttpHeaders; body: string }[] }> {
  let secrets: string[] = [];
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      received.push({ headers: req.headers, body: body.toString("utf8") });
      const answer = await verifyWebhook({ body, signature: req.headers["x-pmai-signature"] as string | undefined, secrets }).then(
        (event) => ({ status: 200, json: { id: event.id, event: event.event } }),
        (e) => ({ status: 400, json: { error: e instanceof WebhookVerificationError ? e.reason : String(e) } }),
      );
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { name: "typescript (node)", url, received, useSecrets: (s) => (secrets = s) };
}

/** The TypeScript verifier under Deno, or the Python one under python3: a process reading its secrets from a file. */
async function processReceiver(kind: "deno" | "python"): Promise<VerifyingReceiver> {
  const port = await freePort();
  const secretsFile = join(dir, `${kind}-${port}.secrets`);
  writeFileSync(secretsFile, "");
  const child = kind === "deno"
    ? spawn(denoBinary(), ["run", "--allow-net=127.0.0.1", `--allow-read=${secretsFile}`, "tests/fixtures/webhook-receiver-deno.ts", String(port), secretsFile], {
      stdio: "ignore",
    })
    : spawn("python3", ["tests/fixtures/webhook-receiver.py", String(port), secretsFile], { stdio: "ignore" });
  children.push(child);
  await waitForServer(`http://127.0.0.1:${port}/`);
  return {
    name: kind === "deno" ? "typescript (deno)" : "python",
    url: `http://127.0.0.1:${port}/hook`,
    useSecrets: (s) => writeFileSync(secretsFile, s.join("\n")),
  };
}

const sign = (secret: string, t: number, body: string) => createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

describe("webhook verifiers on real deliveries", () => {
  it("accept before, during and after a rotation with the secrets that sign, and refuse a retired one", async () => {
    const org = await newTenantOrg();
    const node = await nodeReceiver();
    const verifiers = [node, await processReceiver("deno"), await processReceiver("python")];
    const endpoints = await Promise.all(verifiers.map(async (v) => ({ v, ep: await newWebhookEndpoint(org.key, v.url, { events: ["tenant.added"] }) })));

    /** Emits one event, waits until every endpoint made its attempt, and returns the status each receiver answered. */
    async function deliverOne(): Promise<Record<string, number>> {
      const tenantId = await newTenant(org.id);
      const attemptOf = async () =>
        await sql<{ endpoint_id: string; status_code: number }[]>`
          select a.endpoint_id, a.status_code from app.webhook_attempts a
          join app.webhook_deliveries d on d.id = a.delivery_id join app.webhook_events e on e.id = d.event_id
          where e.organization_id = ${org.id} and e.payload->>'tenant_id' = ${tenantId}`;
      await dispatchUntil(async () => (await attemptOf()).length === endpoints.length);
      const byEndpoint = new Map((await attemptOf()).map((a) => [a.endpoint_id, a.status_code]));
      return Object.fromEntries(endpoints.map(({ v, ep }) => [v.name, byEndpoint.get(ep.id)!]));
    }
    const all = (status: number) => Object.fromEntries(verifiers.map((v) => [v.name, status]));

    // before: one secret, one v1=
    for (const { v, ep } of endpoints) v.useSecrets([ep.secret]);
    expect(await deliverOne()).toEqual(all(200));

    // during: both secrets sign; a receiver holding either one, or both, accepts
    const newSecrets = new Map<string, string>();
    for (const { ep } of endpoints) {
      const rotated = await call(`/webhook-endpoints/${ep.id}/rotate-secret`, { method: "POST", key: org.key });
      expect(rotated.status).toBe(200);
      newSecrets.set(ep.id, rotated.body.secret);
    }
    expect(await deliverOne()).toEqual(all(200)); // still on the old secret
    expect(String(node.received.at(-1)!.headers["x-pmai-signature"])).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    for (const { v, ep } of endpoints) v.useSecrets([newSecrets.get(ep.id)!]);
    expect(await deliverOne()).toEqual(all(200)); // switched to the new one
    for (const { v, ep } of endpoints) v.useSecrets([ep.secret, newSecrets.get(ep.id)!]);
    expect(await deliverOne()).toEqual(all(200)); // both

    // after: the old secret no longer signs; a receiver still holding only it refuses
    await sql`update app.webhook_endpoints set previous_secret_expires_at = now() - interval '1 second'
      where id = any(${endpoints.map(({ ep }) => ep.id)})`;
    for (const { v, ep } of endpoints) v.useSecrets([ep.secret]);
    expect(await deliverOne()).toEqual(all(400));
    // the 400s opened each endpoint's circuit: the next delivery waits for its probe, made due now
    await sql`update app.webhook_endpoints set next_probe_at = now() where id = any(${endpoints.map(({ ep }) => ep.id)})`;
    for (const { v, ep } of endpoints) v.useSecrets([ep.secret, newSecrets.get(ep.id)!]);
    expect(await deliverOne()).toEqual(all(200));
    expect(String(node.received.at(-1)!.headers["x-pmai-signature"])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it("refuse what they must and accept what they may, all three alike, on a real delivery during a rotation", async () => {
    const org = await newTenantOrg();
    const node = await nodeReceiver();
    const verifiers = [node, await processReceiver("deno"), await processReceiver("python")];
    const ep = await newWebhookEndpoint(org.key, node.url, { events: ["tenant.added"] });
    node.useSecrets([ep.secret]);
    const rotated = await call(`/webhook-endpoints/${ep.id}/rotate-secret`, { method: "POST", key: org.key });
    const newSecret: string = rotated.body.secret;
    await newTenant(org.id, { name: "Ana Ñúñez — 北京" });
    await dispatchUntil(() => node.received.length >= 1);
    const real = node.received[0];
    const header = String(real.headers["x-pmai-signature"]);
    const t = Number(/^t=(\d+)/.exec(header)![1]);
    const [oldMac, newMac] = header.split(",").slice(1).map((p) => p.slice(3));
    const now = Math.floor(Date.now() / 1000);

    const cases: { name: string; body?: string; header: string | null; answer: string }[] = [
      { name: "the delivery as sent", header, answer: "ok" },
      { name: "a tampered body", body: real.body.replace("Ana", "Ann"), header, answer: "signature_mismatch" },
      { name: "a wrong secret", header: `t=${now},v1=${sign("whsec_wrong", now, real.body)}`, answer: "signature_mismatch" },
      // (the 300 s boundary itself is the last test's, on a fixed clock)
      { name: "a timestamp 10 minutes old", header: `t=${now - 600},v1=${sign(newSecret, now - 600, real.body)}`, answer: "timestamp_too_old" },
      { name: "a timestamp 10 minutes ahead", header: `t=${now + 600},v1=${sign(newSecret, now + 600, real.body)}`, answer: "timestamp_in_future" },
      { name: "another t than the one signed", header: `t=${t - 1},v1=${oldMac},v1=${newMac}`, answer: "signature_mismatch" },
      { name: "duplicated v1=", header: `t=${t},v1=${newMac},v1=${newMac}`, answer: "ok" },
      { name: "reordered v1=", header: `t=${t},v1=${newMac},v1=${oldMac}`, answer: "ok" },
      { name: "a wrong v1= before the right one", header: `t=${t},v1=${"0".repeat(64)},v1=${newMac}`, answer: "ok" },
      { name: "unknown fields", header: `t=${t},v0=abc,scheme=hmac,v1=${newMac},x=`, answer: "ok" },
      { name: "spaces after the commas", header: `t=${t}, v1=${newMac}`, answer: "ok" },
      { name: "no header", header: null, answer: "missing_header" },
      { name: "an empty header", header: "", answer: "missing_header" },
      { name: "no t=", header: `v1=${newMac}`, answer: "malformed_header" },
      { name: "t= twice", header: `t=${t},t=${t},v1=${newMac}`, answer: "malformed_header" },
      { name: "t= not a number", header: `t=soon,v1=${newMac}`, answer: "malformed_header" },
      { name: "no v1=", header: `t=${t}`, answer: "malformed_header" },
      { name: "v1= not hex", header: `t=${t},v1=${newMac.slice(0, 63)}z`, answer: "malformed_header" },
      { name: "garbage", header: "garbage", answer: "malformed_header" },
      { name: "a body that is not JSON, correctly signed", body: "not json", header: `t=${now},v1=${sign(newSecret, now, "not json")}`, answer: "invalid_json" },
    ];
    const expected = cases.map((c) => [c.name, c.answer === "ok" ? JSON.parse(real.body).id : c.answer]);
    for (const v of verifiers) {
      v.useSecrets([newSecret]);
      const answers: string[][] = [];
      for (const c of cases) {
        const res = await fetch(v.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(c.header === null ? {} : { "x-pmai-signature": c.header }) },
          body: c.body ?? real.body,
        });
        const got = await res.json();
        answers.push([c.name, res.status === 200 ? got.id : got.error]);
      }
      expect(answers, v.name).toEqual(expected);
    }
  });

  it("take the tolerance and the clock as options, and need at least one secret (TypeScript and Python)", async () => {
    const body = JSON.stringify({ event: "webhook.test", id: "evt_1" });
    const t = 1_716_659_938;
    const signature = `t=${t},v1=${sign("whsec_a", t, body)}`;
    await expect(verifyWebhook({ body, signature, secrets: ["whsec_b", "whsec_a"], now: t + 299 })).resolves.toMatchObject({ id: "evt_1" });
    await expect(verifyWebhook({ body, signature, secrets: "whsec_a", now: t + 301 })).rejects.toMatchObject({ reason: "timestamp_too_old" });
    await expect(verifyWebhook({ body, signature, secrets: "whsec_a", now: t - 299 })).resolves.toBeTruthy();
    await expect(verifyWebhook({ body, signature, secrets: "whsec_a", now: t - 301 })).rejects.toMatchObject({ reason: "timestamp_in_future" });
    await expect(verifyWebhook({ body, signature, secrets: "whsec_a", now: t + 301, toleranceSeconds: 600 })).resolves.toBeTruthy();
    await expect(verifyWebhook({ body: new TextEncoder().encode(body), signature, secrets: "whsec_a", now: t })).resolves.toBeTruthy();
    await expect(verifyWebhook({ body, signature, secrets: [], now: t })).rejects.toThrow(TypeError);

    // the Python one, on the same clock
    const script = `import json, sys
sys.path.insert(0, "clients/python")
from aptoria_webhooks import verify_webhook, WebhookVerificationError
body, signature, t = sys.argv[1], sys.argv[2], int(sys.argv[3])
def outcome(secrets, now, **options):
    try:
        return verify_webhook(body.encode(), signature, secrets, now=now, **options)["id"]
    except WebhookVerificationError as e:
        return e.reason
    except ValueError:
        return "ValueError"
print(json.dumps([outcome(["whsec_b", "whsec_a"], t + 299), outcome("whsec_a", t + 301), outcome("whsec_a", t + 301, tolerance_seconds=600),
                  outcome("whsec_a", t - 299), outcome("whsec_a", t - 301), outcome([], t)]))`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile("python3", ["-c", script, body, signature, String(t)], (e, stdout, stderr) => (e ? reject(new Error(stderr)) : resolve(stdout)))
    );
    expect(JSON.parse(out)).toEqual(["evt_1", "timestamp_too_old", "evt_1", "evt_1", "timestamp_in_future", "ValueError"]);
  });
});
