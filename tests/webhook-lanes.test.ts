// Per-endpoint lanes and the endpoint circuit breaker (issue 19), on a stack of its own (a
// database of the shared server, its own functions process and wake-ups), so its settings (the
// retry schedule's unit shortened to 10 ms) and its slow receivers touch no other file:
//   - a slow (8 s) and a hanging receiver beside a healthy one: the healthy one is not delayed;
//   - a receiver failing for about two seconds during a burst is not disabled, and gets everything;
//   - one failing for as long as the schedule implies (about 5 s at 10 ms) is, with the email, and
//     enabling it again delivers everything it held.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, prepareDatabase, pushMigrations, type Sql } from "../scripts/lib/database.ts";
import { type FunctionsServer, startFunctions } from "../scripts/lib/functions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { type Scheduler, startScheduler } from "../scripts/lib/scheduler.ts";
import { createEndpoint } from "../scripts/lib/webhook-secrets.ts";
import { databaseUrl as sharedUrl, type Receiver, startReceiver } from "./helpers.ts";

const webhookSecretKeys = inject("webhookSecretKeys");

const UNIT_MS = 10;
const dbName = `lanes_${randomBytes(4).toString("hex")}`;
const dbUrl = (() => {
  const u = new URL(sharedUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const schedulerSecret = `test_scheduler_${randomBytes(16).toString("hex")}`;
let admin: postgres.Sql;
let sql: Sql;
let functions: FunctionsServer;
let scheduler: Scheduler;
let port: number;
let ticker: ReturnType<typeof setInterval> | undefined;
const receivers: Receiver[] = [];

beforeAll(async () => {
  admin = postgres(sharedUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  sql = connect(dbUrl, 4);
  await prepareDatabase(sql);
  await pushMigrations(dbUrl);
  await sql`update app.webhook_settings set backoff_unit_ms = ${UNIT_MS}`;
  port = await freePort();
  functions = await startFunctions({
    port,
    env: {
      SUPABASE_URL: `http://127.0.0.1:${port}`, SUPABASE_DB_URL: dbUrl, SCHEDULER_SECRET: schedulerSecret,
      WEBHOOK_ALLOW_LOOPBACK: "true", WEBHOOK_IDLE_SECONDS: "2", FUNCTIONS_ONLY: "webhook-dispatcher,health",
      WEBHOOK_SECRET_KEYS: webhookSecretKeys,
    },
    log: () => {},
  });
  scheduler = await startScheduler({ sql, functionsUrl: `http://127.0.0.1:${port}`, schedulerSecret, log: () => {}, jobs: false });
  // the minutely safety net, played every half second: a probe due while no run is under way
  // (nothing was enqueued) is sent by the next run, as pg_cron's next call sends it hosted
  ticker = setInterval(() => {
    fetch(`http://127.0.0.1:${port}/functions/v1/webhook-dispatcher`, {
      method: "POST", headers: { authorization: `Bearer ${schedulerSecret}`, "content-type": "application/json" },
      body: JSON.stringify({ until_idle: true }),
    }).then((r) => r.body?.cancel(), () => {});
  }, 500);
}, 120_000);

afterAll(async () => {
  clearInterval(ticker);
  for (const r of receivers) await r.close();
  await scheduler?.stop();
  await functions?.stop();
  await sql?.end({ timeout: 5 });
  await admin?.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin?.end({ timeout: 5 });
});

async function receiver() {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

/** An organization with an owner and one endpoint per url, in that order. */
async function organizationWith(urls: string[]): Promise<{ org: string; owner: string; endpoints: string[] }> {
  const [org] = await sql`insert into app.organizations (name) values (${`Lanes ${randomBytes(3).toString("hex")}`}) returning id`;
  const owner = `owner-${randomBytes(3).toString("hex")}@example.test`;
  await sql`insert into app.members (organization_id, email, name, role) values (${org.id}, ${owner}, 'Owner', 'owner')`;
  const endpoints: string[] = [];
  for (const url of urls) {
    endpoints.push((await createEndpoint(sql, webhookSecretKeys, org.id, url, "lanes test")).id);
  }
  return { org: org.id, owner, endpoints };
}

/** Commits `n` tenant.added events, `perSecond` a second; answers each one's name and commit time. */
async function emit(org: string, prefix: string, n: number, perSecond = Infinity): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  const start = Date.now();
  for (let i = 0; i < n; i++) {
    const wait = start + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const name = `${prefix}-${i}`;
    await sql`insert into app.tenants (organization_id, name) values (${org}, ${name})`;
    committed.set(name, Date.now());
  }
  return committed;
}

const nameOf = (body: string) => JSON.parse(body).payload.name as string;
/** The names a receiver was sent since `since`, each with when it first arrived then. */
function receivedSince(r: Receiver, since = 0): Map<string, number> {
  const got = new Map<string, number>();
  for (const x of r.received) if (x.receivedAt >= since && !got.has(nameOf(x.body))) got.set(nameOf(x.body), x.receivedAt);
  return got;
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function endpoint(id: string) {
  const [e] = await sql`select enabled, disabled_reason, consecutive_failures, next_probe_at, disabled_at from app.webhook_endpoints where id = ${id}`;
  return e;
}
async function attempts(id: string): Promise<number> {
  const [row] = await sql`select count(*)::int as n from app.webhook_attempts where endpoint_id = ${id}`;
  return row.n;
}

describe("per-endpoint lanes", () => {
  it("a slow (8 s) and a hanging receiver do not delay a healthy one's deliveries", async () => {
    const healthy = await receiver();
    const slow = await receiver();
    slow.respond = () => ({ status: 200, delayMs: 8000 });
    const hanging = await receiver();
    hanging.respond = () => ({ status: 200, delayMs: 60_000 });
    // the functions process warmed up first (its first run compiles the dispatcher)
    const warm = await organizationWith([healthy.url]);
    await emit(warm.org, "warm", 5);
    await waitFor("the warm-up events", () => receivedSince(healthy).size === 5, 20_000);
    healthy.received.length = 0;
    const { org, endpoints: [, slowId] } = await organizationWith([healthy.url, slow.url, hanging.url]);
    // every event goes to all three; 150 events at 50/s, each slow lane full within the first second
    const committed = await emit(org, "lane", 150, 50);
    await waitFor("the healthy receiver to get every event", () => receivedSince(healthy).size === committed.size, 20_000);
    const got = receivedSince(healthy);
    const latencies = [...committed].map(([name, at]) => got.get(name)! - at).sort((a, b) => a - b);
    // baseline on this machine is a few ms; before lanes, the slow receiver held the pool and the
    // healthy one waited seconds
    expect(latencies[Math.floor(latencies.length * 0.99) - 1]).toBeLessThan(1000);
    // the slow lane: never more than endpoint_concurrency (16) at once, and the rest waits parked
    const inFlight = (r: Receiver) => Math.max(...r.received.map((x) => r.received.filter((y) => y.receivedAt <= x.receivedAt && y.receivedAt > x.receivedAt - 7500).length));
    expect(inFlight(slow)).toBeLessThanOrEqual(16);
    expect(hanging.received.length).toBeLessThanOrEqual(16);
    const [{ parked }] = await sql`select count(*)::int as parked from app.webhook_parked where endpoint_id = ${slowId}`;
    expect(parked).toBeGreaterThan(0);
    // nothing is lost meanwhile: every event of the slow endpoint is delivered, or waiting
    const [{ waiting }] = await sql`select (select count(*) from pgmq.q_webhooks where message->>'endpoint_id' = ${slowId})::int as waiting`;
    expect(waiting + receivedSince(slow).size).toBeGreaterThanOrEqual(committed.size);
  }, 60_000);
});

describe("the circuit breaker", () => {
  it("a receiver failing for two seconds during a burst is not disabled, and gets every event after", async () => {
    const r = await receiver();
    let failingUntil = 0;
    r.respond = (x) => {
      if (x.n === 1) failingUntil = Date.now() + 2000;
      return Date.now() < failingUntil ? { status: 503 } : { status: 200 };
    };
    const { org, endpoints: [id] } = await organizationWith([r.url]);
    await emit(org, "blip", 300);
    // answered 200: received once the two seconds were over
    await waitFor("every event delivered", () => failingUntil > 0 && receivedSince(r, failingUntil).size === 300, 30_000);
    const e = await endpoint(id);
    expect(e).toMatchObject({ enabled: true, consecutive_failures: 0, next_probe_at: null });
    // while it failed, new deliveries waited for the probes: a handful of failed attempts (those
    // in flight when it first failed, then one probe a backoff step apart), not one per delivery
    const failed = r.received.filter((x) => x.receivedAt < failingUntil).length;
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(failed).toBeLessThan(60);
    await waitFor("every attempt recorded", async () => (await attempts(id)) === r.received.length, 10_000);
    const [states] = await sql`select count(*) filter (where status = 'succeeded')::int as ok, count(*)::int as all from app.webhook_deliveries where endpoint_id = ${id}`;
    expect(states).toEqual({ ok: 300, all: 300 });
  }, 60_000);

  it("one failing for as long as the schedule implies is disabled, its owner emailed; enabled, it gets everything", async () => {
    const r = await receiver();
    r.respond = () => ({ status: 500 });
    const { org, owner, endpoints: [id] } = await organizationWith([r.url]);
    const started = Date.now();
    await emit(org, "down", 100);
    await waitFor("the endpoint disabled", async () => !(await endpoint(id)).enabled, 30_000);
    const e = await endpoint(id);
    expect(e).toMatchObject({ enabled: false, disabled_reason: "consecutive_failures", consecutive_failures: 10 });
    // nine backoff steps after the first failure: 511 units (10 ms here, 1 minute hosted), ±10%
    const tookMs = e.disabled_at.getTime() - started;
    expect(tookMs).toBeGreaterThan(0.9 * 511 * UNIT_MS);
    // far fewer attempts than deliveries: new deliveries waited for the probes
    expect(r.received.length).toBeLessThan(100);
    await waitFor("every attempt recorded", async () => (await attempts(id)) === r.received.length, 10_000);
    const [mail] = await sql`select to_address, subject, body from app.email_outbox where organization_id = ${org}`;
    expect(mail.to_address).toBe(owner);
    expect(mail.subject).toContain(r.url);
    expect(mail.body).toContain("10 consecutive failed deliveries");
    // nothing dropped: every delivery is held, and enabling sends them all
    await waitFor("every delivery held", async () => {
      const [row] = await sql`select count(*)::int as n from app.webhook_deliveries where endpoint_id = ${id} and status = 'held'`;
      return row.n === 100;
    }, 15_000);
    r.respond = () => ({ status: 200 });
    const enabledAt = Date.now();
    await sql`select app.webhook_endpoint_set_enabled(${org}, ${id}, true)`;
    await waitFor("every event delivered after enabling", () => receivedSince(r, enabledAt).size === 100, 20_000);
    await waitFor("every delivery succeeded", async () => {
      const [row] = await sql`select count(*) filter (where status = 'succeeded')::int as n from app.webhook_deliveries where endpoint_id = ${id}`;
      return row.n === 100;
    }, 15_000);
  }, 90_000);
});
