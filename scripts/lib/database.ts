// Prepares a database like a Supabase one, then applies supabase/migrations with the
// Supabase CLI so migration history is recorded exactly as on hosted projects.
import postgres from "postgres";
import { readFileSync } from "node:fs";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ROOT } from "./paths.ts";

const run = promisify(execFile);

export type Sql = postgres.Sql;

export function connect(url: string, max = 4): Sql {
  // a fixed reconnect wait (postgres.js's grows to 20 s): the stack is back as soon as a restarted server is
  return postgres(url, { max, backoff: () => 0.25, onnotice: () => {}, connection: { application_name: "aptoria-stack" } });
}

export function sqlFile(name: string): string {
  return readFileSync(`${ROOT}/scripts/sql/${name}`, "utf8");
}

/**
 * Where pgmq comes from: the extension; a real pgmq installed as plain SQL (pgmq 1.5 and later,
 * as its guide does on managed databases: a `pgmq` schema that is not ours); or, where neither
 * exists, our implementation (scripts/sql/pgmq.sql, "sql"), which marks its schema.
 */
export type Pgmq = "extension" | "installed-sql" | "sql";

export const PGMQ_SHIM_MARK = "aptoria pgmq shim";

/** Roles, the extensions schema and, where no pgmq exists, ours. */
export async function prepareDatabase(sql: Sql): Promise<{ pgmq: Pgmq }> {
  const [{ supabase }] = await sql`select exists (select 1 from pg_roles where rolname = 'supabase_admin') as supabase`;
  if (!supabase) await sql.unsafe(sqlFile("supabase-compat.sql"));
  const [found] = await sql<{ extension: boolean; schema: boolean; ours: boolean; available: boolean }[]>`
    select exists (select 1 from pg_extension where extname = 'pgmq') as extension,
           to_regnamespace('pgmq') is not null as schema,
           -- ours is marked (older copies were not, and like it lack what every real pgmq has)
           coalesce(obj_description(to_regnamespace('pgmq'), 'pg_namespace') = ${PGMQ_SHIM_MARK}, false)
             or not exists (select 1 from pg_proc where proname = 'create_partitioned' and pronamespace = to_regnamespace('pgmq')) as ours,
           exists (select 1 from pg_available_extensions where name = 'pgmq') as available`;
  if (found.extension) return { pgmq: "extension" };
  if (found.schema && !found.ours) return { pgmq: "installed-sql" };
  // the first migration creates the extension where it is available
  if (!found.schema && found.available) return { pgmq: "extension" };
  await sql.unsafe(sqlFile("pgmq.sql"));
  return { pgmq: "sql" };
}

/** Applies `<workdir>/supabase/migrations` (this repository's by default) with the Supabase CLI. */
export async function pushMigrations(databaseUrl: string, workdir = ROOT): Promise<void> {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has("sslmode") && ["127.0.0.1", "localhost"].includes(url.hostname)) {
    url.searchParams.set("sslmode", "disable");
  }
  try {
    await run(`${ROOT}/node_modules/.bin/supabase`, ["db", "push", "--db-url", url.toString(), "--include-all", "--yes", "--workdir", workdir], {
      cwd: workdir,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`supabase db push failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}
