// The database the operator scripts (create-key, sign-in) use: the one `npm start` runs, found
// by the same settings, so a changed DB_PORT is never silently ignored.
import { connect, type Sql } from "./database.ts";

/** DATABASE_URL, else the embedded server on DB_PORT (default 54322). */
export function localDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || `postgres://postgres:postgres@127.0.0.1:${Number(env.DB_PORT || 54322)}/postgres?sslmode=disable`;
}

/** Connects and checks something answers; else prints one clear line naming the settings and exits 1. */
export async function connectLocalDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Sql> {
  const url = localDatabaseUrl(env);
  const sql = connect(url, 1);
  try {
    await sql`select 1`;
    return sql;
  } catch (e) {
    await sql.end({ timeout: 0 }).catch(() => {});
    const where = env.DATABASE_URL ? "DATABASE_URL" : `127.0.0.1:${Number(env.DB_PORT || 54322)} (DB_PORT)`;
    console.error(`error: no database answers at ${where}: ${(e as Error).message}. Is npm start running? Set DB_PORT or DATABASE_URL as for npm start.`);
    process.exit(1);
  }
}
