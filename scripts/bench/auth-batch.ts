// What one batch of GET /api/dashboard costs PostgreSQL, by batch size: the statement the
// functions send (authentication, rate limits and the cached dashboard in one), and
// app.authenticate_batch alone. The statement's text is taken from pg_stat_activity after a real
// request through the functions, so this measures exactly what they send.
//   npx tsx scripts/bench/auth-batch.ts      (AUTH_BATCH_SIZES=1,12,32, AUTH_BATCH_CALLS=2000)
// The figure is the backend's own CPU per request (/proc), which other work on the machine moves
// far less than wall time; each size runs three rounds in turn, the median is reported.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { freePort } from "../lib/ports.ts";
import { startStack } from "../lib/stack.ts";
import { processCpuSeconds } from "./lib.ts";

const sizes = (process.env.AUTH_BATCH_SIZES ?? "1,12,32").split(",").map(Number);
const calls = Number(process.env.AUTH_BATCH_CALLS ?? 2000);
const KEYS = 16;

const dir = mkdtempSync(join(tmpdir(), "aptoria-auth-batch-"));
const stack = await startStack({
  dataDir: join(dir, "postgres"), persistent: false, postgresPort: await freePort(), functionsPort: await freePort(),
  scheduler: false, log: () => {},
});
try {
  const [org] = await stack.sql`insert into app.organizations (name) values ('Bench org') returning id`;
  const keys = await stack.sql<{ api_key: string }[]>`
    select k.api_key from generate_series(1, ${KEYS}) g, lateral app.create_api_key(${org.id}, 'bench ' || g, ${["read:dashboard"]}, null, 100000, 1000000) k`;
  const res = await fetch(`${stack.functionsUrl}/api/dashboard`, { headers: { authorization: `Bearer ${keys[0].api_key}` } });
  if (res.status !== 200) throw new Error(`GET /api/dashboard answered ${res.status}: ${await res.text()}`);
  // the text as the functions sent it (pg_stat_statements would show its constants as $n too)
  const [{ query }] = await stack.sql<{ query: string }[]>`
    select query from pg_stat_activity where query like '%app.authenticate_batch(%' and query like '%app.dashboard_cached(%' and pid <> pg_backend_pid() limit 1`;
  const statements = {
    "dashboard statement": query,
    "app.authenticate_batch alone": authenticateCall(query),
  };
  const credentials = keys.map(({ api_key }) => {
    const [, prefix, secret] = /^apt_([a-z0-9]{8})_(.+)$/.exec(api_key)!;
    return { prefix, hash: createHash("sha256").update(secret).digest("hex") };
  });

  const results: string[] = [];
  for (const [label, text] of Object.entries(statements)) {
    for (const size of sizes) {
      const rounds: number[] = [];
      for (let round = 0; round < 3; round++) rounds.push(await perRequest(text, size));
      rounds.sort((a, b) => a - b);
      results.push(`${label.padEnd(30)} batch of ${String(size).padStart(2)}: ${rounds[1].toFixed(0).padStart(4)} µs a request (${rounds[0].toFixed(0)}-${rounds[2].toFixed(0)}), ${(rounds[1] * size).toFixed(0)} µs a batch`);
    }
  }
  console.log(`PostgreSQL backend CPU, median of 3 rounds of ${calls} batches, ${KEYS} keys of one organization in turn:\n${results.join("\n")}`);

  /** Backend CPU µs per request of `text` run on batches of `size` keys, on a connection of its own. */
  async function perRequest(text: string, size: number): Promise<number> {
    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
      let turn = 0;
      const batch = async () => {
        const items = Array.from({ length: size }, () => credentials[turn++ % credentials.length]);
        // the parameters as the functions send them for a batch of keys (auth.ts, authenticateBatch)
        await sql.unsafe(text, [items.map((c) => c.prefix), items.map((c) => c.hash), items.map(() => "127.0.0.1"), ["read:dashboard"], null, null, null], { prepare: true });
      };
      for (let i = 0; i < 200; i++) await batch(); // past plpgsql's first custom plans
      const before = processCpuSeconds(pid) * 1e6;
      for (let i = 0; i < calls; i++) await batch();
      return (processCpuSeconds(pid) * 1e6 - before) / calls / size;
    } finally {
      await sql.end();
    }
  }
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The `select * from app.authenticate_batch(...)` within the statement: up to its closing parenthesis. */
function authenticateCall(statement: string): string {
  const start = statement.indexOf("select * from app.authenticate_batch(");
  let depth = 0;
  for (let i = statement.indexOf("(", start); i < statement.length; i++) {
    if (statement[i] === "(") depth++;
    if (statement[i] === ")" && --depth === 0) return statement.slice(start, i + 1);
  }
  throw new Error("no app.authenticate_batch call in the dashboard's statement");
}
