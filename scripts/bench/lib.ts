// Load generation and reporting shared by the benchmarks.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type postgres from "postgres";
import { denoBinary, ROOT } from "../lib/paths.ts";
import { mintSession, type SigningKey } from "../lib/sessions.ts";

export interface Measurement {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  /** database transactions per request, measured (each autocommit statement is one round trip) */
  roundTrips?: number;
  errors?: number;
  /** requests answered in the measured seconds */
  requests?: number;
  /** CPU µs per request of the processes `measure` was asked to watch, e.g. "deno 95, postgres 60" */
  cpu?: string;
  /** req/s relative to a ceiling measured next to it, when not to the table's one */
  ratio?: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** per request, one of these Authorization headers in turn (many keys, many organizations) */
  authorizations?: string[];
}

export async function load(url: string, opts: LoadOptions) {
  let turn = 0;
  const rotate = opts.authorizations;
  const result = await autocannon({
    url, connections: opts.connections, duration: opts.seconds, headers: opts.headers,
    ...(rotate ? { requests: [{ setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: rotate[turn++ % rotate.length] } }) }] } : {}),
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: non2xx };
}

/**
 * Authorization headers for `perOrganization` keys of each organization, to be used in turn: a
 * key may take at most 100,000 requests a minute (app.api_keys), fewer than one fast run sends.
 */
export async function benchKeys(sql: postgres.Sql, organizationIds: string[], scopes: string[], perOrganization = 16): Promise<string[]> {
  const keys = await sql<{ api_key: string }[]>`
    select k.api_key from unnest(${organizationIds}::text[]) o(id), generate_series(1, ${perOrganization}) g,
      lateral app.create_api_key(o.id, 'bench ' || g, ${scopes}, null, 100000, 1000000) k`;
  return keys.map((k) => `Bearer ${k.api_key}`);
}

/**
 * Authorization headers for `tokens` sessions of `members` new members of the organization, to be
 * used in turn. Members' limits (app.auth_settings) are raised to the bench keys' own.
 */
export async function benchSessions(
  stack: { sql: postgres.Sql; signingKey: SigningKey; issuer: string },
  organizationId: string, members: number, tokens: number,
): Promise<string[]> {
  await stack.sql`update app.auth_settings set member_rate_per_minute = 100000, member_rate_per_hour = 1000000`;
  const users = await stack.sql<{ user_id: string; email: string }[]>`
    insert into app.members (organization_id, email, role, user_id)
    select ${organizationId}, 'bench-' || gen_random_uuid() || '@example.test', 'member', gen_random_uuid()
    from generate_series(1, ${members}) returning user_id, email`;
  const minted: string[] = [];
  for (let i = 0; i < tokens; i++) {
    const user = users[i % users.length];
    minted.push(`Bearer ${await mintSession(stack.signingKey, { userId: user.user_id, email: user.email, issuer: stack.issuer })}`);
  }
  return minted;
}

/** Measures `url` and, with `sql`, how many database transactions each request cost. */
export async function measure(
  label: string,
  url: string,
  opts: LoadOptions & { sql?: postgres.Sql; cpu?: () => Map<string, number> },
): Promise<Measurement> {
  // warm up connections, JIT and caches
  await load(url, { ...opts, seconds: 2 });
  if (opts.sql) await opts.sql`select pg_stat_statements_reset()`;
  const cpuBefore = opts.cpu?.();
  const r = await load(url, opts);
  const cpu = cpuBefore && cpuPerUnit(cpuBefore, opts.cpu!(), r.requests);
  const statements = opts.sql ? await topLevelStatements(opts.sql) : 0;
  return {
    label, rps: r.rps, p50: r.p50, p99: r.p99, errors: r.errors, requests: r.requests, cpu,
    roundTrips: opts.sql ? Math.round((statements / r.requests) * 100) / 100 : undefined,
  };
}

/** CPU seconds (user + system) one process has used: e.g. a PostgreSQL backend, by pg_backend_pid(). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ
}

/**
 * CPU seconds (user + system) of one stack, unlike cpuByGroup not disturbed by other work on
 * the machine: `functions` (the Deno process serving the requests) and `postgres` (that
 * server's postmaster and its backends, the exited ones included).
 */
export function stackCpu(functionsPid: number, postmasterPid: number): Map<string, number> {
  const groups = new Map<string, number>([["functions", 0], ["postgres", 0]]);
  const tick = 1 / 100; // USER_HZ
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = Number(fields[11]) + Number(fields[12]);
    if (Number(pid) === functionsPid) groups.set("functions", own * tick);
    else if (Number(pid) === postmasterPid) groups.set("postgres", groups.get("postgres")! + (own + Number(fields[13]) + Number(fields[14])) * tick);
    else if (Number(fields[1]) === postmasterPid) groups.set("postgres", groups.get("postgres")! + own * tick);
  }
  return groups;
}

/** Statements clients sent (pg_stat_statements tracks top-level ones): one round trip each. */
async function topLevelStatements(sql: postgres.Sql): Promise<number> {
  const [row] = await sql`select coalesce(sum(calls), 0) as n from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'`;
  return Number(row.n);
}

/** Starts a Deno script and waits for it to print "listening". */
export function startDeno(script: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(denoBinary(), ["run", "-A", script], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("listening") && resolve(child));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

export function table(rows: Measurement[], baseline: Measurement): string {
  const head = ["what", "req/s", "x ceiling", "p50 ms", "p99 ms", "db round trips", "errors", "CPU µs/request"];
  const body = rows.map((r) => [
    r.label, r.rps.toFixed(0), (r.ratio ?? r.rps / baseline.rps).toFixed(2), String(r.p50), String(r.p99),
    r.roundTrips === undefined ? "-" : String(r.roundTrips), String(r.errors ?? 0), r.cpu ?? "-",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/**
 * CPU time (user + system, from /proc) of this machine's processes, grouped: `postgres` (every
 * server process), `deno`, this process (`bench`) and the processes whose pid is named in
 * `named`. Empty where /proc is missing (not Linux).
 */
export function cpuByGroup(named: Record<number, string> = {}): Map<string, number> {
  const groups = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return groups;
  }
  const tick = 1 / 100; // USER_HZ: 100 on Linux
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const group = named[Number(pid)] ?? (Number(pid) === process.pid ? "bench" : comm === "postgres" ? "postgres" : comm.startsWith("deno") ? "deno" : null);
    if (!group) continue;
    // the postmaster's reaped children count too: a backend that exits mid-burst takes its CPU with it
    const reaped = group === "postgres" ? Number(fields[13]) + Number(fields[14]) : 0;
    groups.set(group, (groups.get(group) ?? 0) + (Number(fields[11]) + Number(fields[12]) + reaped) * tick);
  }
  return groups;
}

/** `after - before` per unit of work, in µs, largest first: "postgres 140, deno 90, ...". */
export function cpuPerUnit(before: Map<string, number>, after: Map<string, number>, units: number): string {
  return [...after]
    .map(([group, seconds]) => [group, ((seconds - (before.get(group) ?? 0)) * 1e6) / units] as const)
    .filter(([, us]) => us >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([group, us]) => `${group} ${us.toFixed(0)}`)
    .join(", ");
}
