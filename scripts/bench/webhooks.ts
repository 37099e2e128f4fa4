// Webhook delivery benchmark (`npm run bench`), side by side in one run on this machine:
//   - ours: triggers -> pgmq -> the webhook-dispatcher Edge Function (under Deno, driven by the
//     dev stack's scheduler exactly as pg_cron + pg_net drive it on hosted projects);
//   - the ceiling: one Node process POSTing signed bodies as fast as it can;
//   - pg-boss and graphile-worker, tuned for throughput, delivering the same events.
// Every system posts to the same receiver (a separate process) which verifies every signature,
// and every system sends the same request: our tenant.added envelope, its payload's fields and
// our headers (the baselines' jobs carry ids shaped like ours).
//   Burst: 20,000 events committed at once, spread over 3 endpoints (3 organizations);
//          deliveries/s until the last is received, and commit-to-receipt p50/p99.
//   Steady: 200 events/s for 15 s; commit-to-receipt p50/p99.
//   Write cost: payments recorded per second (a receipt paying a charge in full fires rent.paid)
//          with and without the webhook trigger, the median of six interleaved pairs.
//   Faults (ours): the steady load again, with a receiver answering after 8 s and one never
//          answering beside each endpoint (every event goes to them too): the healthy endpoints'
//          p99 commit-to-receipt (under 100 ms) and their deliveries/s against the steady run's
//          (at least 80%).
//   Bursts are repeated (3 rounds, each system once per round, the order rotating) and each
//   system's median burst is reported, with every round's rate.
// BENCH_EVENTS, BENCH_STEADY_RATE, BENCH_STEADY_SECONDS, BENCH_BURST_ROUNDS override the sizes;
// BENCH_WEBHOOKS_STEADY_ONLY=1 runs the steady phase alone (after a warm-up of ours), to iterate on it.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { startStack } from "../lib/stack.ts";
import { freePort } from "../lib/ports.ts";
import { startScheduler } from "../lib/scheduler.ts";
import { cpuByGroup, cpuPerUnit } from "./lib.ts";
import { createEndpoint } from "../lib/webhook-secrets.ts";

/**
 * pg-boss and graphile-worker live in their own package (scripts/bench/queues) because they want
 * Node 22 while the project needs only Node 20; installed there on first use.
 */
async function loadQueues() {
  const dir = fileURLToPath(new URL("./queues/", import.meta.url));
  if (!existsSync(join(dir, "node_modules", "pg-boss")) || !existsSync(join(dir, "node_modules", "graphile-worker"))) {
    console.log("Installing the comparison queues into scripts/bench/queues (once; npm's EBADENGINE warning there is expected on Node 20, they run fine on it)...");
    execFileSync("npm", ["ci", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
  }
  // the parameters given to the queues' callbacks are typed by hand, so that `npm test`'s type
  // check passes before this folder is installed (its types are then unknown to deno)
  return await import("./queues/index.ts");
}

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_STEADY_RATE ?? 200);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 15);
const ENDPOINTS = 3;
const WRITE_COST_ROWS = 3000;
const WRITE_COST_PAIRS = 6;
const BURST_ROUNDS = Number(process.env.BENCH_BURST_ROUNDS ?? 3);
/** BENCH_WEBHOOKS_STEADY_ONLY=1: only the steady phase (for iterating on it; the reported figures come from the full run). */
const STEADY_ONLY = process.env.BENCH_WEBHOOKS_STEADY_ONLY === "1";

// ---------------------------------------------------------------- the receiver (child process)

/** Verifies X-PMAI-Signature with the endpoint's secret (any v1=, 5-minute tolerance). */
function verify(header: string, body: string, secret: string): boolean {
  const parts = header.split(",").map((p) => p.split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!t || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const mac = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return parts.some(([k, v]) => k === "v1" && v === mac);
}

function runReceiver() {
  const secrets = new Map<string, string>();
  let pending: [string, number][] = [];
  let bad = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      const secret = secrets.get(req.url ?? "");
      if (!secret || !verify(String(req.headers["x-pmai-signature"] ?? ""), body, secret)) {
        bad++;
        res.writeHead(401).end();
        return;
      }
      pending.push([JSON.parse(body).payload.name, at]);
      res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  setInterval(() => {
    if (pending.length || bad) {
      process.send!({ receipts: pending, bad });
      pending = [];
      bad = 0;
    }
  }, 20);
  process.on("message", (m: { secrets?: Record<string, string> }) => {
    if (m.secrets) for (const [path, secret] of Object.entries(m.secrets)) secrets.set(path, secret);
    process.send!({ ok: true });
  });
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as { port: number }).port }));
}

interface Receiver {
  port: number;
  pid: number;
  received: Map<string, number>;
  bad: number;
  setSecrets(map: Record<string, string>): Promise<void>;
  waitFor(names: string[], timeoutMs: number): Promise<boolean>;
  stop(): void;
}

async function startReceiverProcess(): Promise<Receiver> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--receiver"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const received = new Map<string, number>();
  const r: Receiver = {
    port: 0, pid: child.pid!, received, bad: 0,
    setSecrets: (map) => new Promise((resolve) => {
      child.once("message", () => resolve());
      child.send({ secrets: map });
    }),
    async waitFor(names, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (names.every((n) => received.has(n))) return true;
        await new Promise((res) => setTimeout(res, 20));
      }
      return false;
    },
    stop: () => child.kill("SIGKILL"),
  };
  child.on("message", (m: { receipts?: [string, number][]; bad?: number }) => {
    for (const [name, at] of m.receipts ?? []) if (!received.has(name)) received.set(name, at);
    r.bad += m.bad ?? 0;
  });
  r.port = await new Promise<number>((resolve) => child.once("message", (m: { port: number }) => resolve(m.port)));
  return r;
}

// ---------------------------------------------------------------- a signed POST, for the baselines

interface Job {
  path: string;
  secret: string;
  organization_id: string;
  name: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** An id shaped like ours (prefix, underscore, 26 characters), derived from the job's name. */
const idLike = (prefix: string, name: string) => `${prefix}_${name.replace(/[^0-9a-z]/gi, "").toUpperCase().padStart(26, "0").slice(-26)}`;

/** The same request our dispatcher sends for a tenant.added event: envelope, payload fields and headers. */
function post(port: number, job: Job): Promise<void> {
  const now = Date.now();
  const eventId = idLike("evt", job.name);
  const body = JSON.stringify({
    event: "tenant.added", delivered_at: new Date(now).toISOString(), organization_id: job.organization_id,
    payload: { tenant_id: idLike("ten", job.name), name: job.name, email: null, phone: null, added_at: new Date(now).toISOString().replace(/\.\d+Z$/, "Z") },
    id: eventId,
  });
  const t = Math.floor(now / 1000);
  const signature = `t=${t},v1=${createHmac("sha256", job.secret).update(`${t}.${body}`).digest("hex")}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: job.path, method: "POST", agent, headers: {
      "content-type": "application/json", "user-agent": "Aptoria-Webhooks/1.0", "x-pmai-signature": signature,
      "x-pmai-event": "tenant.added", "x-pmai-event-id": eventId, "x-pmai-delivery-id": idLike("dlv", job.name),
      "x-pmai-attempt": "1", "content-length": Buffer.byteLength(body),
    } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode! < 300 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------- measuring

interface Result {
  system: string;
  scenario: string;
  deliveriesPerSecond?: number;
  p50?: number;
  p99?: number;
  lost: number;
  note?: string;
  /** A burst's CPU per delivery by process group, from /proc. */
  cpu?: string;
  /** A burst's receipts after its commit: the first, then by share received. */
  timeline?: string;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(system: string, scenario: string, committed: Map<string, number>, r: Receiver, burst: boolean): Result {
  const latencies: number[] = [];
  let last = 0, first = Infinity, lost = 0;
  for (const [name, at] of committed) {
    const got = r.received.get(name);
    if (got === undefined) {
      lost++;
      continue;
    }
    latencies.push(got - at);
    last = Math.max(last, got);
    first = Math.min(first, at);
  }
  latencies.sort((a, b) => a - b);
  return {
    system, scenario, lost,
    deliveriesPerSecond: burst ? latencies.length / ((last - first) / 1000) : undefined,
    p50: percentile(latencies, 50), p99: percentile(latencies, 99),
    // where a burst's time goes: its first receipt, then when each share of it had arrived
    timeline: burst ? [0, 10, 50, 90, 99, 100].map((p) => `${p}% ${p ? percentile(latencies, p) : latencies[0]} ms`).join(", ") : undefined,
  };
}

/** A steady run's deliveries/s: receipts over the time from the first commit to the last receipt. */
function steadyRate(committed: Map<string, number>, r: Receiver): number {
  let first = Infinity, last = 0, n = 0;
  for (const [name, at] of committed) {
    const got = r.received.get(name);
    if (got === undefined) continue;
    n++;
    first = Math.min(first, at);
    last = Math.max(last, got);
  }
  return n / ((last - first) / 1000);
}

/** Receivers that misbehave, in this process: /slow answers 200 after 8 s, /hang never answers. */
async function startFaultyReceivers(): Promise<{ port: number; slow(): number; hung(): number; stop(): Promise<void> }> {
  let slow = 0, hung = 0;
  const server = createServer((req, res) => {
    req.resume();
    if (req.url === "/slow") {
      slow++;
      setTimeout(() => res.writeHead(200).end(), 8000);
    } else hung++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as { port: number }).port, slow: () => slow, hung: () => hung,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** Calls `emit(name)` RATE times a second for STEADY_SECONDS, recording each commit time. */
async function steady(prefix: string, emit: (name: string) => Promise<unknown>): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  const total = RATE * STEADY_SECONDS;
  const start = Date.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    const name = `${prefix}-${i}`;
    inflight.push(emit(name).then(() => void committed.set(name, Date.now())));
  }
  await Promise.all(inflight);
  return committed;
}

// ---------------------------------------------------------------- the benchmark

export async function benchWebhooks(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "aptoria-bench-webhooks-"));
  const log: string[] = [];
  console.log(`Webhooks benchmark: ${EVENTS} events burst over ${ENDPOINTS} endpoints, ${RATE}/s for ${STEADY_SECONDS} s steady.`);
  const stack = await startStack({
    dataDir: join(dir, "postgres"), persistent: false,
    postgresPort: await freePort(), functionsPort: await freePort(),
    scheduler: false, functionsEnv: { WEBHOOK_ALLOW_LOOPBACK: "true" },
    log: (line) => log.push(line),
  });
  const sql = postgres(stack.databaseUrl, { max: 10, onnotice: () => {} });
  const receiver = await startReceiverProcess();
  const results: Result[] = [];
  const stops: (() => Promise<unknown> | void)[] = [];
  try {
    // three organizations, one endpoint each, on the one receiver
    const endpoints: { org: string; path: string; secret: string }[] = [];
    for (let i = 0; i < ENDPOINTS; i++) {
      const [org] = await sql`insert into app.organizations (name) values (${`Bench ${i}`}) returning id`;
      const path = `/hook/${i}`;
      const { secret } = await createEndpoint(sql, stack.webhookSecretKeys, org.id, `http://127.0.0.1:${receiver.port}${path}`, "bench");
      endpoints.push({ org: org.id, path, secret });
    }
    await receiver.setSecrets(Object.fromEntries(endpoints.map((e) => [e.path, e.secret])));
    const jobFor = (e: { org: string; path: string; secret: string }) => ({ path: e.path, secret: e.secret, organization_id: e.org });

    // ---- write cost, before the dispatcher runs (its work would compete for the CPU)
    if (!STEADY_ONLY) {
      const writeCost = await measureWriteCost(sql, endpoints[0].org);
      results.push({ system: "payments recorded/s (receipt -> rent.paid)", scenario: "write cost", lost: 0,
        note: `median of ${WRITE_COST_PAIRS} pairs: without trigger ${writeCost.without.toFixed(0)}/s, with ${writeCost.with.toFixed(0)}/s: ` +
          `${writeCost.ratio.toFixed(2)}x slower (pairs ${writeCost.low.toFixed(2)}-${writeCost.high.toFixed(2)}x)` });
      await sql`delete from app.webhook_deliveries where organization_id = ${endpoints[0].org}`;
      await sql`select pgmq.purge_queue('webhooks'::text)`;
    }

    const scheduler = await startScheduler({ sql: stack.sql, functionsUrl: stack.functionsUrl, schedulerSecret: stack.schedulerSecret, log: (l) => log.push(l) });
    stops.push(() => scheduler.stop());

    // ---- the ceiling: one process, signed POSTs, 64 at a time
    if (!STEADY_ONLY) {
      const jobs = names("raw", EVENTS).map((name, i) => ({ ...jobFor(endpoints[i % ENDPOINTS]), name }));
      const committed = new Map<string, number>();
      const t0 = Date.now();
      for (const j of jobs) committed.set(j.name, t0);
      let next = 0;
      await Promise.all(Array.from({ length: 64 }, async () => {
        while (next < jobs.length) await post(receiver.port, jobs[next++]);
      }));
      await receiver.waitFor(jobs.map((j) => j.name), 30_000);
      results.push(summarize("raw ceiling (1 process, 64 in flight)", "burst", committed, receiver, true));
    }

    // ---- the systems; pg-boss's and graphile-worker's consumers run only for their own
    // phases (ours is scheduled throughout, as on a real project)
    const { PgBoss, run, makeWorkerUtils, Logger } = await loadQueues();
    const utils = await makeWorkerUtils({ connectionString: stack.databaseUrl });
    stops.push(() => utils.release());
    await utils.migrate();
    const startBoss = async () => {
      const boss = new PgBoss({ connectionString: stack.databaseUrl, max: 10, useListenNotify: true, supervise: false, schedule: false });
      boss.on("error", () => {});
      await boss.start();
      await boss.createQueue("webhooks", { notify: true });
      for (let w = 0; w < 4; w++) {
        await boss.work<Job>("webhooks", { batchSize: 50, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 },
          async (jobs: { data: Job }[]) => { await Promise.all(jobs.map((j) => post(receiver.port, j.data))); });
      }
      return boss;
    };
    const startGraphile = () => run({
      connectionString: stack.databaseUrl, concurrency: 32, noHandleSignals: true, pollInterval: 1000,
      taskList: { deliver: async (payload: unknown) => { await post(receiver.port, payload as Job); } },
      preset: { worker: { localQueue: { size: 64 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      logger: new Logger(() => () => {}),
    });
    // a steady event's endpoint follows its number; a burst's jobs go round the endpoints
    const endpointOf = (name: string) => endpoints[Number(name.split("-").pop()) % ENDPOINTS];
    const jobsOf = (all: string[]) => all.map((name, i) => ({ ...jobFor(endpoints[i % ENDPOINTS]), name }));
    /** A phase runs with the system's consumers up: started before it, stopped after it. */
    type Phase = (emitOne: (name: string) => Promise<unknown>, emitAll: (all: string[]) => Promise<unknown>) => Promise<void>;
    const ourPhaseSteady = (prefix: string) =>
      steady(prefix, (name) => sql`insert into app.tenants (organization_id, name) values (${endpointOf(name).org}, ${name})`);
    const ourPhase = (phase: Phase) => phase(
      (name) => sql`insert into app.tenants (organization_id, name) values (${endpointOf(name).org}, ${name})`,
      (all) => sql.begin(async (tx) => {
        for (let e = 0; e < ENDPOINTS; e++) {
          const mine = all.filter((_, i) => i % ENDPOINTS === e);
          await tx`insert into app.tenants (organization_id, name) select ${endpoints[e].org}, unnest(${mine}::text[])`;
        }
      }),
    );
    const bossPhase = async (phase: Phase) => {
      const boss = await startBoss();
      try {
        await phase(
          (name) => boss.send("webhooks", { ...jobFor(endpointOf(name)), name }),
          (all) => boss.insert("webhooks", jobsOf(all).map((data) => ({ data }))),
        );
      } finally {
        await boss.stop({ graceful: false, timeout: 5000 }).catch(() => {});
      }
    };
    const graphilePhase = async (phase: Phase) => {
      const runner = await startGraphile();
      try {
        await phase(
          (name) => utils.addJob("deliver", { ...jobFor(endpointOf(name)), name }),
          (all) => utils.addJobs(jobsOf(all).map((payload) => ({ identifier: "deliver", payload }))),
        );
      } finally {
        await runner.stop();
      }
    };
    // BENCH_LANES=16,256: ours once per endpoint_concurrency in each burst round (an A/B of the
    // lanes in one run); the steady and fault scenarios keep the setting's default
    const laneVariants = (process.env.BENCH_LANES ?? "").split(",").filter(Boolean).map(Number);
    const withLane = (lane: number) => async (phase: Phase) => {
      const [{ was }] = await sql`select endpoint_concurrency as was from app.webhook_settings`;
      await sql`update app.webhook_settings set endpoint_concurrency = ${lane}`;
      try {
        await ourPhase(phase);
      } finally {
        await sql`update app.webhook_settings set endpoint_concurrency = ${was}`;
      }
    };
    const systems = [
      { prefix: "ours", system: "ours: triggers + pgmq + dispatcher", withConsumers: ourPhase },
      ...laneVariants.map((lane) => ({ prefix: `ours${lane}`, system: `ours, endpoint_concurrency ${lane}`, withConsumers: withLane(lane) })),
      { prefix: "boss", system: "pg-boss (4 workers x batch 50, notify)", withConsumers: bossPhase },
      { prefix: "gw", system: "graphile-worker (concurrency 32, local queue 64)", withConsumers: graphilePhase },
    ];

    // ---- bursts: BURST_ROUNDS rounds, each system once per round, the order rotating, so that
    // every system meets the machine's slow and fast moments; each system's median burst is reported
    const bursts = new Map<string, Result[]>(systems.map((sys) => [sys.system, []]));
    for (let round = 0; round < (STEADY_ONLY ? 0 : BURST_ROUNDS); round++) {
      for (let k = 0; k < systems.length; k++) {
        const sys = systems[(round + k) % systems.length];
        const all = names(`${sys.prefix}-burst${round}`, EVENTS);
        await settle(sql);
        await sys.withConsumers(async (_, emitAll) => {
          await new Promise((res) => setTimeout(res, 1500)); // every consumer polling
          const t0 = Date.now();
          await emitAll(all);
          const committedAt = Date.now();
          const cpuBefore = cpuByGroup({ [receiver.pid]: "receiver" });
          await receiver.waitFor(all, 120_000);
          const cpu = cpuPerUnit(cpuBefore, cpuByGroup({ [receiver.pid]: "receiver" }), EVENTS);
          const r = summarize(sys.system, "burst", new Map(all.map((n) => [n, committedAt])), receiver, true);
          r.note = `committing the ${EVENTS} took ${((committedAt - t0) / 1000).toFixed(1)} s`;
          r.cpu = cpu;
          bursts.get(sys.system)!.push(r);
        });
      }
    }
    for (const sys of systems) {
      const rounds = bursts.get(sys.system)!;
      if (!rounds.length) continue;
      const byRate = [...rounds].sort((x, y) => x.deliveriesPerSecond! - y.deliveriesPerSecond!);
      const median = byRate[Math.floor(byRate.length / 2)];
      results.push({
        ...median, lost: rounds.reduce((n, r) => n + r.lost, 0),
        note: `median of ${rounds.length} bursts (${rounds.map((r) => r.deliveriesPerSecond!.toFixed(0)).join(", ")}/s in turn)` + (median.note ? `; ${median.note}` : ""),
      });
    }

    // ---- steady, one system after the other
    let ourSteady = new Map<string, number>();
    if (STEADY_ONLY) {
      // in the full run ours' steady phase follows the bursts: a warm functions server
      const warm = await ourPhaseSteady("ours-warm");
      await receiver.waitFor([...warm.keys()], 30_000);
    }
    for (const sys of systems.filter((x) => !x.prefix.match(/^ours\d/))) {
      await settle(sql);
      await sys.withConsumers(async (emitOne) => {
        const committed = await steady(`${sys.prefix}-steady`, emitOne);
        await receiver.waitFor([...committed.keys()], 30_000);
        const r = summarize(sys.system, "steady", committed, receiver, false);
        r.deliveriesPerSecond = steadyRate(committed, receiver);
        if (sys === systems[0]) ourSteady = committed;
        results.push(r);
      });
    }

    // ---- faults: ours only, the steady load with a slow and a hanging receiver beside each endpoint
    if (!STEADY_ONLY) {
      const faulty = await startFaultyReceivers();
      stops.push(() => faulty.stop());
      const added: { org: string; id: string }[] = [];
      for (const e of endpoints) {
        for (const path of ["/slow", "/hang"]) {
          const { id } = await createEndpoint(sql, stack.webhookSecretKeys, e.org, `http://127.0.0.1:${faulty.port}${path}`, "bench fault");
          added.push({ org: e.org, id });
        }
      }
      await settle(sql);
      const committed = await ourPhaseSteady("ours-faults");
      await receiver.waitFor([...committed.keys()], 60_000);
      const r = summarize("ours, a slow (8 s) and a hanging receiver beside each endpoint", "steady, faults", committed, receiver, false);
      r.deliveriesPerSecond = steadyRate(committed, receiver);
      const plain = results.find((x) => x.scenario === "steady" && x.system === systems[0].system)!;
      const share = r.deliveriesPerSecond / plain.deliveriesPerSecond!;
      r.note = `healthy endpoints: p99 ${r.p99! < 100 ? "under" : "NOT under"} 100 ms; deliveries/s ${(share * 100).toFixed(0)}% of the steady run's ` +
        `(${share >= 0.8 ? "at least" : "NOT at least"} 80%); the faulty ones got ${faulty.slow()} (slow, 8 s) and ${faulty.hung()} (hanging) requests`;
      results.push(r);
      for (const a of added) await sql`select app.webhook_endpoint_delete(${a.org}, ${a.id})`;
    }

    const [{ batches }] = await sql`select count(*)::int as batches from app.webhook_attempts`;
    print(results, receiver.bad, batches);
    await printSteadyBreakdown(sql, ourSteady, receiver);
    console.log("\nEach burst: CPU µs per delivery (/proc; bench = this process, which runs pg-boss's and graphile-worker's workers), and when its receipts arrived after the commit:");
    for (const [system, rounds] of bursts) {
      for (const r of rounds) console.log(`- ${system}: ${r.deliveriesPerSecond!.toFixed(0)}/s; ${r.cpu || "not measured (no /proc)"}; received ${r.timeline}`);
    }
    const [states] = await sql`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'failed')::int as failed,
      count(*) filter (where status = 'held')::int as held from app.webhook_deliveries`;
    const failures = await sql`select error, count(*)::int as n from app.webhook_attempts where not succeeded group by error order by n desc limit 5`;
    console.log(`Our deliveries left: ${JSON.stringify(states)}; failed attempts: ${JSON.stringify(failures)}`);
    // the dispatcher's runs (one logged line each): the 20,000-event bursts are the backlog that
    // successive runs, each within its CPU budget, drain (tests/dispatcher-budget.test.ts: 5,000)
    const runs = log.filter((l) => l.startsWith('{"fn":"webhook-dispatcher","run"')).map((l) => JSON.parse(l).run)
      .filter((r) => r.delivered + r.failed > 0);
    if (runs.length) {
      const cpus = runs.map((r) => r.cpu_ms as number).sort((a, b) => a - b);
      const [{ duplicates }] = await sql`select (count(*) - count(distinct delivery_id))::int as duplicates from app.webhook_attempts where succeeded`;
      console.log(`Dispatcher runs that delivered: ${runs.length}; stopped at the CPU budget (${runs[0].cpu_budget_ms} ms, ${runs[0].cpu_source}): ` +
        `${runs.filter((r) => r.stopped === "budget").length}, each handing over: ${runs.filter((r) => r.stopped === "budget").every((r) => r.handed_over)}; ` +
        `CPU per run median ${cpus[Math.floor(cpus.length / 2)]} ms, max ${cpus[cpus.length - 1]} ms; over budget: ${runs.filter((r) => r.cpu_ms > r.cpu_budget_ms).length}; ` +
        `deliveries attempted again after a success (duplicates): ${duplicates}`);
    }
    // the request log's lines carry an "error" field on every request: not errors of the stack
    const errors = log.filter((l) => /error/i.test(l) && !l.startsWith('{"msg":"request"')).slice(0, 5);
    if (errors.length) console.log(`Stack errors:\n${errors.join("\n")}`);
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
    receiver.stop();
    await sql.end({ timeout: 2 });
    await stack.stop();
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each burst starts on a vacuumed, analyzed database after a checkpoint, so no system pays for
 * the dead rows and dirty pages the phase before it left: autovacuum and checkpoints would
 * otherwise fall on whichever burst came next (ours comes right after the write cost).
 */
async function settle(sql: postgres.Sql): Promise<void> {
  await sql`vacuum analyze`;
  await sql`checkpoint`;
}

/**
 * Payments recorded per second without and with the webhook trigger, in six interleaved pairs
 * (without, then with) so both sides of a pair see the same machine; the ratio reported is the
 * median of the pairs' ratios, with their range.
 */
async function measureWriteCost(sql: postgres.Sql, org: string): Promise<{ ratio: number; low: number; high: number; with: number; without: number }> {
  const [p] = await sql`insert into app.properties (organization_id, name) values (${org}, 'Bench') returning id`;
  const [u] = await sql`insert into app.units (organization_id, property_id, label) values (${org}, ${p.id}, 'B') returning id`;
  const [l] = await sql`insert into app.leases (organization_id, unit_id, rent_cents, start_date) values (${org}, ${u.id}, 100000, '2000-01-01') returning id`;
  await sql`update app.leases set status = 'signed' where id = ${l.id}`;
  let period = 0;
  const round = async (mode: "with" | "without") => {
    const ids = (await sql<{ id: string }[]>`insert into app.payments (organization_id, lease_id, period_label, due_date, amount_cents)
      select ${org}, ${l.id}, (2000 + (g / 12))::text || '-' || lpad(((g % 12) + 1)::text, 2, '0'), '2000-01-01', 100000
      from generate_series(${period}::int, ${period + WRITE_COST_ROWS - 1}::int) g returning id`).map((r) => r.id);
    period += WRITE_COST_ROWS;
    if (mode === "without") await sql`alter table app.payments disable trigger payments_webhook`;
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        await sql`insert into app.payment_receipts (organization_id, payment_id, amount_cents) values (${org}, ${id}, 100000)`;
      }
    }));
    if (mode === "without") await sql`alter table app.payments enable trigger payments_webhook`;
    return ids.length / ((performance.now() - t0) / 1000);
  };
  const pairs: { with: number; without: number; ratio: number }[] = [];
  for (let i = 0; i < WRITE_COST_PAIRS; i++) {
    const without = await round("without");
    const withTrigger = await round("with");
    pairs.push({ without, with: withTrigger, ratio: without / withTrigger });
  }
  const [{ events }] = await sql`select count(*)::int as events from app.webhook_events where organization_id = ${org} and kind = 'rent.paid'`;
  if (events !== WRITE_COST_PAIRS * WRITE_COST_ROWS) throw new Error(`write cost: expected ${WRITE_COST_PAIRS * WRITE_COST_ROWS} rent.paid events, found ${events}`);
  pairs.sort((a, b) => a.ratio - b.ratio);
  const median = pairs[Math.floor(pairs.length / 2)];
  return { ratio: median.ratio, low: pairs[0].ratio, high: pairs[pairs.length - 1].ratio, with: median.with, without: median.without };
}

/**
 * Where our steady events' milliseconds went: from the commit to the attempt's start (the
 * dispatcher noticing the message and claiming it) and from there to the receipt (signing, the
 * POST, the receiver), each at p50/p90/p99, and the same split for the slowest 1%.
 */
async function printSteadyBreakdown(sql: postgres.Sql, committed: Map<string, number>, r: Receiver): Promise<void> {
  if (!committed.size) return;
  const started = new Map((await sql<{ name: string; at: Date }[]>`
    select ev.payload->>'name' as name, min(a.attempted_at) as at
    from app.webhook_attempts a join app.webhook_deliveries d on d.id = a.delivery_id join app.webhook_events ev on ev.id = d.event_id
    where ev.payload->>'name' = any (${[...committed.keys()]}::text[]) group by 1`).map((x) => [x.name, x.at.getTime()]));
  const rows: { total: number; pickup: number; post: number; name: string }[] = [];
  for (const [name, at] of committed) {
    const got = r.received.get(name), start = started.get(name);
    if (got === undefined || start === undefined) continue;
    rows.push({ name, total: got - at, pickup: start - at, post: got - start });
  }
  const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);
  const line = (label: string, xs: number[]) => `${label} p50 ${p(xs, 50)} / p90 ${p(xs, 90)} / p99 ${p(xs, 99)} ms`;
  console.log(`\nOur steady events (${rows.length}): ${line("commit -> attempt start", rows.map((x) => x.pickup))}; ${line("attempt start -> receipt", rows.map((x) => x.post))}`);
  rows.sort((a, b) => b.total - a.total);
  const tail = rows.slice(0, Math.max(1, Math.ceil(rows.length / 100)));
  console.log(`The slowest 1% (${tail.length}): ${line("total", tail.map((x) => x.total))}; ${line("commit -> attempt start", tail.map((x) => x.pickup))}; ${line("attempt start -> receipt", tail.map((x) => x.post))}`);
}

function print(results: Result[], bad: number, attempts: number) {
  const baseline = (scenario: string, prefix: string) => results.find((r) => r.scenario === scenario && r.system.startsWith(prefix));
  const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? "-" : n.toFixed(digits));
  console.log("\n| scenario | system | deliveries/s | p50 ms | p99 ms | lost | vs pg-boss | vs graphile-worker | note |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of results) {
    const boss = baseline(r.scenario, "pg-boss"), gw = baseline(r.scenario, "graphile-worker");
    const ratio = (b?: Result) => {
      if (!b || b === r || r.scenario === "write cost") return "-";
      if (r.scenario === "burst") return `${(r.deliveriesPerSecond! / b.deliveriesPerSecond!).toFixed(2)}x rate`;
      return `${(r.p99! / b.p99!).toFixed(2)}x p99`;
    };
    console.log(`| ${r.scenario} | ${r.system} | ${fmt(r.deliveriesPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.lost} | ${ratio(boss)} | ${ratio(gw)} | ${r.note ?? ""} |`);
  }
  console.log(`\nSignatures rejected by the receiver: ${bad}. Attempts recorded by the dispatcher: ${attempts}.`);
}

if (process.argv.includes("--receiver")) runReceiver();
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchWebhooks().then(() => process.exit(0), (e) => {
    console.error(e);
    process.exit(1);
  });
}
