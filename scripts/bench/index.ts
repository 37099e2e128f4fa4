// npm run bench: every endpoint measured next to the ceilings it is judged against, in one
// run on this machine. Figures move between runs and machines; compare the ratios.
//   BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 32), BENCH_ONLY=dashboard,ar-aging,lists,webhooks
//   (the ceilings always run: every figure is read against them)
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "../lib/stack.ts";
import { freePort } from "../lib/ports.ts";
import { benchKeys, benchSessions, measure, stackCpu, startDeno, table, type Measurement } from "./lib.ts";
import { measureArAging, prepareArAging } from "./ar-aging.ts";
import { benchLists } from "./lists.ts";
import { startFunctions } from "../lib/functions.ts";
import { benchWebhooks } from "./webhooks.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (name: string) => !only || only.includes(name);

const dir = mkdtempSync(join(tmpdir(), "aptoria-bench-"));
const stack = await startStack({
  dataDir: join(dir, "postgres"), persistent: false,
  postgresPort: await freePort(), functionsPort: await freePort(),
  scheduler: false, log: () => {},
});
await stack.sql`create extension if not exists pg_stat_statements`;
const postmasterPid = Number(readFileSync(join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
const rows: Measurement[] = [];
let selectServer: ChildProcess | undefined;
try {
  console.log(`Benchmarks: ${connections} connections, ${seconds} s each, autocannon on this machine (${(await import("node:os")).cpus().length} cores).\n`);


  const ports = { bare: await freePort(), select: await freePort() };
  const bareServer = await startDeno("scripts/bench/servers/bare.ts", { PORT: String(ports.bare) });
  rows.push(await measure("ceiling: bare Deno.serve JSON", `http://127.0.0.1:${ports.bare}/`, { connections, seconds }));
  bareServer.kill();
  // The ceiling gets the requests the endpoints get: every row sends each request with another
  // key's Authorization in turn, which costs the load generator (on the same two cores) a request
  // built anew each time, so the ceiling does too (the select-one server ignores the header).
  // Measured once more as one request repeated, the load generator's cheaper path, to compare.
  const [org] = await stack.sql`insert into app.organizations (name) values ('Bench org') returning id`;
  const oneOrg = await benchKeys(stack.sql, [org.id], ["read:dashboard"]);
  // kept up to be measured again next to each round of the endpoints (onAndOff)
  selectServer = await startDeno("scripts/bench/servers/select-one.ts", { PORT: String(ports.select), DATABASE_URL: stack.databaseUrl });
  const measureCeiling = (label: string) =>
    measure(label, `http://127.0.0.1:${ports.select}/`, { connections, seconds, sql: stack.sql, authorizations: oneOrg });
  const ceiling = await measureCeiling("ceiling: hono + one `select 1`");
  rows.push(ceiling);
  rows.push(await measure("  the same, one request repeated", `http://127.0.0.1:${ports.select}/`, { connections, seconds, sql: stack.sql }));

  // What the request log costs: the endpoints on two functions servers of their own, the
  // same functions on the same database, one with the log and one with REQUEST_LOG=off, each row
  // measured on both in turn, with the CPU per request of that server and of PostgreSQL.
  // Their stdout (the request log's lines) goes to a file, as hosted it goes to the platform's
  // log collector, rather than through a pipe to this process, which runs the load generator (no
  // difference measured either way, on 2026-12-08).
  const functionsWith = async (log: "on" | "off") => startFunctions({
    port: await freePort(), log: () => {}, stdoutFile: join(dir, `functions-log-${log}.jsonl`),
    env: {
      SUPABASE_URL: stack.functionsUrl, SUPABASE_DB_URL: stack.databaseUrl, SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
      FUNCTIONS_ONLY: "health,dashboard,ar-aging", REQUEST_LOG: log,
    },
  });
  const logOn = await functionsWith("on");
  const logOff = await functionsWith("off");
  const servers = [logOn, logOff].map((server, i) => ({
    url: server.url,
    suffix: i === 0 ? " [request log on]" : " [request log off]",
    cpu: () => stackCpu(server.process.pid!, postmasterPid),
  }));
  // BENCH_LOG_ROUNDS rounds (default 3), each the ceiling then on and off in turn (their order
  // swapped each round), each ratio taken to its own round's ceiling: this machine's speed moves
  // by a third within minutes, and a ceiling measured minutes earlier moved every ratio with it.
  // Each variant's median round is reported, with the range of its ratios.
  const rounds = Number(process.env.BENCH_LOG_ROUNDS ?? 3);
  // Each measurement starts with PostgreSQL's background work done (the WAL written, no vacuum
  // running), so none of it lands on the next measurement, above all not on the ceiling's.
  const settle = async () => {
    await stack.sql`checkpoint`;
    for (let waited = 0; waited < 10_000; waited += 200) {
      const [{ n }] = await stack.sql`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`;
      if (!n) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const onAndOff = async (label: string, run: (s: (typeof servers)[number]) => Promise<Measurement>) => {
    const runs: Measurement[][] = [[], []];
    for (let r = 0; r < rounds; r++) {
      await settle();
      const roundCeiling = await measureCeiling("");
      const measured: string[] = [];
      for (const i of r % 2 ? [1, 0] : [0, 1]) {
        await settle();
        const m = await run(servers[i]);
        runs[i].push({ ...m, ratio: m.rps / roundCeiling.rps });
        measured.push(`${servers[i].suffix.trim()} ${m.rps.toFixed(0)} (${(m.rps / roundCeiling.rps).toFixed(2)})`);
      }
      console.log(`${label}, round ${r + 1}: ceiling ${roundCeiling.rps.toFixed(0)} req/s, ${measured.join(", ")}`);
    }
    runs.forEach((ms, i) => {
      const sorted = [...ms].sort((a, b) => a.ratio! - b.ratio!);
      const median = sorted[Math.floor(sorted.length / 2)];
      const range = rounds > 1 ? `, median of ${rounds}: ${sorted[0].ratio!.toFixed(2)}-${sorted[sorted.length - 1].ratio!.toFixed(2)}` : "";
      rows.push({ ...median, label: `${label}${servers[i].suffix}${range}`, errors: ms.reduce((n, m) => n + (m.errors ?? 0), 0) });
    });
  };
  try {
    if (wanted("dashboard")) {
      // The same with every request from another key of another organization, in turn: batches
      // still share one statement, but no two requests share a dashboard.
      const orgs = await stack.sql<{ id: string }[]>`
        insert into app.organizations (name) select 'Bench org ' || g from generate_series(1, 64) g returning id`;
      const manyOrgs = await benchKeys(stack.sql, orgs.map((o) => o.id), ["read:dashboard"], 1);
      await onAndOff("GET /api/dashboard, 1 organization, 16 keys in turn", (s) =>
        measure("", `${s.url}/api/dashboard`, { connections, seconds, sql: stack.sql, authorizations: oneOrg, cpu: s.cpu }));
      await onAndOff("GET /api/dashboard, 64 organizations in turn", (s) =>
        measure("", `${s.url}/api/dashboard`, { connections, seconds, sql: stack.sql, authorizations: manyOrgs, cpu: s.cpu }));
      // With members' sessions: each token's signature is verified
      // once, then known by its hash (_shared/sessions.ts); and with more tokens than that cache
      // holds, in turn, so every request verifies a signature.
      const sessions = await benchSessions(stack, org.id, 16, 16);
      await onAndOff("GET /api/dashboard, 1 organization, 16 members' sessions in turn", (s) =>
        measure("", `${s.url}/api/dashboard`, { connections, seconds, sql: stack.sql, authorizations: sessions, cpu: s.cpu }));
      rows.push(await measure("  the same, every request verifying a signature (20,000 tokens) [request log on]", `${logOn.url}/api/dashboard`, {
        connections, seconds, sql: stack.sql, authorizations: await benchSessions(stack, org.id, 16, 20_000),
      }));
    }

    if (wanted("ar-aging")) {
      const { authorizations } = await prepareArAging(stack.sql);
      await onAndOff("GET /api/ar-aging (2000 units, 24 months)", (s) =>
        measureArAging({ functionsUrl: s.url, sql: stack.sql, connections, durationSeconds: seconds, authorizations, cpu: s.cpu }));
    }
  } finally {
    await logOn.stop();
    await logOff.stop();
  }

  if (wanted("lists")) {
    rows.push(...await benchLists({ functionsUrl: stack.functionsUrl, databaseUrl: stack.databaseUrl, sql: stack.sql, connections, seconds }));
  }

  console.log(table(rows, ceiling));
  console.log(`\n"x ceiling" is req/s relative to the one-query ceiling: for the rows measured in rounds, the ceiling measured in the same round.`);
  const failed = rows.filter((r) => r.errors);
  if (failed.length) {
    // a figure with failed requests in it measures the failures too
    console.log(`Failed requests (not 2xx) in: ${failed.map((r) => r.label).join("; ")}. These figures do not count.`);
    process.exitCode = 1;
  }
} finally {
  selectServer?.kill();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
// The webhook pipeline runs on a stack of its own, with its baselines (see docs/webhooks.md).
if (wanted("webhooks")) {
  console.log("");
  await benchWebhooks();
}
