// Webhooks, part 2: what happens when receivers fail. The retry schedule, auto-disable at
// exactly the 10th consecutive failure with the owner's email caught by the local SMTP
// catcher, 410 Gone, deliveries kept while disabled, timeouts, SSRF refusals, and a dispatcher
// killed mid-batch (SIGKILL) losing nothing. Time is controlled by moving a delivery's next
// attempt to now (makeDue), never by sleeping through a backoff.
import { spawn } from "node:child_process";
import type postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, pushMigrations } from "../scripts/lib/database.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { createEndpoint } from "../scripts/lib/webhook-secrets.ts";
import { denoBinary } from "../scripts/lib/paths.ts";
import {
  call, databaseUrl, dispatchOnce, dispatchUntil, mailUrl, makeDue, type Receiver, rolledBack, schedulerSecret, sql, startReceiver, waitForServer,
  webhookSecretKeys, withDatabase,
} from "./helpers.ts";
import { newTenant, newTenantOrg, newWebhookEndpoint } from "./fixtures/index.ts";

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

async function receiver() {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

async function delivery(endpointId: string) {
  const [d] = await sql`select id, status, attempts, total_attempts, next_attempt_at, msg_id, last_status_code, last_error
    from app.webhook_deliveries where endpoint_id = ${endpointId} order by id limit 1`;
  return d;
}

async function attemptCount(endpointId: string) {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from app.webhook_attempts where endpoint_id = ${endpointId}`;
  return row.n;
}

/** Makes the delivery due now and runs the dispatcher until one more attempt is recorded. */
async function nextAttempt(endpointId: string, deliveryId: string) {
  const before = await attemptCount(endpointId);
  await makeDue(deliveryId);
  await dispatchUntil(async () => (await attemptCount(endpointId)) > before);
}

/** An endpoint whose receiver answers 500, and one delivery after its first failed attempt. */
async function firstFailedAttempt() {
  const org = await newTenantOrg();
  const r = await receiver();
  r.respond = () => ({ status: 500 });
  const ep = await newWebhookEndpoint(org.key, r.url);
  await newTenant(org.id);
  await dispatchUntil(async () => (await attemptCount(ep.id)) === 1);
  return { org, r, ep, d: await delivery(ep.id) };
}

/** The published schedule: seconds before attempt n + 1 after n failed attempts (before jitter). */
const BACKOFF_SECONDS = [60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 28800, 28800, 28800, 28800, 28800];

describe("retries and backoff", () => {
  it("publishes a schedule of 15 attempts over about 48 hours", async () => {
    const rows = await sql<{ n: number; s: number }[]>`select n, app.webhook_backoff_seconds(n) as s from generate_series(1, 14) n`;
    expect(rows.map((r) => r.s)).toEqual(BACKOFF_SECONDS);
    const total = rows.reduce((a, r) => a + r.s, 0) / 3600;
    expect(total).toBeGreaterThan(47);
    expect(total).toBeLessThan(50);
    const [settings] = await sql`select max_attempts, disable_after_failures from app.webhook_settings`;
    expect(settings).toEqual({ max_attempts: 15, disable_after_failures: 10 });
  });

  it("retries a failed delivery with exponential backoff and jitter, records every attempt, and a 2xx ends it", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const big = "x".repeat(5000);
    r.respond = () => ({ status: 503, body: `unavailable ${big}` });
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id);
    await dispatchUntil(async () => (await attemptCount(ep.id)) === 1);

    const d = await delivery(ep.id);
    for (let n = 1; n <= 4; n++) {
      const current = await delivery(ep.id);
      expect(current).toMatchObject({ status: "pending", attempts: n, last_status_code: 503 });
      const wait = (current.next_attempt_at.getTime() - Date.now()) / 1000;
      const nominal = BACKOFF_SECONDS[n - 1];
      expect(wait).toBeGreaterThan(nominal * 0.9 - 5);
      expect(wait).toBeLessThan(nominal * 1.1 + 1);
      // the queue agrees: the message stays invisible until then
      const [msg] = await sql`select vt from pgmq.q_webhooks where msg_id = ${current.msg_id}`;
      expect(Math.abs(msg.vt.getTime() - current.next_attempt_at.getTime())).toBeLessThan(2000);
      if (n < 4) await nextAttempt(ep.id, d.id);
    }

    // each attempt signed at its own time: t moves with the attempt
    const ts = r.received.map((x) => Number(/t=(\d+)/.exec(x.headers["x-pmai-signature"])![1]));
    r.received.forEach((x, i) => expect(Math.abs(x.receivedAt / 1000 - ts[i])).toBeLessThan(2));
    expect(r.received.map((x) => x.headers["x-pmai-attempt"])).toEqual(["1", "2", "3", "4"]);

    r.respond = () => ({ status: 202 });
    await nextAttempt(ep.id, d.id);
    expect(await delivery(ep.id)).toMatchObject({ status: "succeeded", total_attempts: 5, msg_id: null });
    const attempts = await sql`select attempt, succeeded, status_code, latency_ms, response_body, error, attempted_at
      from app.webhook_attempts where delivery_id = ${d.id} order by id`;
    expect(attempts.map((a) => a.status_code)).toEqual([503, 503, 503, 503, 202]);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts[0].response_body).toHaveLength(1024);
    expect(attempts[0].error).toBe("HTTP 503");
    expect(attempts.every((a) => a.latency_ms >= 0 && a.attempted_at instanceof Date)).toBe(true);
    expect((await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body.consecutive_failures).toBe(0);
  });

  it("gives a delivery up after the last attempt, and replay sends it again", async () => {
    const { org, r, ep, d } = await firstFailedAttempt();
    // as if 13 more attempts had failed over two days (with a success elsewhere in between)
    await sql`update app.webhook_deliveries set attempts = 14 where id = ${d.id}`;
    await nextAttempt(ep.id, d.id);
    expect(await delivery(ep.id)).toMatchObject({ status: "failed", msg_id: null });
    const [archived] = await sql`select count(*)::int as n from pgmq.a_webhooks where msg_id = ${d.msg_id}`;
    expect(archived.n).toBe(1);

    r.respond = () => ({ status: 200 });
    const replay = await call(`/webhook-endpoints/${ep.id}/replay`, { method: "POST", key: org.key, json: { since: "2020-01-01T00:00:00Z" } });
    expect(replay.body.replayed).toBe(1);
    await dispatchUntil(async () => (await delivery(ep.id)).status === "succeeded");
  });

  it("counts a timeout and a refused connection as failed attempts", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    r.respond = () => ({ status: 200, delayMs: 2500 });
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id);
    await dispatchUntil(async () => (await attemptCount(ep.id)) === 1);
    expect(await delivery(ep.id)).toMatchObject({ status: "pending", last_status_code: null, last_error: "timed out after 1500 ms" });

    const closedPort = await freePort();
    await sql`update app.webhook_endpoints set url = ${`http://127.0.0.1:${closedPort}/gone`} where id = ${ep.id}`;
    await nextAttempt(ep.id, (await delivery(ep.id)).id);
    const d = await delivery(ep.id);
    expect(d.status).toBe("pending");
    expect(d.last_error).toMatch(/connect|refused/i);
  });
});

async function mailTo(address: string): Promise<{ subject: string; text: string; to: string[] }[]> {
  const res = await fetch(`${mailUrl}/messages?to=${encodeURIComponent(address)}`);
  return res.json();
}

describe("auto-disable", () => {
  it("disables the endpoint at exactly the 10th consecutive failure, emails the owner, and keeps deliveries", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    r.respond = () => ({ status: 500, body: "boom" });
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id, { name: "first" });
    await dispatchUntil(async () => (await attemptCount(ep.id)) === 1);
    const d = await delivery(ep.id);
    for (let n = 2; n <= 9; n++) await nextAttempt(ep.id, d.id);
    let state = (await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body;
    expect(state).toMatchObject({ status: "enabled", consecutive_failures: 9 });
    expect(await mailTo(org.ownerEmail)).toEqual([]);

    await nextAttempt(ep.id, d.id);
    state = (await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body;
    expect(state).toMatchObject({ status: "disabled", disabled_reason: "consecutive_failures", consecutive_failures: 10 });
    expect(await delivery(ep.id)).toMatchObject({ status: "held", msg_id: null, total_attempts: 10 });

    // the owner's email, through the outbox, at the local SMTP catcher
    const mail = await vi.waitFor(async () => {
      const sent = await mailTo(org.ownerEmail);
      expect(sent).toHaveLength(1);
      return sent;
    }, { timeout: 5000, interval: 100 });
    expect(mail[0].subject).toContain("webhook endpoint disabled");
    expect(mail[0].text).toContain(ep.id);
    expect(mail[0].text).toContain("10 consecutive failed deliveries");
    expect(mail[0].text).not.toContain(ep.secret);
    const [outbox] = await sql`select sent_at from app.email_outbox where organization_id = ${org.id}`;
    expect(outbox.sent_at).toBeInstanceOf(Date);

    // events while disabled are kept, not sent
    await newTenant(org.id, { name: "while disabled" });
    await dispatchOnce();
    expect(r.received).toHaveLength(10);
    const held = await sql`select status from app.webhook_deliveries where endpoint_id = ${ep.id}`;
    expect(held.map((h) => h.status)).toEqual(["held", "held"]);
    const [view] = await sql`select held_deliveries, disabled_reason from app.webhook_disabled_endpoints where endpoint_id = ${ep.id}`;
    expect(view).toEqual({ held_deliveries: "2", disabled_reason: "consecutive_failures" });

    // re-enabling sends both
    r.respond = () => ({ status: 200 });
    const enabled = await call(`/webhook-endpoints/${ep.id}/enable`, { method: "POST", key: org.key });
    expect(enabled.body).toMatchObject({ status: "enabled", consecutive_failures: 0 });
    await dispatchUntil(() => r.received.length >= 12);
    const names = r.received.slice(10).map((x) => JSON.parse(x.body).payload.name).sort();
    expect(names).toEqual(["first", "while disabled"]);
  });

  it("a success in between resets the count", async () => {
    const { org, r, ep, d } = await firstFailedAttempt();
    for (let n = 2; n <= 6; n++) await nextAttempt(ep.id, d.id);
    r.respond = (x) => (JSON.parse(x.body).payload.name === "ok" ? { status: 200 } : { status: 500 });
    await newTenant(org.id, { name: "ok" });
    // the circuit is open: the new event waits for the next probe, and is that probe (the oldest
    // waiting); its success closes the circuit and releases the retry at once, whose failure
    // counts 1
    await makeDue(d.id);
    await dispatchUntil(async () => (await attemptCount(ep.id)) === 8);
    expect((await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body).toMatchObject({ consecutive_failures: 1 });
    for (let n = 2; n <= 9; n++) await nextAttempt(ep.id, d.id);
    const state = (await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body;
    expect(state).toMatchObject({ status: "enabled", consecutive_failures: 9 });
  });

  it("disables at once on 410 Gone", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    r.respond = () => ({ status: 410 });
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id);
    await dispatchUntil(async () => (await attemptCount(ep.id)) === 1);
    const state = (await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body;
    expect(state).toMatchObject({ status: "disabled", disabled_reason: "gone", consecutive_failures: 1 });
    expect((await delivery(ep.id)).status).toBe("held");
    // a disabled endpoint neither replays nor redelivers until enabled
    const replay = await call(`/webhook-endpoints/${ep.id}/replay`, { method: "POST", key: org.key, json: { since: "2020-01-01T00:00:00Z" } });
    expect(replay.status).toBe(409);
  });
});

describe("SSRF", () => {
  it("refuses private, link-local, metadata and non-https destinations at registration", async () => {
    const org = await newTenantOrg();
    const refused = [
      "http://example.com/hook",
      "https://10.0.0.5/hook",
      "https://172.16.3.4/hook",
      "https://192.168.1.10/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://100.100.100.200/",
      "https://0.0.0.0/",
      "https://[fd00::1]/",
      "https://[fe80::1]/",
      "https://[::ffff:192.168.0.1]/",
      "https://[::ffff:169.254.169.254]/",
      "https://[64:ff9b::a00:1]/",
      "https://[2002:a00:1::]/",
      "https://[fd00:ec2::254]/",
      "https://unresolvable-host.invalid/hook",
      "https://user:pass@127.0.0.1/hook",
      "http://10.0.0.1/hook",
      "https://224.0.0.1/",
    ];
    for (const url of refused) {
      const res = await call("/webhook-endpoints", { method: "POST", key: org.key, json: { url } });
      expect(res.status, url).toBe(400);
      expect(res.body.error, url).toMatch(/^url: /);
    }
    // the decimal form of 127.0.0.1 is normalized before the check (and loopback is allowed in tests)
    const decimal = await call("/webhook-endpoints", { method: "POST", key: org.key, json: { url: "http://2130706433:9/x" } });
    expect(decimal.body.url).toBe("http://127.0.0.1:9/x");
    const changed = await call(`/webhook-endpoints/${decimal.body.id}`, { method: "PATCH", key: org.key, json: { url: "https://192.168.0.1/" } });
    expect(changed.status).toBe(400);
  });

  it("checks again at delivery, after resolving the host", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url);
    // as if the endpoint's name had come to point somewhere it must not
    // a forbidden address fails the delivery at its first attempt (no later attempt can succeed);
    // a name that does not resolve is retried, as DNS can recover
    for (const [url, why, status] of [
      ["https://169.254.169.254/latest", /refused: .*169\.254\.169\.254/, "failed"],
      ["https://nowhere.invalid/x", /refused: the host nowhere\.invalid could not be resolved/, "pending"],
    ] as const) {
      // a new address starts with its circuit closed, as an update of the URL through the API does
      await sql`update app.webhook_endpoints set url = ${url}, next_probe_at = null where id = ${ep.id}`;
      const before = await attemptCount(ep.id);
      await newTenant(org.id);
      await dispatchUntil(async () => (await attemptCount(ep.id)) > before);
      const [last] = await sql`
        select a.error, a.status_code, d.status, d.attempts,
               exists (select 1 from pgmq.q_webhooks q where q.msg_id = d.msg_id) as queued
        from app.webhook_attempts a join app.webhook_deliveries d on d.id = a.delivery_id
        where a.endpoint_id = ${ep.id} order by a.id desc limit 1`;
      expect(last.status_code).toBeNull();
      expect(last.error).toMatch(why);
      expect(last, url).toMatchObject({ status, attempts: 1, queued: status === "pending" });
    }
    // a name resolving to loopback is delivered only because loopback is allowed here
    await sql`update app.webhook_endpoints set url = ${r.url.replace("127.0.0.1", "localhost")}, next_probe_at = null where id = ${ep.id}`;
    await newTenant(org.id, { name: "via localhost" });
    await dispatchUntil(() => r.received.length >= 1);
    // sent by name (Host), over a connection to the address that was checked
    expect(r.received[0].headers.host).toBe(new URL(r.url.replace("127.0.0.1", "localhost")).host);
  });

  it("without the loopback setting, refuses loopback too, including a name that resolves to it", async () => {
    const port = await freePort();
    const child = spawn(denoBinary(), ["run", "--allow-all", "--no-prompt", "scripts/functions-server.ts"], {
      cwd: process.cwd(), stdio: "ignore",
      env: { ...process.env, FUNCTIONS_ONLY: "webhook-endpoints,health", FUNCTIONS_PORT: String(port), FUNCTIONS_HOST: "127.0.0.1",
             SUPABASE_DB_URL: databaseUrl, WEBHOOK_SECRET_KEYS: webhookSecretKeys, WEBHOOK_ALLOW_LOOPBACK: "" },
    });
    try {
      await waitForServer(`http://127.0.0.1:${port}/api/health`, { ok: true });
      const org = await newTenantOrg();
      for (const [url, why] of [["http://127.0.0.1:9/x", /must use https/], ["https://127.0.0.1/x", /loopback/],
        ["https://[::1]/x", /loopback/], ["https://localhost/x", /resolves to .*loopback/]] as const) {
        const res = await fetch(`http://127.0.0.1:${port}/api/webhook-endpoints`, {
          method: "POST", headers: { authorization: `Bearer ${org.key}`, "content-type": "application/json" }, body: JSON.stringify({ url }),
        });
        expect(res.status, url).toBe(400);
        expect((await res.json()).error).toMatch(why);
      }
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("at-least-once", () => {
  it("loses nothing when the dispatcher is killed mid-batch (SIGKILL)", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    // the first requests hang, so the batch is in flight when the dispatcher dies (12: within
    // the endpoint's lane, 16 attempts in flight)
    r.respond = (x) => (x.n <= 12 ? { status: 200, delayMs: 60_000 } : { status: 200 });
    const ep = await newWebhookEndpoint(org.key, r.url);
    for (let i = 0; i < 12; i++) await newTenant(org.id, { name: `t${i}` });

    const port = await freePort();
    const child = spawn(denoBinary(), ["run", "--allow-all", "--no-prompt", "scripts/functions-server.ts"], {
      cwd: process.cwd(), stdio: "ignore",
      env: { ...process.env, FUNCTIONS_ONLY: "webhook-dispatcher,health", FUNCTIONS_PORT: String(port), FUNCTIONS_HOST: "127.0.0.1",
             SUPABASE_DB_URL: databaseUrl, SCHEDULER_SECRET: schedulerSecret, WEBHOOK_SECRET_KEYS: webhookSecretKeys,
             WEBHOOK_ALLOW_LOOPBACK: "true" },
    });
    const exited = new Promise((res) => child.once("exit", res));
    await waitForServer(`http://127.0.0.1:${port}/api/health`, { ok: true });
    const run = fetch(`http://127.0.0.1:${port}/functions/v1/webhook-dispatcher`, {
      method: "POST", headers: { authorization: `Bearer ${schedulerSecret}`, "content-type": "application/json" },
      body: JSON.stringify({ visibility_timeout_seconds: 2, attempt_timeout_ms: 1000, max_seconds: 30 }),
    }).catch(() => null);
    // wait until that dispatcher (not another file's run) has every message in flight
    await vi.waitFor(() => expect(r.received.length).toBeGreaterThanOrEqual(12), { timeout: 15_000, interval: 50 });
    child.kill("SIGKILL");
    await exited;
    await run;
    const inFlight = r.received.length;

    await dispatchUntil(async () => {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from app.webhook_deliveries where endpoint_id = ${ep.id} and status = 'succeeded'`;
      return row.n === 12;
    }, 20_000);
    expect(inFlight).toBeGreaterThan(0);
    const ids = new Set(r.received.map((x) => JSON.parse(x.body).id));
    expect(ids.size).toBe(12);
    // the killed run recorded nothing; each delivery's row was written once, by its first
    // recorded attempt
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from app.webhook_deliveries where endpoint_id = ${ep.id}`;
    expect(n).toBe(12);
  }, 60_000);
});

describe("no loss under concurrent commits", () => {
  it("delivers every event committed while a dispatcher run is claiming", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    await newWebhookEndpoint(org.key, r.url);
    const run = dispatchOnce({ until_idle: false, max_seconds: 3 });
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 50; i++) await newTenant(org.id, { name: `w${w}-${i}` });
    });
    await Promise.all(writers);
    await run;
    await dispatchUntil(() => new Set(r.received.map((x) => JSON.parse(x.body).id)).size >= 200);
    const [{ n }] = await sql`select count(*)::int as n from app.webhook_deliveries d join app.webhook_endpoints e on e.id = d.endpoint_id
      where e.organization_id = ${org.id} and d.status = 'succeeded'`;
    expect(n).toBe(200);
  });
});

describe("SQL views", () => {
  it("shows backlog, attempts over the last hour, disabled endpoints, and the pipeline", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    r.respond = () => ({ status: 500 });
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id);
    await newTenant(org.id);
    await dispatchUntil(async () => (await attemptCount(ep.id)) === 2);
    const [backlog] = await sql`select pending::int, due_now::int, retrying::int, held::int, oldest_undelivered_age from app.webhook_backlog where endpoint_id = ${ep.id}`;
    expect(backlog).toMatchObject({ pending: 2, due_now: 0, retrying: 2, held: 0 });
    // an event whose message no dispatcher has attempted yet (here: not due for an hour) has no
    // delivery row, and counts as pending
    await sql.begin(async (tx) => {
      await newTenant(org.id, { name: "later" }, tx);
      await tx`update pgmq.q_webhooks set vt = now() + interval '1 hour' where read_ct = 0 and message->>'endpoint_id' = ${ep.id}`;
    });
    expect(await sql`select 1 from app.webhook_deliveries where endpoint_id = ${ep.id}`).toHaveLength(2);
    const [later] = await sql`select pending::int, due_now::int, retrying::int from app.webhook_backlog where endpoint_id = ${ep.id}`;
    expect(later).toMatchObject({ pending: 3, due_now: 0, retrying: 2 });
    const [hour] = await sql`select attempts::int, failures::int, failure_rate::float8 from app.webhook_attempts_last_hour where endpoint_id = ${ep.id}`;
    expect(hour).toMatchObject({ attempts: 2, failures: 2, failure_rate: 1 });
    const [pipeline] = await sql`select queue_length, oldest_pending_age from app.webhook_pipeline`;
    expect(Number(pipeline.queue_length)).toBeGreaterThanOrEqual(2);
    const [metrics] = await sql`select queue_name, queue_length from pgmq.metrics('webhooks')`;
    expect(metrics.queue_name).toBe("webhooks");
  });
});

describe("app.queue_wait, where an idle dispatcher waits", () => {
  it("ends as soon as a message is due, and after its limit when none comes due; holds no snapshot meanwhile", async () => {
    const queue = `t_wait_${Math.random().toString(36).slice(2, 10)}`;
    await sql`select pgmq.create(${queue}::text)`;
    try {
      const wait = async (ms: number) => {
        const began = Date.now();
        const [row] = await sql<{ due: boolean }[]>`call app.queue_wait(${queue}, ${ms}::int, null)`;
        return { due: row.due, tookMs: Date.now() - began };
      };
      const empty = await wait(300);
      expect(empty.due).toBe(false);
      expect(empty.tookMs).toBeGreaterThanOrEqual(290);

      // a message held back (a retry's backoff) is not due, until it is
      await sql`select pgmq.send(${queue}::text, '{"n": 1}'::jsonb, 60)`;
      expect((await wait(0)).due).toBe(false);
      await sql`update pgmq.${sql(`q_${queue}`)} set vt = clock_timestamp() + interval '300 milliseconds'`;
      const [waiting, xmins] = await Promise.all([
        wait(60_000),
        // while it waits, no transaction of its lasts longer than one look or one 10 ms sleep
        (async () => {
          await vi.waitFor(async () => {
            const [a] = await sql`select count(*)::int as n from pg_stat_activity where query like 'call app.queue_wait(%' and state = 'active'`;
            expect(a.n).toBeGreaterThan(0);
          }, { timeout: 5000, interval: 10 });
          // ten looks, 10 ms apart, during the wait
          const held: number[] = [];
          for (let i = 0; i < 10; i++) {
            const [a] = await sql`select count(*)::int as n from pg_stat_activity
              where query like 'call app.queue_wait(%' and state = 'active' and xact_start < clock_timestamp() - interval '50 milliseconds'`;
            held.push(a.n);
            await new Promise((r) => setTimeout(r, 10));
          }
          return held;
        })(),
      ]);
      expect(waiting.due).toBe(true);
      expect(waiting.tookMs).toBeGreaterThanOrEqual(250);
      expect(waiting.tookMs).toBeLessThan(30_000);
      expect(xmins.every((n) => n === 0)).toBe(true);
      expect((await wait(0)).due).toBe(true);
    } finally {
      await sql`select pgmq.drop_queue(${queue}::text)`;
    }
  });

  it("sees a due message of the webhooks queue (looked at with a kept plan)", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    await newWebhookEndpoint(org.key, r.url);
    // no dispatcher may claim meanwhile: claims start by taking the lease, whose table this holds
    const claims = await sql.reserve();
    try {
      await claims`begin`;
      await claims`lock table app.webhook_dispatcher_lease in exclusive mode`;
      await newTenant(org.id, { name: "due" });
      const [row] = await sql<{ due: boolean }[]>`call app.queue_wait('webhooks', 0, null)`;
      expect(row.due).toBe(true);
    } finally {
      await claims`rollback`;
      claims.release();
    }
  });
});

/**
 * A migrated database of its own on the shared server, with one organization and one endpoint
 * (on a port nothing listens on): no dispatcher of the stack claims from its queue, and its lease,
 * wake-up and locks are its alone.
 */
function withWebhookDatabase(name: string, fn: (db: postgres.Sql, org: { id: string }) => Promise<void>): Promise<void> {
  return withDatabase(name, async (db, url) => {
    await prepareDatabase(db);
    await pushMigrations(url);
    const [org] = await db<{ id: string }[]>`insert into app.organizations (name) values (${name}) returning id`;
    await createEndpoint(db, webhookSecretKeys, org.id, "http://127.0.0.1:9/hook", name);
    await fn(db, org);
  });
}

describe("app.webhook_wait_claim, the dispatcher's wait and its next claim in one call", () => {
  // a database of its own on the shared server: no dispatcher claims from its queue, and no other
  // file's message comes due in it and ends a wait early
  it("claims a message in the call that saw it come due; waits out its limit and claims nothing when none does; claims nothing without the lease", async () => {
    await withWebhookDatabase("wait_claim", async (db, org) => {
      const waitClaim = async (maxMs: number, holder: string) => {
        const began = Date.now();
        const [row] = await db<{ result: { leased: boolean; messages?: { payload: { name: string } }[] } }[]>`
          call app.webhook_wait_claim(${maxMs}::int, 1, ${holder}, 10, 30, now() + interval '1 minute', 5, '{}'::json, '{}'::text[], null)`;
        return { ...row.result, tookMs: Date.now() - began };
      };
      const queued = (tenant: string) => db<{ due: boolean; read_ct: number }[]>`
        select q.vt <= clock_timestamp() as due, q.read_ct from pgmq.q_webhooks q
        join app.webhook_events ev on ev.id = q.message->>'event_id' where ev.payload->>'name' = ${tenant}`;

      // nothing due: the whole wait, then a claim that takes the lease and no message
      const idle = await waitClaim(300, "run-a");
      expect(idle.tookMs).toBeGreaterThanOrEqual(290);
      expect(idle.leased).toBe(true);
      expect(idle.messages).toEqual([]);

      // a message coming due 300 ms into a 10 s wait: claimed by that call, then
      await db`insert into app.tenants (organization_id, name) values (${org.id}, 'due soon')`;
      await db`update pgmq.q_webhooks set vt = clock_timestamp() + interval '300 milliseconds'`;
      const soon = await waitClaim(10_000, "run-a");
      expect(soon.tookMs).toBeGreaterThanOrEqual(250);
      expect(soon.tookMs).toBeLessThan(5_000);
      expect(soon.messages!.map((m) => m.payload.name)).toEqual(["due soon"]);
      expect(await queued("due soon")).toEqual([{ due: false, read_ct: 1 }]);

      // another run holds the lease: the wait ends when a message is due, the claim takes nothing
      await db`insert into app.tenants (organization_id, name) values (${org.id}, 'not yours')`;
      const other = await waitClaim(10_000, "run-b");
      expect(other.tookMs).toBeLessThan(5_000);
      expect(other.leased).toBe(false);
      expect(await queued("not yours")).toEqual([{ due: true, read_ct: 0 }]);
    });
  }, 120_000);
});

describe("app.webhook_release, a run's end", () => {
  // a database of its own: the lease, the wake-up and the writers' lock are its alone
  it("asks for the next run while a writer that saw the lease held is still open, whose message the run could not see", async () => {
    await withWebhookDatabase("release", async (db, org) => {
      const claim = (holder: string) => db`select app.webhook_claim(${holder}, 1, 30, now() + interval '1 minute', 5)`;
      const release = async (holder: string) => (await db<{ asked: boolean }[]>`select app.webhook_release(${holder}) as asked`)[0].asked;

      // nothing due, no writer: the run ends and asks for none
      await claim("run-a");
      expect(await release("run-a")).toBe(false);

      // a writer enqueues while run-b holds the lease, so it asks for no run itself; run-b ends
      // before the writer commits: its release must ask, or the message waits for the minutely tick
      await claim("run-b");
      const writer = await db.reserve();
      try {
        await writer`begin`;
        await writer`insert into app.tenants (organization_id, name) values (${org.id}, 'committed after the run ended')`;
        expect(await db`select requested_at from app.webhook_wake`).toEqual([{ requested_at: null }]);
        expect(await release("run-b")).toBe(true);
        await writer`commit`;
      } finally {
        writer.release();
      }
      const [wake] = await db`select requested_at is not null as asked from app.webhook_wake`;
      expect(wake.asked).toBe(true);
    });
  }, 120_000);
});

describe("the claim's read of the queue", () => {
  it("does not depend on the queue's statistics: a drained queue that reads as empty is still read by key", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    await newWebhookEndpoint(org.key, r.url);
    await rolledBack(async (tx) => {
      // what a vacuum of a drained queue leaves when it cannot truncate the table: pages, no rows
      await tx`update pg_class set reltuples = 0, relpages = greatest(relpages, 1) where oid = 'pgmq.q_webhooks'::regclass`;
      await tx`insert into app.tenants (organization_id, name) select ${org.id}, 'tenant ' || g from generate_series(1, 3000) g`;
      // this claim takes the lease whoever holds it (other files' dispatchers wait for the rollback)
      await tx`delete from app.webhook_dispatcher_lease`;
      const [before] = await tx`select coalesce(idx_tup_fetch, 0)::int as fetched from pg_stat_xact_user_tables where relid = 'pgmq.q_webhooks'::regclass`;
      const [claim] = await tx`select app.webhook_claim('stats-test', 100, 30, now() + interval '1 minute', 5) as result`;
      // the oldest due messages may be other files' (some of them orphans, deleted, not sent)
      expect(claim.result.leased).toBe(true);
      expect(claim.result.messages.length).toBeGreaterThan(0);
      const [after] = await tx`select coalesce(idx_tup_fetch, 0)::int as fetched from pg_stat_xact_user_tables where relid = 'pgmq.q_webhooks'::regclass`;
      // by key: the batch and the messages passed over on the way (in flight, not due); planned
      // as a join on a table believed empty, pgmq.read's statement fetched the whole queue
      expect(after.fetched - before.fetched).toBeLessThan(1000);
    });
  });
});

describe("a delivery's row, written with its first attempt", () => {
  /** An event's message, before any dispatcher reads it (held back an hour so none does). */
  async function heldBackMessage() {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url);
    const [msg] = await sql.begin(async (tx) => {
      await newTenant(org.id, { name: "held back" }, tx);
      return tx`update pgmq.q_webhooks set vt = now() + interval '1 hour' where message->>'endpoint_id' = ${ep.id}
        returning msg_id::int, message->>'delivery_id' as delivery_id, message->>'event_id' as event_id`;
    });
    return { org, ep, msg: msg as { msg_id: number; delivery_id: string; event_id: string } };
  }

  function result(m: { msg_id: number; delivery_id: string; event_id: string }, endpointId: string, organizationId: string,
    ok: boolean, at: string) {
    return { ...m, endpoint_id: endpointId, organization_id: organizationId, ok, status_code: ok ? 200 : 500, latency_ms: 5,
             error: ok ? null : "HTTP 500", response_body: "", attempted_at: at, finished_at: at };
  }

  it("has no row while its first attempt is in flight, counts as pending, and is written once with the outcome", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    r.respond = () => ({ status: 200, delayMs: 700 });
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id);
    const run = dispatchUntil(async () => (await attemptCount(ep.id)) === 1);
    await vi.waitFor(() => expect(r.received.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    expect(r.received).toHaveLength(1);
    // claimed (read once) and being attempted: no row yet, pending in the views
    expect(await sql`select 1 from app.webhook_deliveries where endpoint_id = ${ep.id}`).toHaveLength(0);
    const [q] = await sql`select read_ct from pgmq.q_webhooks where message->>'endpoint_id' = ${ep.id}`;
    expect(q.read_ct).toBe(1);
    const [backlog] = await sql`select pending::int, due_now::int from app.webhook_backlog where endpoint_id = ${ep.id}`;
    expect(backlog).toMatchObject({ pending: 1, due_now: 0 });
    const [pipeline] = await sql`select oldest_pending_age from app.webhook_pipeline`;
    expect(pipeline.oldest_pending_age).not.toBeNull();
    await run;
    const d = await delivery(ep.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 1, total_attempts: 1, msg_id: null, last_status_code: 200 });
    expect(JSON.parse(r.received[0].body).id).toBe((await sql`select event_id from app.webhook_deliveries where id = ${d.id}`)[0].event_id);
    expect(await sql`select 1 from pgmq.q_webhooks where message->>'endpoint_id' = ${ep.id}`).toHaveLength(0);
  });

  it("a failed first attempt writes the row pending, with its retry due after the backoff", async () => {
    const { d } = await firstFailedAttempt();
    expect(d).toMatchObject({ status: "pending", attempts: 1, total_attempts: 1, last_status_code: 500, last_error: "HTTP 500" });
    const [q] = await sql`select vt from pgmq.q_webhooks where msg_id = ${d.msg_id}`;
    expect(Math.abs(new Date(q.vt).getTime() - new Date(d.next_attempt_at).getTime())).toBeLessThan(1000);
    expect(new Date(d.next_attempt_at).getTime() - Date.now()).toBeGreaterThan(50_000);
  });

  it("two results for one delivery in a batch: both are attempts, the latest decides", async () => {
    const { org, ep, msg } = await heldBackMessage();
    const [rec] = await sql`select app.webhook_record(${JSON.stringify([
      result(msg, ep.id, org.id, true, "2026-11-28T10:00:02Z"),
      result(msg, ep.id, org.id, false, "2026-11-28T10:00:01Z"),
    ])}::text::json) as r`;
    expect(rec.r).toEqual({ disabled: [] });
    const [d] = await sql`select status, attempts, msg_id, delivered_at from app.webhook_deliveries where id = ${msg.delivery_id}`;
    expect(d).toMatchObject({ status: "succeeded", attempts: 1, msg_id: null });
    expect(new Date(d.delivered_at).toISOString()).toBe("2026-11-28T10:00:02.000Z");
    const attempts = await sql`select succeeded from app.webhook_attempts where delivery_id = ${msg.delivery_id} order by attempted_at`;
    expect(attempts.map((a) => a.succeeded)).toEqual([false, true]);
    expect(await sql`select 1 from pgmq.q_webhooks where msg_id = ${msg.msg_id}`).toHaveLength(0);
  });

  it("writes no row, and no attempt, for a result naming another organization's endpoint", async () => {
    const { org, ep, msg } = await heldBackMessage();
    const other = await heldBackMessage();
    // this event, with the other organization's endpoint; then with the other organization
    for (const forged of [result(msg, other.ep.id, org.id, true, "2026-11-28T10:00:00Z"),
                          result(msg, ep.id, other.org.id, true, "2026-11-28T10:00:00Z")]) {
      const [rec] = await sql`select app.webhook_record(${JSON.stringify([forged])}::text::json) as r`;
      expect(rec.r).toEqual({ disabled: [] });
    }
    expect(await sql`select 1 from app.webhook_deliveries where id = ${msg.delivery_id}`).toHaveLength(0);
    expect(await sql`select 1 from app.webhook_attempts where delivery_id = ${msg.delivery_id}`).toHaveLength(0);
    expect(await sql`select 1 from app.webhook_deliveries where endpoint_id = ${other.ep.id}`).toHaveLength(0);
  });
});
