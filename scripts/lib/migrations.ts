// The migration files, what each defines, and whether a database's recorded migrations still
// match them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type postgres from "postgres";
import { ROOT } from "./paths.ts";

export const MIGRATIONS_DIR = join(ROOT, "supabase/migrations");

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  text: string;
}

/** supabase/migrations/<version>_<name>.sql, in version order. */
export function migrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const [, version, name] = /^(\d+)_(.+)\.sql$/.exec(file)!;
      return { version, name, file, text: readFileSync(join(dir, file), "utf8") };
    });
}

/**
 * The top-level statements of a SQL text, comments removed and white space folded. Quoted
 * strings and dollar-quoted bodies are kept whole, so a `;` inside them does not split.
 */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let current = "";
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const dollar = /^\$[A-Za-z_0-9]*\$/.exec(rest);
    if (rest.startsWith("--")) {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end;
    } else if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      const stop = end < 0 ? sql.length : end + dollar[0].length;
      current += sql.slice(i, stop);
      i = stop;
    } else if (sql[i] === "'" || sql[i] === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === sql[i] && sql[j + 1] !== sql[i])) j += sql[j] === sql[i] ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j + 1;
    } else if (sql[i] === ";") {
      if (current.trim()) out.push(current.replace(/\s+/g, " ").trim());
      current = "";
      i++;
    } else {
      current += sql[i++];
    }
  }
  if (current.trim()) out.push(current.replace(/\s+/g, " ").trim());
  return out;
}

/** A possibly schema-qualified, possibly quoted name as the catalog spells it: [schema, name]. */
function canonicalName(name: string, defaultSchema = "public"): [string, string] {
  const parts = name.match(/"(?:[^"]|"")*"|[^.\s"]+/g)!.map((p) =>
    p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase()
  );
  return parts.length === 1 ? [defaultSchema, parts[0]] : [parts[0], parts[1]];
}

const NAME = String.raw`((?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*))?)`;
const DEFINITIONS: [string, RegExp][] = [
  ["function", new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?function\s+${NAME}\s*\(`, "i")],
  ["procedure", new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?procedure\s+${NAME}\s*\(`, "i")],
  ["materialized view", new RegExp(String.raw`^create\s+materialized\s+view\s+(?:if\s+not\s+exists\s+)?${NAME}`, "i")],
  ["view", new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(?:recursive\s+)?view\s+${NAME}`, "i")],
  ["table", new RegExp(String.raw`^create\s+(?:(?:global|local)\s+)?(?:temp(?:orary)?\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${NAME}`, "i")],
  ["type", new RegExp(String.raw`^create\s+type\s+${NAME}`, "i")],
];
// Trigger names are per table, and an index lives in its table's schema: both are named by their table.
const ON_TABLE: [string, RegExp][] = [
  ["trigger", new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger\s+${NAME}\s.*?\son\s+(?:only\s+)?${NAME}`, "i")],
  ["index", new RegExp(String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?${NAME}\s+on\s+(?:only\s+)?${NAME}`, "i")],
];

/**
 * What a SQL text creates, as `kind schema.name` (`trigger schema.table.name`). Statements run by
 * DO blocks through EXECUTE are not seen. An overloaded function counts as the same function
 * defined twice.
 */
export function definitions(sql: string): string[] {
  const found: string[] = [];
  for (const statement of statements(sql)) {
    const [kind, m] = ON_TABLE.map(([k, p]) => [k, p.exec(statement)] as const).find(([, m]) => m) ?? [];
    if (kind && m) {
      const [schema, table] = canonicalName(m[2]);
      const [, name] = canonicalName(m[1]);
      found.push(kind === "trigger" ? `trigger ${schema}.${table}.${name}` : `index ${schema}.${name}`);
      continue;
    }
    for (const [kind, pattern] of DEFINITIONS) {
      const d = pattern.exec(statement);
      if (d) {
        found.push(`${kind} ${canonicalName(d[1]).join(".")}`);
        break;
      }
    }
  }
  return found;
}

export interface AppliedMigration {
  version: string;
  name: string | null;
  statements: string[] | null;
}

/**
 * The migrations a database recorded (supabase_migrations.schema_migrations, which the Supabase
 * CLI fills with each file's version, name and statements) whose file has since changed or
 * disappeared. Migrations not applied yet are not stale: `supabase db push` applies them.
 */
export async function staleMigrations(sql: postgres.Sql, files = migrationFiles()): Promise<string[]> {
  const [{ recorded }] = await sql`select to_regclass('supabase_migrations.schema_migrations') is not null as recorded`;
  if (!recorded) return [];
  const applied = await sql<AppliedMigration[]>`
    select version, name, statements from supabase_migrations.schema_migrations order by version`;
  // The CLI records each statement as written but for its closing semicolon.
  const squeeze = (s: string) => s.replace(/[\s;]+/g, "");
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const stale: string[] = [];
  for (const m of applied) {
    const file = byVersion.get(m.version);
    if (!file) stale.push(`${m.version}_${m.name ?? ""}.sql (gone)`);
    else if (file.name !== m.name || squeeze((m.statements ?? []).join("")) !== squeeze(file.text)) stale.push(`${file.file} (changed)`);
  }
  return stale;
}

/** The database holds migrations whose files changed or disappeared since they were applied. */
export class StaleSchemaError extends Error {
  constructor(readonly migrations: string[]) {
    super(`the database schema is stale: migrations it applied have changed or gone since (${StaleSchemaError.list(migrations)})`);
  }

  /** The first few, so the message stays one line. */
  static list(migrations: string[]): string {
    return migrations.slice(0, 3).join(", ") + (migrations.length > 3 ? ` and ${migrations.length - 3} more` : "");
  }
}
