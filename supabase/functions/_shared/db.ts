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

// Timeouts, so that a request never hangs on a database that is gone or stuck, and recovers as
// soon as it is back (docs/decisions/0016-fail-fast-heal.md, docs/hosted.md#timeouts):
// - STATEMENT_TIMEOUT_MS (8 s, DB_STATEMENT_TIMEOUT_MS): no statement of ours takes a second
//   (the longest, the dispatcher's app.queue_wait, waits 1 s); 8 s is the bound within which a
//   write either commits or is cancelled, before common clients' own timeouts (10-30 s) give up
//   on it, and is what Supabase gives API users (the `postgres` role has only the 2-minute
//   global cap). Cancelled, it answers 503 (errors.ts).
// - idle in a transaction for 10 s: a transaction left open by a stalled instance releases its
//   locks instead of holding up every writer of those rows.
// - CONNECT_TIMEOUT_SECONDS (2 s, DB_CONNECT_TIMEOUT_SECONDS): a connection (TCP, TLS, SCRAM)
//   takes tens of milliseconds within a region; one not made in 2 s is to a database that is
//   down or restarting (under a restart, requests were seen waiting 2-3 s on a connection), and
//   the request gets 503 instead of waiting.
// - backoff: postgres.js waits before reconnecting, 3^n/100 s after the n-th failure up to 20 s
//   (measured: the API answered 13.6 s after PostgreSQL was back). A fixed short wait instead
//   (50 ms growing to 250 ms): a request during an outage fails at once, the first after it
//   connects within a quarter second.
// - idle_timeout (30 s): connections close when idle, so a quiet instance holds none.
// Session settings cannot pass through Supavisor's transaction mode (one server connection per
// transaction): with DB_POOLER_URL set them on the role instead (docs/hosted.md#timeouts).
const STATEMENT_TIMEOUT_MS = Number(Deno.env.get("DB_STATEMENT_TIMEOUT_MS") ?? 8000);
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_SECONDS = Number(Deno.env.get("DB_CONNECT_TIMEOUT_SECONDS") ?? 2);
const reconnectWaitSeconds = (failures: number) => Math.min(0.05 * failures, 0.25);

export const sql = postgres(url, {
  max: Number(Deno.env.get("DB_POOL_SIZE") ?? 4),
  prepare: !transactionPooler,
  idle_timeout: 30,
  connect_timeout: CONNECT_TIMEOUT_SECONDS,
  backoff: reconnectWaitSeconds,
  onnotice: () => {},
  connection: {
    application_name: "aptoria-functions",
    ...(transactionPooler ? {} : {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
  },
  types: {
    // bigint counts and sums arrive as JS numbers; amounts stay far below 2^53 cents.
    bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
  },
});

export type Sql = typeof sql;
/** A piece of SQL with its parameters, to compose into a statement. */
export type Fragment = ReturnType<Sql>;
