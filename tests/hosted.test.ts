// What hosted Supabase needs of the schema (docs/hosted.md): nothing of ours blocks a pgmq
// upgrade, no function of schema app is executable by PUBLIC, jobs are scheduled only when
// they can work, and the stack tells a real pgmq installed as SQL from its own implementation.
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { prepareDatabase } from "../scripts/lib/database.ts";
import { rolledBack, sql, withDatabase } from "./helpers.ts";

/** Objects outside pgmq that depend on a pgmq function: an upgrade that drops one is blocked. */
const dependentsOfPgmqFunctions = (db: postgres.Sql | postgres.TransactionSql) => db<{ what: string; on: string }[]>`
  select pg_describe_object(d.classid, d.objid, d.objsubid) as what, d.refobjid::regprocedure::text as on
  from pg_depend d
  join pg_proc p on d.refclassid = 'pg_proc'::regclass and d.refobjid = p.oid
  where p.pronamespace = 'pgmq'::regnamespace and d.deptype in ('n', 'a')
    and pg_describe_object(d.classid, d.objid, d.objsubid) !~ '^(function|type|table|sequence|index|view|rule _RETURN on view) pgmq\\.'`;

describe("pgmq upgrades", () => {
  it("no view or function of ours depends on a pgmq function (alter extension pgmq update is never blocked)", async () => {
    expect(await dependentsOfPgmqFunctions(sql)).toEqual([]);
    // the check sees such a dependency when there is one: the pipeline view as it was
    await rolledBack(async (tx) => {
      await tx`create view app.pipeline_as_it_was as select m.queue_length from pgmq.metrics('webhooks'::text) m`;
      expect((await dependentsOfPgmqFunctions(tx)).map((d) => d.what)).toContain("rule _RETURN on view app.pipeline_as_it_was");
    });
    const [pipeline] = await sql`select queue_length, total_messages, oldest_msg_age_sec from app.webhook_pipeline`;
    expect(Number(pipeline.total_messages)).toBeGreaterThanOrEqual(Number(pipeline.queue_length));
  });
});

describe("privileges", () => {
  /** Routines of schema app that PUBLIC may execute (a null ACL means the default: PUBLIC may). */
  const publicRoutines = (db: postgres.Sql | postgres.TransactionSql) => db<{ name: string }[]>`
    select p.oid::regprocedure::text as name from pg_proc p
    where p.pronamespace = 'app'::regnamespace
      and exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                  where a.grantee = 0 and a.privilege_type = 'EXECUTE')`;

  it("no function of schema app is executable by PUBLIC or anon; service_role keeps its grants", async () => {
    expect(await publicRoutines(sql)).toEqual([]);
    const claim = "app.webhook_claim(text, integer, integer, timestamp with time zone, integer, json, text[])";
    const [row] = await sql`select has_function_privilege('anon', ${claim}, 'execute') as anon,
      has_function_privilege('authenticated', ${claim}, 'execute') as authenticated,
      has_function_privilege('service_role', ${claim}, 'execute') as service_role`;
    expect(row).toEqual({ anon: false, authenticated: false, service_role: true });
    // and even with USAGE on the schema, anon is refused
    await rolledBack(async (tx) => {
      await tx`grant usage on schema app to anon`;
      await tx`set local role anon`;
      const error = await tx`select app.webhook_claim('x', 1, 30, now(), 5)`.then(() => null, (e: Error) => e.message);
      expect(error).toMatch(/permission denied for function webhook_claim/);
    });
  });

  it("a function created later is not executable by PUBLIC either (default privileges)", async () => {
    await rolledBack(async (tx) => {
      await tx`create function app.created_later() returns int language sql as 'select 1'`;
      expect((await publicRoutines(tx)).map((r) => r.name)).toEqual([]);
    });
  });
});

describe("schedules", () => {
  it("are a minute apart at least; the dispatcher's is a safety net that returns when idle", async () => {
    const jobs = await sql`select name, every_seconds, body from app.scheduled_jobs order by name`;
    expect(jobs.every((j) => j.every_seconds >= 60)).toBe(true);
    expect(jobs.find((j) => j.name === "webhook-dispatcher")!.body).toEqual({ until_idle: true });
    await expect(sql`insert into app.scheduled_jobs (name, function_name, every_seconds) values ('every-second', 'x', 1)`)
      .rejects.toThrow(/scheduled_jobs_every_seconds_check/);
  });

  it("app.sync_cron_jobs() says what is missing and schedules nothing, without failing", async () => {
    const [{ result }] = await sql`select app.sync_cron_jobs() as result`;
    expect(result.scheduled).toEqual([]);
    expect(result.missing).toEqual(expect.arrayContaining(["the pg_cron extension", "the pg_net extension"]));
  });

  it("without pg_net, a requested call is a NOTIFY the local scheduler answers; only scheduled functions, not by service_role", async () => {
    await rolledBack(async (tx) => {
      const [{ how }] = await tx`select app.scheduler_request('email-outbox') as how`;
      expect(how).toBe("notify");
    });
    await expect(sql`select app.scheduler_request('../../rest/v1/x')`).rejects.toThrow(/is not a scheduled function/);
    const [row] = await sql`select has_function_privilege('service_role', 'app.scheduler_request(text, jsonb)', 'execute') as request,
      has_function_privilege('service_role', 'app.sync_cron_jobs()', 'execute') as sync,
      has_function_privilege('service_role', 'app.webhook_wake_dispatcher()', 'execute') as wake`;
    expect(row).toEqual({ request: false, sync: false, wake: true });
  });
});

describe("pgmq detection", () => {
  it("installs its own pgmq where there is none, marked as such, and again over itself", async () => {
    await withDatabase("pgmq_detect", async (db) => {
      expect(await prepareDatabase(db)).toEqual({ pgmq: "sql" });
      const [row] = await db`select obj_description('pgmq'::regnamespace, 'pg_namespace') as mark, to_regproc('pgmq.send') is not null as has_send`;
      expect(row).toEqual({ mark: "aptoria pgmq shim", has_send: true });
      expect(await prepareDatabase(db)).toEqual({ pgmq: "sql" });
    });
  });

  it("uses a real pgmq installed as plain SQL (pgmq >= 1.5) instead of installing its own over it", async () => {
    await withDatabase("pgmq_detect", async (db) => {
      // what tells a real pgmq (extension or SQL) from ours: create_partitioned, which ours lacks
      await db.unsafe(`create schema pgmq;
        create function pgmq.create_partitioned(queue_name text, partition_interval text default '10000', retention_interval text default '100000')
        returns void language sql as 'select null::void'`);
      expect(await prepareDatabase(db)).toEqual({ pgmq: "installed-sql" });
      const [row] = await db`select to_regproc('pgmq.send') is null as untouched`;
      expect(row.untouched).toBe(true);
      // and our SQL refuses to run over it
      await expect(db.unsafe((await import("../scripts/lib/database.ts")).sqlFile("pgmq.sql"))).rejects.toThrow(/pgmq schema that is not this file's/);
    });
  });
});
