// Until the first release, an object is changed in its concern's migration: every function,
// procedure, view, table, type, index and trigger is created in exactly one migration file.
import { describe, expect, it } from "vitest";
import { definitions, migrationFiles, staleMigrations, statements } from "../scripts/lib/migrations.ts";
import { sql } from "./helpers.ts";

describe("the migrations", () => {
  it("create each object in one file only", () => {
    const where = new Map<string, string[]>();
    for (const f of migrationFiles()) {
      for (const d of definitions(f.text)) where.set(d, [...(where.get(d) ?? []), f.file]);
    }
    const twice = [...where].filter(([, files]) => files.length > 1).map(([d, files]) => `${d}: ${files.join(", ")}`);
    expect(twice).toEqual([]);
    // nor created and then dropped
    const drops = migrationFiles().flatMap((f) => statements(f.text).filter((s) => /^drop\s/i.test(s)).map((s) => `${f.file}: ${s}`));
    expect(drops).toEqual([]);
    // the parse found the schema (a parse that sees nothing would pass the check above)
    expect(where.size).toBeGreaterThan(200);
    for (const d of ["function app.webhook_claim", "view app.webhook_pipeline", "table app.webhook_deliveries",
      "type app.webhook_outcome", "trigger app.payments.payments_webhook", "procedure app.queue_wait"]) {
      expect(where.get(d)).toHaveLength(1);
    }
  });

  it("are read by a parse that sees every way of defining an object again", () => {
    const sqlText = `
      create function app.f(a int) returns int language sql as $$ select 1; create table app.not_this (x int); $$;
      CREATE OR REPLACE FUNCTION "app"."f"(b text) returns int language sql as $body$ select 2 $body$;
      create table if not exists app.t (x text default ';');
      create unlogged table app."T" (x int);
      create or replace view app.v as select 1;
      create materialized view app.m as select 1;
      create type app.r as (a int);
      create procedure app.p() language sql as 'select 1';
      -- create table app.commented_out (x int);
      create trigger t1 after insert on app.t for each row execute function app.f();
      create constraint trigger t1 after insert on app.t deferrable for each row execute function app.f();
      create trigger t1 after insert on app."T" for each row execute function app.f();
      create unique index if not exists t_x on app.t (x);`;
    expect(definitions(sqlText)).toEqual([
      "function app.f", "function app.f", "table app.t", "table app.T", "view app.v", "materialized view app.m",
      "type app.r", "procedure app.p", "trigger app.t.t1", "trigger app.t.t1", "trigger app.T.t1", "index app.t_x",
    ]);
  });

  it("applied to the test database are the files, as they are", async () => {
    const applied = await sql<{ version: string; name: string }[]>`
      select version, name from supabase_migrations.schema_migrations order by version`;
    expect(applied).toEqual(migrationFiles().map((f) => ({ version: f.version, name: f.name })));
    // what npm start compares to tell a stale .data database (scripts/lib/migrations.ts)
    expect(await staleMigrations(sql)).toEqual([]);
  });

  it("tell a database built from other migrations (npm start refuses it: tests/start.test.ts)", async () => {
    const files = migrationFiles();
    const [first, ...rest] = files;
    const last = files[files.length - 1];
    // a file not applied yet is what supabase db push applies, not a stale schema
    expect(await staleMigrations(sql, [...files, { version: "29991231000000", name: "later", file: "29991231000000_later.sql", text: "select 1;" }])).toEqual([]);
    // white space is not a change; anything else is
    expect(await staleMigrations(sql, files.map((f) => ({ ...f, text: f.text.replace(/\n/g, "\n\n") })))).toEqual([]);
    expect(await staleMigrations(sql, files.map((f) => f === last ? { ...f, text: f.text + "\nselect 1;" } : f)))
      .toEqual([`${last.file} (changed)`]);
    expect(await staleMigrations(sql, rest)).toEqual([`${first.version}_${first.name}.sql (gone)`]);
    expect(await staleMigrations(sql, files.map((f) => f === last ? { ...f, name: "renamed", file: `${f.version}_renamed.sql` } : f)))
      .toEqual([`${last.version}_renamed.sql (changed)`]);
  });
});
