// npx tsx scripts/schema-diff.ts [git-ref]   (default HEAD)
//
// Builds one throwaway database from supabase/migrations as they are at <git-ref> and one from
// the working tree's, each the way the stack builds it (scripts/lib/database.ts: Supabase roles,
// the pgmq shim, `supabase db push`), and prints how schemas `app` and `pgmq` differ, and the
// rows of every table in `app` (the seeded configuration: scopes, scheduled jobs, ...).
// Exit 0 and "no difference" when they are the same; exit 1 with the differences otherwise.
//
// The pg_dump on this machine (15) cannot dump the embedded PostgreSQL 17, so each schema is
// described from the catalog with the same pg_get_*def functions pg_dump uses, one block per
// object, sorted. Normalised away: object order, and `--` comments and blank lines inside
// function bodies (a body's comments are part of its source, not of its behaviour).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, prepareDatabase, pushMigrations, type Sql } from "./lib/database.ts";
import { startEmbeddedPostgres } from "./lib/postgres.ts";
import { freePort } from "./lib/ports.ts";
import { ROOT } from "./lib/paths.ts";

const SCHEMAS = ["app", "pgmq"];
// Rows that differ from one build to the next by nature: the change log's horizon is the xid
// the migration ran in, and a queue's created_at the time it was created.
const ROWS_SKIPPED: Record<string, string[]> = { "app.organization_changes_horizon": ["pruned_below"] };

/** `--` comments (outside string literals) and blank lines out of a function's source. */
function stripSqlComments(source: string): string {
  const out: string[] = [];
  for (const line of source.split("\n")) {
    let quoted = false;
    let cut = line.length;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === "'") quoted = !quoted;
      else if (!quoted && line[i] === "-" && line[i + 1] === "-") {
        cut = i;
        break;
      }
    }
    const kept = line.slice(0, cut).trimEnd();
    if (kept.trim() !== "") out.push(kept);
  }
  return out.join("\n");
}

/** Every object of the schemas as `key -> definition`. */
async function describe(sql: Sql): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  const put = (key: string, text: string) => objects.set(key, (objects.has(key) ? objects.get(key) + "\n" : "") + text);

  for (const s of await sql`select nspname, pg_get_userbyid(nspowner) as owner, nspacl::text as acl
      from pg_namespace where nspname = any (${SCHEMAS}) order by 1`) {
    put(`schema ${s.nspname}`, `owner ${s.owner} acl ${s.acl}`);
  }
  for (const d of await sql`select n.nspname, pg_get_userbyid(a.defaclrole) as role, a.defaclobjtype, a.defaclacl::text as acl
      from pg_default_acl a join pg_namespace n on n.oid = a.defaclnamespace where n.nspname = any (${SCHEMAS}) order by 1, 2, 3`) {
    put(`default privileges ${d.nspname} ${d.role} ${d.defaclobjtype}`, d.acl);
  }
  for (const e of await sql`select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace order by 1`) {
    put(`extension ${e.extname}`, `schema ${e.nspname}`);
  }

  // tables, views, sequences, composite types: kind, options, columns
  for (const r of await sql`
      select c.oid, n.nspname || '.' || c.relname as name, c.relkind, c.relpersistence, c.reloptions::text as options,
             c.relacl::text as acl, c.relrowsecurity, pg_get_userbyid(c.relowner) as owner,
             case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as view,
             obj_description(c.oid, 'pg_class') as comment
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (${SCHEMAS}) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'c', 'f') order by 2`) {
    const cols = await sql`
      select a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull, a.attidentity, a.attgenerated,
             pg_get_expr(d.adbin, d.adrelid) as def, col_description(a.attrelid, a.attnum) as comment, a.attacl::text as acl
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = ${r.oid} and a.attnum > 0 and not a.attisdropped order by a.attnum`;
    const [seq] = r.relkind === "S"
      ? await sql`select seqtypid::regtype::text as type, seqstart, seqincrement, seqmin, seqmax, seqcache, seqcycle
          from pg_sequence where seqrelid = ${r.oid}`
      : [];
    const lines = [
      ...(seq ? [`sequence ${JSON.stringify(seq)}`] : []),
      `kind ${r.relkind} persistence ${r.relpersistence} options ${r.options} rls ${r.relrowsecurity} owner ${r.owner} acl ${r.acl}`,
      ...(r.comment ? [`comment ${r.comment}`] : []),
      ...cols.map((c) => `  ${c.attname} ${c.type}${c.attnotnull ? " not null" : ""}${c.def ? ` default ${c.def}` : ""}` +
        `${c.attidentity ? ` identity ${c.attidentity}` : ""}${c.attgenerated ? ` generated ${c.attgenerated}` : ""}` +
        `${c.comment ? ` comment ${c.comment}` : ""}${c.acl ? ` acl ${c.acl}` : ""}`),
      ...(r.view ? [r.view] : []),
    ];
    put(`relation ${r.name}`, lines.join("\n"));
  }
  for (const c of await sql`
      select n.nspname || '.' || coalesce(t.relname, y.typname) as owner_name, c.conname, pg_get_constraintdef(c.oid) as def,
             c.condeferrable, c.condeferred
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      left join pg_class t on t.oid = c.conrelid left join pg_type y on y.oid = c.contypid
      where n.nspname = any (${SCHEMAS}) order by 1, 2`) {
    put(`constraint ${c.owner_name} ${c.conname}`, c.def);
  }
  for (const i of await sql`
      select n.nspname || '.' || c.relname as name, pg_get_indexdef(c.oid) as def, c.reloptions::text as options
      from pg_index x join pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (${SCHEMAS}) order by 1`) {
    put(`index ${i.name}`, `${i.def}${i.options ? ` options ${i.options}` : ""}`);
  }
  for (const t of await sql`
      select n.nspname || '.' || c.relname as tbl, g.tgname, pg_get_triggerdef(g.oid) as def, g.tgenabled
      from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (${SCHEMAS}) and not g.tgisinternal order by 1, 2`) {
    put(`trigger ${t.tbl} ${t.tgname}`, `${t.def} enabled ${t.tgenabled}`);
  }
  for (const f of await sql`
      select p.oid::regprocedure::text as name, p.prokind, pg_get_functiondef(p.oid) as def, p.proacl::text as acl,
             pg_get_userbyid(p.proowner) as owner, obj_description(p.oid, 'pg_proc') as comment
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any (${SCHEMAS}) and p.prokind <> 'a' order by 1`) {
    put(`${f.prokind === "p" ? "procedure" : "function"} ${f.name}`,
      `owner ${f.owner} acl ${f.acl}${f.comment ? ` comment ${f.comment}` : ""}\n${stripSqlComments(f.def)}`);
  }
  for (const t of await sql`
      select n.nspname || '.' || t.typname as name, t.typtype,
             (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels,
             format_type(t.typbasetype, t.typtypmod) as base, t.typacl::text as acl
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = any (${SCHEMAS}) and t.typtype in ('e', 'd') order by 1`) {
    put(`type ${t.name}`, `kind ${t.typtype} labels ${t.labels} base ${t.base} acl ${t.acl}`);
  }
  for (const p of await sql`
      select n.nspname || '.' || c.relname as tbl, p.polname, p.polcmd, p.polpermissive, p.polroles::regrole[]::text as roles,
             pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (${SCHEMAS}) order by 1, 2`) {
    put(`policy ${p.tbl} ${p.polname}`, `${p.polcmd} ${p.polpermissive} ${p.roles} using ${p.qual} check ${p.check}`);
  }

  // rows of app's tables (what the migrations seeded); pgmq's queues by name
  for (const t of await sql`
      select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'app' and c.relkind in ('r', 'p') order by 1`) {
    const skipped = ROWS_SKIPPED[t.name] ?? [];
    const rows = await sql.unsafe(`select to_jsonb(t) as row from ${t.name} t`);
    const texts = rows.map((r) => {
      const row = { ...(r.row as Record<string, unknown>) };
      for (const column of skipped) row[column] = "(differs by build)";
      return JSON.stringify(row);
    }).sort();
    if (texts.length) put(`rows ${t.name}`, texts.join("\n"));
  }
  const queues = await sql`select queue_name, is_partitioned, is_unlogged from pgmq.meta order by 1`;
  put("rows pgmq.meta", queues.map((q) => JSON.stringify(q)).join("\n"));
  return objects;
}

/** A line diff (longest common subsequence), as `-`/`+`/` ` lines. */
function lineDiff(a: string[], b: string[]): string[] {
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push(`  ${a[i++]}`), j++;
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out;
}

function compare(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(key), b = after.get(key);
    if (a === b) continue;
    if (a === undefined) out.push(`only in the new build: ${key}`, ...b!.split("\n").map((l) => `+ ${l}`));
    else if (b === undefined) out.push(`only in the old build: ${key}`, ...a.split("\n").map((l) => `- ${l}`));
    else out.push(`differs: ${key}`, ...lineDiff(a.split("\n"), b.split("\n")).filter((l) => !l.startsWith("  ")));
    out.push("");
  }
  return out;
}

async function build(sql: Sql, url: string, name: string, workdir: string): Promise<Map<string, string>> {
  await sql.unsafe(`create database ${name}`);
  const dbUrl = url.replace(/\/postgres\?/, `/${name}?`);
  const db = connect(dbUrl, 1);
  try {
    await prepareDatabase(db);
    await pushMigrations(dbUrl, workdir);
    return await describe(db);
  } finally {
    await db.end();
  }
}

async function main() {
  const ref = process.argv[2] ?? "HEAD";
  const dir = mkdtempSync(join(tmpdir(), "aptoria-schema-diff-"));
  const server = await startEmbeddedPostgres(join(dir, "postgres"), await freePort(), { persistent: false });
  try {
    // the old migrations, as committed at <ref>; the new ones, as in the working tree
    const old = join(dir, "old");
    mkdirSync(old);
    execFileSync("sh", ["-c", `git -C "${ROOT}" archive "$0" supabase/config.toml supabase/migrations | tar -x -C "${old}"`, ref]);
    const current = join(dir, "new");
    mkdirSync(join(current, "supabase"), { recursive: true });
    cpSync(join(ROOT, "supabase/config.toml"), join(current, "supabase/config.toml"));
    cpSync(join(ROOT, "supabase/migrations"), join(current, "supabase/migrations"), { recursive: true });

    const sql = connect(server.url, 1);
    try {
      const before = await build(sql, server.url, "schema_old", old);
      const after = await build(sql, server.url, "schema_new", current);
      const diff = compare(before, after);
      console.log(`${before.size} objects from ${ref}, ${after.size} from the working tree.`);
      if (diff.length === 0) {
        console.log("No difference in schemas app and pgmq, nor in app's rows.");
      } else {
        console.log(diff.join("\n"));
        process.exitCode = 1;
      }
    } finally {
      await sql.end();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
