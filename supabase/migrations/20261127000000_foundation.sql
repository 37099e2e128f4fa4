-- Foundation: the private `app` schema, prefixed sortable ids, application error codes,
-- pgmq, and the table of scheduled jobs that pg_cron runs on hosted projects.

-- pgmq is an extension on hosted Supabase and under `supabase start`. Servers without it
-- (the Docker-free dev stack) get the project's SQL implementation of the same API
-- (scripts/sql/pgmq.sql) installed before migrations run.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pgmq') then
    create extension if not exists pgmq;
  elsif to_regnamespace('pgmq') is null then
    raise exception 'pgmq is required: install the extension, or run scripts/sql/pgmq.sql first';
  end if;
end
$$;

-- Application data lives outside the schemas the Data API exposes (public, graphql_public),
-- so nothing is reachable through PostgREST with the anon or authenticated roles.
create schema if not exists app;
revoke all on schema app from public;
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') then
    execute 'revoke all on schema app from anon, authenticated';
  end if;
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    execute 'grant usage on schema app to service_role';
    execute 'alter default privileges in schema app grant all on tables to service_role';
    execute 'alter default privileges in schema app grant all on sequences to service_role';
    execute 'alter default privileges in schema app grant execute on functions to service_role';
  end if;
end
$$;

-- Ids as the public reference shows them: a resource prefix and a ULID (48-bit millisecond
-- time, then 80 random bits, Crockford base32), so ids sort by creation time. One expression,
-- not a loop: every row of every table gets one, inside the writer's transaction.
create or replace function app.new_id(prefix text) returns text
language plpgsql volatile parallel safe as $$
declare
  a constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  ms bigint := floor(extract(epoch from clock_timestamp()) * 1000);
  -- bytes 0-4 and 10-14 of a v4 uuid are fully random (6 and 8 carry version and variant bits)
  u bytea := uuid_send(gen_random_uuid());
  r1 bigint := (get_byte(u, 0)::bigint << 32) | (get_byte(u, 1)::bigint << 24) | (get_byte(u, 2)::bigint << 16)
             | (get_byte(u, 3)::bigint << 8) | get_byte(u, 4);
  r2 bigint := (get_byte(u, 10)::bigint << 32) | (get_byte(u, 11)::bigint << 24) | (get_byte(u, 12)::bigint << 16)
             | (get_byte(u, 13)::bigint << 8) | get_byte(u, 14);
begin
  return prefix || '_'
      || substr(a, ((ms >> 45) & 31)::int + 1, 1) || substr(a, ((ms >> 40) & 31)::int + 1, 1)
      || substr(a, ((ms >> 35) & 31)::int + 1, 1) || substr(a, ((ms >> 30) & 31)::int + 1, 1)
      || substr(a, ((ms >> 25) & 31)::int + 1, 1) || substr(a, ((ms >> 20) & 31)::int + 1, 1)
      || substr(a, ((ms >> 15) & 31)::int + 1, 1) || substr(a, ((ms >> 10) & 31)::int + 1, 1)
      || substr(a, ((ms >> 5) & 31)::int + 1, 1) || substr(a, ((ms >> 0) & 31)::int + 1, 1)
      || substr(a, ((r1 >> 35) & 31)::int + 1, 1) || substr(a, ((r1 >> 30) & 31)::int + 1, 1)
      || substr(a, ((r1 >> 25) & 31)::int + 1, 1) || substr(a, ((r1 >> 20) & 31)::int + 1, 1)
      || substr(a, ((r1 >> 15) & 31)::int + 1, 1) || substr(a, ((r1 >> 10) & 31)::int + 1, 1)
      || substr(a, ((r1 >> 5) & 31)::int + 1, 1) || substr(a, ((r1 >> 0) & 31)::int + 1, 1)
      || substr(a, ((r2 >> 35) & 31)::int + 1, 1) || substr(a, ((r2 >> 30) & 31)::int + 1, 1)
      || substr(a, ((r2 >> 25) & 31)::int + 1, 1) || substr(a, ((r2 >> 20) & 31)::int + 1, 1)
      || substr(a, ((r2 >> 15) & 31)::int + 1, 1) || substr(a, ((r2 >> 10) & 31)::int + 1, 1)
      || substr(a, ((r2 >> 5) & 31)::int + 1, 1) || substr(a, ((r2 >> 0) & 31)::int + 1, 1);
end
$$;

-- Rules enforced in SQL raise these SQLSTATEs; the API maps them to HTTP statuses
-- (supabase/functions/_shared/errors.ts), so every writer gets the same rule and message.
--   AP400 bad request, AP403 forbidden, AP404 not found, AP409 conflict (e.g. a transition
--   that is not allowed), AP422 unprocessable.
create or replace function app.fail(code text, message text) returns void
language plpgsql as $$
begin
  raise exception using errcode = code, message = message;
end
$$;

-- Constant-time equality for secrets and their hashes: the time taken does not depend on
-- where the first differing byte is.
create or replace function app.secure_equals(a bytea, b bytea) returns boolean
language plpgsql immutable strict parallel safe as $$
declare
  diff int := length(a) # length(b);
begin
  for i in 0..least(length(a), length(b)) - 1 loop
    diff := diff | (get_byte(a, i) # get_byte(b, i));
  end loop;
  return diff = 0;
end
$$;

-- Jobs that run on a schedule. On hosted projects a migration turns each row into a pg_cron
-- job that calls the function through pg_net; the Docker-free dev stack reads this table and
-- calls the same function URLs on the same schedule.
create table if not exists app.scheduled_jobs (
  name          text primary key,
  function_name text not null,
  every_seconds int  not null check (every_seconds between 1 and 86400),
  body          jsonb not null default '{}'
);

-- The pg_cron schedule for an interval: pg_cron takes '[1-59] seconds' or a cron expression.
create or replace function app.cron_schedule(every_seconds int) returns text
language sql immutable as $$
  select case
    when every_seconds < 60 then every_seconds || ' seconds'
    when every_seconds < 3600 then '*/' || (every_seconds / 60) || ' * * * *'
    when every_seconds < 86400 then '0 */' || (every_seconds / 3600) || ' * * *'
    else '0 0 * * *'
  end
$$;

-- (Re)creates the pg_cron jobs for app.scheduled_jobs where pg_cron and pg_net exist. The
-- project URL and service role key are read from Supabase Vault at run time (secrets
-- `project_url` and `service_role_key`; see README), so no secret is stored in a migration.
create or replace function app.sync_cron_jobs() returns int
language plpgsql as $$
declare
  job record;
  n int := 0;
begin
  if to_regnamespace('cron') is null or to_regnamespace('net') is null then
    return 0;
  end if;
  for job in select * from app.scheduled_jobs loop
    perform cron.schedule(
      'aptoria_' || job.name,
      app.cron_schedule(job.every_seconds),
      format(
        $job$select net.http_post(
           url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/%s',
           headers := jsonb_build_object(
             'Content-Type', 'application/json',
             'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
           body := %L::jsonb,
           timeout_milliseconds := 60000)$job$,
        job.function_name, job.body::text));
    n := n + 1;
  end loop;
  return n;
end
$$;

do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_net') then
    create extension if not exists pg_cron;
    create extension if not exists pg_net;
  end if;
end
$$;
