import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "../lib/stack.ts";
import { freePort } from "../lib/ports.ts";
import { measure as measure0, startDeno, table } from "./lib.ts";
import { readFileSync, readdirSync } from "node:fs";
function cpu() { const out: Record<string, number> = {}; for (const d of readdirSync("/proc")) { if (!/^\d+$/.test(d)) continue; try { const st = readFileSync(`/proc/${d}/stat`, "utf8"); const name = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")")); const f = st.slice(st.lastIndexOf(")") + 2).split(" "); const k = name.startsWith("postgres") ? "postgres" : name; out[k] = (out[k] ?? 0) + Number(f[11]) + Number(f[12]); } catch {} } return out; }
function stat() { const l = readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number); return { user: l[0], sys: l[2], idle: l[3], softirq: l[6] }; }
async function measure(label: string, url: string, opts: any) { const a = cpu(), sa = stat(); const m = await measure0(label, url, opts); const b = cpu(), sb = stat(); const n = m.rps * (opts.seconds + 2); const per = (k: string) => ((b[k] ?? 0) - (a[k] ?? 0)) * 10000 / n; console.log(label, "µs/req deno", per("deno").toFixed(0), "pg", per("postgres").toFixed(0), "node", per("node").toFixed(0), "softirq", ((sb.softirq - sa.softirq) * 10000 / n).toFixed(0), "sys", ((sb.sys - sa.sys) * 10000 / n).toFixed(0), "idle", ((sb.idle - sa.idle) * 10000 / n).toFixed(0)); return m; }
const seconds = Number(process.env.S ?? 5), connections = 32;
const dir = mkdtempSync(join(tmpdir(), "probe-"));
const stack = await startStack({ dataDir: join(dir, "pg"), persistent: false, postgresPort: await freePort(), functionsPort: await freePort(), scheduler: false, log: () => {} });
await stack.sql`create extension if not exists pg_stat_statements`;
const rows = [];
try {
  const p = await freePort();
  const s = await startDeno("scripts/bench/servers/select-one.ts", { PORT: String(p), DATABASE_URL: stack.databaseUrl });
  const ceiling = await measure("ceiling", `http://127.0.0.1:${p}/`, { connections, seconds, sql: stack.sql });
  rows.push(ceiling); s.kill();
  const [org] = await stack.sql`insert into app.organizations (name) values ('Bench org') returning id`;
  const [{ api_key }] = await stack.sql`select api_key from app.create_api_key(${org.id}, 'bench', ${["read:dashboard"]}, null, 100000, 1000000)`;
  const headers = { authorization: `Bearer ${api_key}` };
  rows.push(await measure("health", `${stack.functionsUrl}/api/health`, { connections, seconds, sql: stack.sql }));
  rows.push(await measure("dashboard", `${stack.functionsUrl}/api/dashboard`, { connections, seconds, sql: stack.sql, headers }));
  if (process.env.AR) {
    const { generatePortfolio } = await import("./ar-aging.ts");
    const { organizationId } = await generatePortfolio(stack.sql);
    await stack.sql`vacuum analyze`;
    const [{ api_key: k2 }] = await stack.sql`select api_key from app.create_api_key(${organizationId}, 'bench ar', ${["read:payments"]}, null, 100000, 1000000)`;
    rows.push(await measure("ar-aging", `${stack.functionsUrl}/api/ar-aging`, { connections, seconds, sql: stack.sql, headers: { authorization: `Bearer ${k2}` } }));
  }
  console.log(table(rows, ceiling));
} finally { await stack.stop(); rmSync(dir, { recursive: true, force: true }); }
