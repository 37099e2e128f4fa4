-- Foundation: the private `app` schema and who may use it, the extensions the later files use,
-- prefixed sortable ids, the application error codes, and money and instants as the API shows
-- them.
-- Rules: application data lives in `app`, which the Data API does not expose; service_role gets
-- every object later created in `app` (default privileges) and PUBLIC executes none of its
-- functions; a rule broken in SQL raises one of
-- the AP SQLSTATEs below through app.fail; helpers that are one expression are `language sql`
-- with an honest volatility, so the planner inlines them.

-- pgmq is an extension on hosted Supabase and under `supabase start`. A pgmq schema that
-- exists already is used as it is: pgmq installed as plain SQL (pgmq 1.5 and later can be, on
-- databases that do not offer the extension), or, on servers without either (the Docker-free
-- dev stack), the project's SQL implementation of the same API (scripts/sql/pgmq.sql) installed
-- before migrations run (scripts/lib/database.ts tells them apart).
do $$
begin
  if to_regnamespace('pgmq') is not null then
    return;
  end if;
  if exists (select 1 from pg_available_extensions where name = 'pgmq') then
    create extension pgmq;
  else
    raise exception 'pgmq is required: install the extension, or run scripts/sql/pgmq.sql first';
  end if;
end
$$;

-- pg_cron and pg_net call the scheduled functions where they exist (20261127000900_schedule.sql);
-- the Docker-free stack calls them itself. pg_net's objects live in schema `net` whatever the
-- extension's schema; the extension itself goes to `extensions`, not `public` (Security
-- Advisor lint 0014).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_net') then
    create extension if not exists pg_cron;
    create schema if not exists extensions;
    create extension if not exists pg_net with schema extensions;
  end if;
end
$$;

create extension if not exists btree_gist with schema extensions;

-- Application data lives outside the schemas the Data API exposes (public, graphql_public),
-- so nothing is reachable through PostgREST with the anon or authenticated roles.
create schema app;
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

-- No function of ours is executable by PUBLIC: several are SECURITY DEFINER (app.webhook_claim
-- returns every organization's endpoint URLs and secrets), and the schema's missing USAGE should
-- not be all that stands between them and anon. Set before any function of ours exists (the
-- extensions above keep theirs). Per-schema default privileges can only add to the global ones,
-- so this one is global, for the role that runs the migrations.
alter default privileges revoke execute on routines from public;

-- Ids as the public reference shows them: a resource prefix and a ULID (48-bit millisecond
-- time, then 80 random bits, Crockford base32), so ids sort by creation time. One expression,
-- not a loop: every row of every table gets one, inside the writer's transaction.
create function app.new_id(prefix text) returns text
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

-- The smallest id app.new_id(p_prefix) can return at p_at. Ids are ULIDs: after the prefix,
-- ten characters of milliseconds, so ids compare as their creation times, to the millisecond.
create function app.id_floor(p_prefix text, p_at timestamptz) returns text
language plpgsql immutable parallel safe as $$
declare
  a constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  ms bigint := floor(extract(epoch from p_at) * 1000);
  out text := p_prefix || '_';
begin
  for i in reverse 9..0 loop
    out := out || substr(a, ((ms >> (5 * i)) & 31)::int + 1, 1);
  end loop;
  return out || repeat('0', 16);
end
$$;

-- Rules enforced in SQL raise these SQLSTATEs; the API maps them to HTTP statuses
-- (supabase/functions/_shared/errors.ts), so every writer gets the same rule and message.
--   AP400 bad request, AP403 forbidden, AP404 not found, AP409 conflict (e.g. a transition
--   that is not allowed), AP422 unprocessable.
create function app.fail(code text, message text) returns void
language plpgsql as $$
begin
  raise exception using errcode = code, message = message;
end
$$;

-- Constant-time equality for secrets and their hashes: the time taken does not depend on where
-- the first differing byte is. XOR of the two as bit strings, then a count of ones; neither step
-- stops at the first difference. Plain SQL without a loop, so the planner inlines it.
create function app.secure_equals(a bytea, b bytea) returns boolean
language sql immutable parallel safe as $$
  select case when length(a) = length(b)
    then bit_count(('x' || encode(a, 'hex'))::bit varying # ('x' || encode(b, 'hex'))::bit varying) = 0
    else false end
$$;

-- Dollars from cents, as the API shows money: 1825 or 1825.5.
create function app.usd(cents numeric) returns numeric
language sql immutable parallel safe as $$
  select trim_scale(cents / 100.0)
$$;

-- Cents from API dollars; more than two decimals is a bad request, not a silent rounding.
create function app.cents(usd numeric) returns bigint
language plpgsql immutable as $$
begin
  if usd is null then
    return null;
  end if;
  if usd * 100 <> trunc(usd * 100) then
    perform app.fail('AP400', format('%s has more than two decimals; amounts are in dollars and cents.', usd));
  end if;
  return (usd * 100)::bigint;
end
$$;

-- Instants as the API shows them: ISO 8601 in UTC with milliseconds. Stable, as to_char is: a
-- SQL function declared more immutable than its body is never inlined
-- (why: docs/decisions/0006-plpgsql-on-hot-paths.md).
create function app.iso_instant(ts timestamptz) returns text
language sql stable parallel safe as $$
  select to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;
