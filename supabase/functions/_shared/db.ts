// The database connection every function shares. Supabase injects SUPABASE_DB_URL into Edge
// Functions (the Docker-free stack injects the same variable): a direct connection to Postgres,
// not Supavisor. Each function instance holds up to DB_POOL_SIZE connections (4), closed after
// 30 s idle; where many instances would exceed the database's max_connections (60 on the
// smallest computes), DB_POOLER_URL points the functions at Supavisor instead (transaction
// mode, port 6543: no prepared statements). docs/hosted.md has the arithmetic.
import { postgres } from "./deps.ts";

const url = Deno.env.get("DB_POOLER_URL") || Deno.env.get("SUPABASE_DB_URL");
if (!url) throw new Error("SUPABASE_DB_URL is not set");

// Supavisor's transaction mode (port 6543 on hosted projects) cannot keep prepared statements.
const transactionPooler = new URL(url).port === "6543";

/**
 * Calls in flight per batched operation (batch.ts). One keeps batches as large as the load
 * allows: measured on `npm run bench`, 1 served the most requests per second; more lets one
 * slow batch (a huge report) not hold up the next.
 */
export const BATCHES_IN_FLIGHT = Number(Deno.env.get("DB_BATCHES_IN_FLIGHT") ?? 1);

export const sql = postgres(url, {
  max: Number(Deno.env.get("DB_POOL_SIZE") ?? 4),
  prepare: !transactionPooler,
  idle_timeout: 30,
  connect_timeout: 10,
  onnotice: () => {},
  connection: { application_name: "aptoria-functions" },
  types: {
    // bigint counts and sums arrive as JS numbers; amounts stay far below 2^53 cents.
    bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
  },
});

export type Sql = typeof sql;
/** A piece of SQL with its parameters, to compose into a statement. */
export type Fragment = ReturnType<Sql>;
