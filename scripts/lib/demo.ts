// The demo organization and its API key, for `npm start`. The key is kept in the git-ignored
// data folder so a second start can print it again; the database itself holds only its hash.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Sql } from "./database.ts";
import { ROOT } from "./paths.ts";

export const DEMO_ORGANIZATION = "Demo Rentals";

export interface Demo {
  organizationId: string;
  apiKey: string;
  seeded: boolean;
}

export async function allScopes(sql: Sql): Promise<string[]> {
  return (await sql<{ name: string }[]>`select name from app.scopes order by name`).map((r) => r.name);
}

export async function createKey(sql: Sql, organizationId: string, name: string, scopes: string[], expiresAt?: string): Promise<string> {
  const [row] = await sql<{ api_key: string }[]>`
    select api_key from app.create_api_key(${organizationId}, ${name}, ${scopes}, ${expiresAt ?? null}::timestamptz)`;
  return row.api_key;
}

/** Seeds the demo portfolio on an empty database and returns a working demo key. */
export async function ensureDemo(sql: Sql, dataRoot: string): Promise<Demo> {
  let seeded = false;
  let [org] = await sql<{ id: string }[]>`select id from app.organizations where name = ${DEMO_ORGANIZATION} order by created_at limit 1`;
  if (!org) {
    await sql.begin((tx) => tx.unsafe(readFileSync(join(ROOT, "supabase/seed.sql"), "utf8")));
    [org] = await sql<{ id: string }[]>`select id from app.organizations where name = ${DEMO_ORGANIZATION} order by created_at limit 1`;
    seeded = true;
  }
  const file = join(dataRoot, "demo.json");
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { organizationId: string; apiKey: string };
    const prefix = saved.apiKey.slice(4, 12);
    const [valid] = await sql`select 1 from app.api_keys where prefix = ${prefix} and organization_id = ${org.id}
      and revoked_at is null and (expires_at is null or expires_at > now())`;
    if (valid && saved.organizationId === org.id) return { ...saved, seeded };
  }
  const apiKey = await createKey(sql, org.id, "Demo key (npm start)", await allScopes(sql));
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(file, JSON.stringify({ organizationId: org.id, apiKey }, null, 2), { mode: 0o600 });
  return { organizationId: org.id, apiKey, seeded };
}
