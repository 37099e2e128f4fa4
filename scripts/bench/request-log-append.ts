// What one request log entry costs PostgreSQL to store, by table shape: batches of 500 entries
// (as _shared/request-log.ts sends them) inserted by app.request_log_append's statement into
// copies of app.request_logs that differ in one thing each, in turn, several rounds. Reported:
// the inserting backend's own CPU per entry (/proc, so other work on the machine does not count)
// and the WAL it wrote per entry.
//   npx tsx scripts/bench/request-log-append.ts     (BENCH_ROUNDS 3, BENCH_BATCHES 100 per round)
import { mkdtempSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "../lib/stack.ts";
import { freePort } from "../lib/ports.ts";
import { processCpuSeconds } from "./lib.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const BATCH = 500;

/** Each variant: how its table differs from app.request_logs, and how its request ids look. */
// the check on the id column replaced by `check`
const idCheck = (t: string, check: string) => `do $$ declare c text; begin
  select conname into c from pg_constraint
  where conrelid = '${t}'::regclass and contype = 'c'
    and conkey = array[(select attnum from pg_attribute where attrelid = '${t}'::regclass and attname = 'id')];
  execute format($f$alter table ${t} drop constraint %I, add check (${check})$f$, c);
end $$`;
// the check app.request_logs was first created with (decision 0017)
const REGEX_ID_CHECK = "id ~ '^log_[0-9A-HJKMNP-TV-Z]{26}$'";
const variants: { name: string; ddl: (t: string) => string; requestId: () => string }[] = [
  { name: "as created (time-ordered request ids, id checked by shape)", ddl: () => "", requestId: timeOrderedRequestId },
  { name: "random request ids", ddl: () => "", requestId: randomRequestId },
  { name: "id checked by a regular expression (as first created)", ddl: (t) => idCheck(t, REGEX_ID_CHECK), requestId: timeOrderedRequestId },
  { name: "no request_id index", ddl: (t) => `drop index ${t}_request_id_idx`, requestId: timeOrderedRequestId },
  { name: "no checks", ddl: (t) => `do $$ declare c text; begin
      for c in select conname from pg_constraint where conrelid = '${t}'::regclass and contype = 'c' loop
        execute format('alter table ${t} drop constraint %I', c);
      end loop; end $$`, requestId: timeOrderedRequestId },
  { name: "unlogged (for reference: lost in a crash)", ddl: (t) => `alter table ${t} set unlogged`, requestId: timeOrderedRequestId },
];

function randomRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}
let counter = 0;
function timeOrderedRequestId(): string {
  // milliseconds then a counter and randomness: what a time-ordered id's index sees
  return `req_${Date.now().toString(16).padStart(12, "0")}${(counter++ & 0xffff).toString(16).padStart(4, "0")}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let lastMs = 0;
let seq = 0;
function logId(ms: number): string {
  seq = ms === lastMs ? seq + 1 : 0;
  lastMs = ms;
  let s = "";
  for (let i = 9, t = ms; i >= 0; i--, t = Math.floor(t / 32)) s = CROCKFORD[t % 32] + s;
  let r = "";
  for (let i = 0; i < 16; i++) r += CROCKFORD[Math.floor(Math.random() * 32)];
  return `log_${s}${r}`;
}

const orgs = Array.from({ length: 64 }, (_, i) => `org_01KC${String(i).padStart(22, "0")}`);
const routes = ["/api/dashboard", "/api/properties/:id", "/api/tenants", "/api/ar-aging"];

function batch(requestId: () => string): string {
  const now = Date.now();
  return JSON.stringify(Array.from({ length: BATCH }, (_, i) => {
    const status = i % 10 === 0 ? 404 : 200;
    // an entry as request-log.ts sends it
    return {
      log_id: logId(now), arrived_ms: now, request_id: requestId(), organization_id: orgs[i % orgs.length],
      key_id: `key_01KC${String(i % 1024).padStart(22, "0")}`, member_id: null, method: "GET",
      route: routes[i % routes.length], status, duration_ms: 3 + (i % 7),
      error: status === 404 ? "Property not found." : null,
    };
  }));
}

const insert = (table: string) => `
  insert into ${table} (id, request_id, created_at, organization_id, key_id, member_id, method, route, status, duration_ms, error)
  select e.log_id, e.request_id, to_timestamp(e.arrived_ms / 1000), e.organization_id, e.key_id, e.member_id, e.method, e.route,
         e.status, e.duration_ms, e.error
  from json_to_recordset($1::text::json) as e(log_id text, request_id text, arrived_ms float8, organization_id text, key_id text,
                                         member_id text, method text, route text, status smallint, duration_ms int, error text)`;

const dir = mkdtempSync(join(tmpdir(), "aptoria-bench-log-"));
const stack = await startStack({
  dataDir: join(dir, "postgres"), persistent: false,
  postgresPort: await freePort(), functionsPort: await freePort(), scheduler: false, log: () => {},
});
try {
  const sql = stack.sql;
  await sql`create schema bench`;
  for (const [i, v] of variants.entries()) {
    await sql.unsafe(`create table bench.v${i} (like app.request_logs including all)`);
    const ddl = v.ddl(`bench.v${i}`);
    if (ddl) await sql.unsafe(ddl);
  }
  // one connection, so the backend whose CPU is read is the one that inserts
  const results = variants.map(() => [] as { cpuUs: number; walBytes: number }[]);
  await sql.reserve().then(async (conn) => {
    const [{ pid }] = await conn`select pg_backend_pid() as pid`;
    for (let round = 0; round < ROUNDS; round++) {
      for (const i of round % 2 ? [...variants.keys()].reverse() : variants.keys()) {
        const bodies = Array.from({ length: BATCHES }, () => batch(variants[i].requestId));
        await conn`checkpoint`;
        const [w0] = await conn`select pg_current_wal_insert_lsn() as lsn`;
        const c0 = processCpuSeconds(pid);
        for (const body of bodies) await conn.unsafe(insert(`bench.v${i}`), [body]);
        const c1 = processCpuSeconds(pid);
        const [w1] = await conn`select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ${w0.lsn}) as bytes`;
        results[i].push({ cpuUs: ((c1 - c0) * 1e6) / (BATCHES * BATCH), walBytes: Number(w1.bytes) / (BATCHES * BATCH) });
      }
    }
    conn.release();
  });
  console.log(`request log append: ${ROUNDS} rounds of ${BATCHES} batches of ${BATCH} entries per variant, in turn (each round starts after a checkpoint)\n`);
  console.log("| table | backend CPU µs/entry, median (range) | WAL bytes/entry, median |");
  console.log("| --- | ---: | ---: |");
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [i, v] of variants.entries()) {
    const cpu = results[i].map((r) => r.cpuUs);
    console.log(`| ${v.name} | ${median(cpu).toFixed(1)} (${Math.min(...cpu).toFixed(1)}-${Math.max(...cpu).toFixed(1)}) | ${median(results[i].map((r) => r.walBytes)).toFixed(0)} |`);
  }
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
