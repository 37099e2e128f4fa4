-- A pure-SQL implementation of the pgmq extension's API (https://github.com/pgmq/pgmq), for
-- PostgreSQL servers where `create extension pgmq` is impossible: the embedded PostgreSQL of the
-- Docker-free dev stack and the tests. Hosted Supabase (and `supabase start`) use the real
-- extension; this file is never run there, and refuses to run over an installed extension.
--
-- It installs into schema `pgmq` the same tables (pgmq.meta, pgmq.q_<queue>, pgmq.a_<queue>),
-- types and functions as pgmq, so SQL written against a hosted queue works unchanged locally.
-- Covered: the subset that behaves the same on every pgmq version Supabase runs (1.4.4 and
-- later), with pgmq 1.4.4's definitions:
--   create, create_non_partitioned, create_unlogged, drop_queue, list_queues, purge_queue,
--   send, send_batch (integer delay), read, read_with_poll, pop, set_vt (integer vt),
--   archive, delete (single id and array), metrics, metrics_all.
-- Not covered: partitioned queues (pg_partman), detach_archive, and what 1.5+ added (message
-- headers, timestamp delays, conditional reads, queue_visible_length, last_read_at, topics,
-- FIFO groups, notifications). Types are 1.4.4's, so `select *` shows 1.4.4's columns; name
-- the columns you want, as newer pgmq versions add some.
-- Where 1.4.4 and later versions differ, this follows the later behaviour:
--   drop_queue of a missing queue returns false with a notice (1.4.4 raised an error);
--   drop_queue(queue_name) and drop_queue(queue_name, partitioned) are separate functions;
--   pop and set_vt use clock_timestamp() like read does (1.4.4 used now());
--   read_with_poll sleeps for fractions of a second (1.4.4 busy-looped below 1000 ms).
-- Deliberately stricter or safer than pgmq:
--   queue names must match ^[A-Za-z0-9_]{1,47}$ (pgmq rejects only $ ; -- ' and > 47 chars);
--   as in pgmq, table names are lowercased and pgmq.meta keeps the name as given;
--   read returns its messages ordered by msg_id; metrics_all skips a queue dropped while it runs.
-- Idempotent: safe to run again over itself. Every identifier built from a queue name goes
-- through format('%I'), and every value through a bind parameter.

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pgmq') then
    raise exception 'the pgmq extension is installed in this database; do not run scripts/sql/pgmq.sql over it';
  end if;
  if exists (select 1 from pg_proc where proname = 'create_partitioned' and pronamespace = to_regnamespace('pgmq')) then
    raise exception 'a pgmq schema that is not this file''s exists (pgmq installed as SQL?); do not run scripts/sql/pgmq.sql over it';
  end if;
end
$$;

create schema if not exists pgmq;
-- How scripts/lib/database.ts tells this implementation from a real pgmq installed as plain SQL
-- (pgmq 1.5 and later can be), which it must never overwrite; tests/pgmq.test.ts reads it too.
comment on schema pgmq is 'aptoria pgmq shim';

-- One row per queue.
create table if not exists pgmq.meta (
  queue_name varchar unique not null,
  is_partitioned boolean not null,
  is_unlogged boolean not null,
  created_at timestamp with time zone default now() not null
);

-- As pgmq does: monitoring roles may read every queue.
grant usage on schema pgmq to pg_monitor;
grant select on all tables in schema pgmq to pg_monitor;
grant select on all sequences in schema pgmq to pg_monitor;
alter default privileges in schema pgmq grant select on tables to pg_monitor;
alter default privileges in schema pgmq grant select on sequences to pg_monitor;

do $$
begin
  -- A message, as read, pop and set_vt return it.
  if to_regtype('pgmq.message_record') is null then
    create type pgmq.message_record as (
      msg_id bigint,
      read_ct integer,
      enqueued_at timestamp with time zone,
      vt timestamp with time zone,
      message jsonb
    );
  end if;
  if to_regtype('pgmq.queue_record') is null then
    create type pgmq.queue_record as (
      queue_name varchar,
      is_partitioned boolean,
      is_unlogged boolean,
      created_at timestamp with time zone
    );
  end if;
  if to_regtype('pgmq.metrics_result') is null then
    create type pgmq.metrics_result as (
      queue_name text,
      queue_length bigint,
      newest_msg_age_sec int,
      oldest_msg_age_sec int,
      total_messages bigint,
      scrape_time timestamp with time zone
    );
  end if;
end
$$;

------------------------------------------------------------
-- Helpers
------------------------------------------------------------

-- Rejects queue names longer than 47 characters: 'archived_at_idx_' (16) + 47 = 63, the
-- longest identifier PostgreSQL keeps.
create or replace function pgmq.validate_queue_name(queue_name text)
returns void as $$
begin
  if length(queue_name) > 47 then
    raise exception 'queue name is too long, maximum length is 47 characters';
  end if;
end;
$$ language plpgsql;

-- The table name for a queue: '<prefix>_<queue>', lowercased as pgmq does. Every function
-- goes through it, so no function touches a table named by an unvalidated queue name.
create or replace function pgmq.format_table_name(queue_name text, prefix text)
returns text as $$
begin
  if queue_name is null then
    raise exception 'queue name must not be null';
  end if;
  if queue_name !~ '^[A-Za-z0-9_]+$' then
    raise exception 'queue name contains invalid characters: only letters, digits and underscores are allowed';
  end if;
  perform pgmq.validate_queue_name(queue_name);
  return lower(prefix || '_' || queue_name);
end;
$$ language plpgsql;

-- Serialises creating and dropping one queue until the end of the transaction.
create or replace function pgmq.acquire_queue_lock(queue_name text)
returns void as $$
begin
  perform pg_advisory_xact_lock(hashtext('pgmq.queue_' || queue_name));
end;
$$ language plpgsql;

-- Creates the queue's tables, indexes and meta row; a no-op for an existing queue.
create or replace function pgmq._create_queue(queue_name text, is_unlogged boolean)
returns void as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  atable text := pgmq.format_table_name(queue_name, 'a');
begin
  perform pgmq.acquire_queue_lock(queue_name);

  execute format(
    $q$
    create %s table if not exists pgmq.%I (
      msg_id bigint primary key generated always as identity,
      read_ct int default 0 not null,
      enqueued_at timestamp with time zone default now() not null,
      vt timestamp with time zone not null,
      message jsonb
    )
    $q$,
    case when is_unlogged then 'unlogged' else '' end, qtable
  );

  execute format(
    $q$
    create table if not exists pgmq.%I (
      msg_id bigint primary key,
      read_ct int default 0 not null,
      enqueued_at timestamp with time zone default now() not null,
      archived_at timestamp with time zone default now() not null,
      vt timestamp with time zone not null,
      message jsonb
    )
    $q$,
    atable
  );

  execute format('create index if not exists %I on pgmq.%I (vt asc)', qtable || '_vt_idx', qtable);
  execute format('create index if not exists %I on pgmq.%I (archived_at)', 'archived_at_idx_' || queue_name, atable);

  execute 'insert into pgmq.meta (queue_name, is_partitioned, is_unlogged) values ($1, false, $2) on conflict do nothing'
    using queue_name, is_unlogged;
end;
$$ language plpgsql;

------------------------------------------------------------
-- Queue management
------------------------------------------------------------

create or replace function pgmq.create_non_partitioned(queue_name text)
returns void as $$
begin
  perform pgmq._create_queue(queue_name, false);
end;
$$ language plpgsql;

create or replace function pgmq.create_unlogged(queue_name text)
returns void as $$
begin
  perform pgmq._create_queue(queue_name, true);
end;
$$ language plpgsql;

create or replace function pgmq.create(queue_name text)
returns void as $$
begin
  perform pgmq.create_non_partitioned(queue_name);
end;
$$ language plpgsql;

-- Drops the queue and its archive. Returns false, with a notice, if there is no such queue.
create or replace function pgmq.drop_queue(queue_name text)
returns boolean as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  atable text := pgmq.format_table_name(queue_name, 'a');
begin
  perform pgmq.acquire_queue_lock(queue_name);
  if to_regclass(format('pgmq.%I', qtable)) is null then
    execute 'delete from pgmq.meta where queue_name = $1' using queue_name;
    raise notice 'pgmq queue `%` does not exist', queue_name;
    return false;
  end if;
  execute format('drop table if exists pgmq.%I', qtable);
  execute format('drop table if exists pgmq.%I', atable);
  execute 'delete from pgmq.meta where queue_name = $1' using queue_name;
  return true;
end;
$$ language plpgsql;

-- pgmq 1.4's two-argument form; there are no partitioned queues here, so `partitioned` is ignored.
create or replace function pgmq.drop_queue(queue_name text, partitioned boolean)
returns boolean as $$
begin
  raise warning 'drop_queue(queue_name, partitioned) is deprecated and will be removed in PGMQ v2.0. Use drop_queue(queue_name) instead';
  return pgmq.drop_queue(queue_name);
end;
$$ language plpgsql;

create or replace function pgmq.list_queues()
returns setof pgmq.queue_record as $$
  select queue_name, is_partitioned, is_unlogged, created_at from pgmq.meta;
$$ language sql;

-- Deletes every message in the queue (not its archive); returns how many.
create or replace function pgmq.purge_queue(queue_name text)
returns bigint as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  deleted_count bigint;
begin
  execute format('delete from pgmq.%I', qtable);
  get diagnostics deleted_count = row_count;
  return deleted_count;
end;
$$ language plpgsql;

------------------------------------------------------------
-- Sending
------------------------------------------------------------

-- Enqueues one message, invisible for `delay` seconds; returns its id.
create or replace function pgmq.send(queue_name text, msg jsonb, delay integer default 0)
returns setof bigint as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
begin
  return query execute format(
    'insert into pgmq.%I (vt, message) values (clock_timestamp() + $2, $1) returning msg_id',
    qtable
  ) using msg, make_interval(secs => delay);
end;
$$ language plpgsql;

-- Enqueues the messages in array order, all invisible for `delay` seconds; returns their ids.
create or replace function pgmq.send_batch(queue_name text, msgs jsonb[], delay integer default 0)
returns setof bigint as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
begin
  return query execute format(
    $q$
    insert into pgmq.%I (vt, message)
    select clock_timestamp() + $2, m.message
    from unnest($1) with ordinality as m(message, ord)
    order by m.ord
    returning msg_id
    $q$,
    qtable
  ) using msgs, make_interval(secs => delay);
end;
$$ language plpgsql;

------------------------------------------------------------
-- Reading
------------------------------------------------------------

-- Takes up to `qty` visible messages, oldest first, skipping rows other transactions hold;
-- each becomes invisible for `vt` seconds and its read_ct goes up by one.
create or replace function pgmq.read(queue_name text, vt integer, qty integer)
returns setof pgmq.message_record as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
begin
  return query execute format(
    $q$
    with cte as (
      select msg_id
      from pgmq.%1$I
      where vt <= clock_timestamp()
      order by msg_id asc
      limit $1
      for update skip locked
    ),
    updated as (
      update pgmq.%1$I m
      set vt = clock_timestamp() + $2,
          read_ct = m.read_ct + 1
      from cte
      where m.msg_id = cte.msg_id
      returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message
    )
    select msg_id, read_ct, enqueued_at, vt, message from updated order by msg_id
    $q$,
    qtable
  ) using qty, make_interval(secs => vt);
end;
$$ language plpgsql;

-- read, retried every `poll_interval_ms` until it returns messages or `max_poll_seconds` pass.
create or replace function pgmq.read_with_poll(
  queue_name text,
  vt integer,
  qty integer,
  max_poll_seconds integer default 5,
  poll_interval_ms integer default 100
)
returns setof pgmq.message_record as $$
declare
  stop_at timestamp with time zone := clock_timestamp() + make_interval(secs => max_poll_seconds);
begin
  loop
    if clock_timestamp() >= stop_at then
      return;
    end if;
    return query select * from pgmq.read(queue_name, vt, qty);
    if found then
      return;
    end if;
    perform pg_sleep(poll_interval_ms::numeric / 1000);
  end loop;
end;
$$ language plpgsql;

-- Takes the oldest visible message and deletes it.
create or replace function pgmq.pop(queue_name text)
returns setof pgmq.message_record as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
begin
  return query execute format(
    $q$
    with cte as (
      select msg_id
      from pgmq.%1$I
      where vt <= clock_timestamp()
      order by msg_id asc
      limit 1
      for update skip locked
    )
    delete from pgmq.%1$I m
    using cte
    where m.msg_id = cte.msg_id
    returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message
    $q$,
    qtable
  );
end;
$$ language plpgsql;

-- Makes a message invisible until `vt` seconds from now (0: visible now); returns it, or
-- nothing if there is no such message.
create or replace function pgmq.set_vt(queue_name text, msg_id bigint, vt integer)
returns setof pgmq.message_record as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
begin
  return query execute format(
    $q$
    update pgmq.%I
    set vt = clock_timestamp() + $2
    where msg_id = $1
    returning msg_id, read_ct, enqueued_at, vt, message
    $q$,
    qtable
  ) using msg_id, make_interval(secs => vt);
end;
$$ language plpgsql;

------------------------------------------------------------
-- Archiving and deleting
------------------------------------------------------------

-- Moves a message to pgmq.a_<queue>; false if there is no such message.
create or replace function pgmq.archive(queue_name text, msg_id bigint)
returns boolean as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  atable text := pgmq.format_table_name(queue_name, 'a');
  result bigint;
begin
  execute format(
    $q$
    with archived as (
      delete from pgmq.%I
      where msg_id = $1
      returning msg_id, vt, read_ct, enqueued_at, message
    )
    insert into pgmq.%I (msg_id, vt, read_ct, enqueued_at, message)
    select msg_id, vt, read_ct, enqueued_at, message
    from archived
    returning msg_id
    $q$,
    qtable, atable
  ) into result using msg_id;
  return result is not null;
end;
$$ language plpgsql;

-- Moves the messages to pgmq.a_<queue>; returns the ids that existed.
create or replace function pgmq.archive(queue_name text, msg_ids bigint[])
returns setof bigint as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  atable text := pgmq.format_table_name(queue_name, 'a');
begin
  return query execute format(
    $q$
    with archived as (
      delete from pgmq.%I
      where msg_id = any($1)
      returning msg_id, vt, read_ct, enqueued_at, message
    )
    insert into pgmq.%I (msg_id, vt, read_ct, enqueued_at, message)
    select msg_id, vt, read_ct, enqueued_at, message
    from archived
    returning msg_id
    $q$,
    qtable, atable
  ) using msg_ids;
end;
$$ language plpgsql;

-- Deletes a message for good; false if there is no such message.
create or replace function pgmq.delete(queue_name text, msg_id bigint)
returns boolean as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  result bigint;
begin
  execute format('delete from pgmq.%I where msg_id = $1 returning msg_id', qtable)
    into result using msg_id;
  return result is not null;
end;
$$ language plpgsql;

-- Deletes the messages for good; returns the ids that existed.
create or replace function pgmq.delete(queue_name text, msg_ids bigint[])
returns setof bigint as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
begin
  return query execute format('delete from pgmq.%I where msg_id = any($1) returning msg_id', qtable)
    using msg_ids;
end;
$$ language plpgsql;

------------------------------------------------------------
-- Metrics
------------------------------------------------------------

-- queue_length: messages in the queue, visible or not; total_messages: messages ever sent
-- (the msg_id sequence's last value); ages in seconds, null for an empty queue.
create or replace function pgmq.metrics(queue_name text)
returns pgmq.metrics_result as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  result_row pgmq.metrics_result;
begin
  execute format(
    $q$
    with q_summary as (
      select
        count(*) as queue_length,
        extract(epoch from (now() - max(enqueued_at)))::int as newest_msg_age_sec,
        extract(epoch from (now() - min(enqueued_at)))::int as oldest_msg_age_sec,
        now() as scrape_time
      from pgmq.%I
    ),
    all_metrics as (
      select case when is_called then last_value else 0 end as total_messages
      from pgmq.%I
    )
    select
      $1::text as queue_name,
      q_summary.queue_length,
      q_summary.newest_msg_age_sec,
      q_summary.oldest_msg_age_sec,
      all_metrics.total_messages,
      q_summary.scrape_time
    from q_summary, all_metrics
    $q$,
    qtable, qtable || '_msg_id_seq'
  ) into result_row using queue_name;
  return result_row;
end;
$$ language plpgsql;

create or replace function pgmq.metrics_all()
returns setof pgmq.metrics_result as $$
declare
  row_name record;
  result_row pgmq.metrics_result;
begin
  for row_name in select m.queue_name from pgmq.meta m order by m.queue_name loop
    begin
      result_row := pgmq.metrics(row_name.queue_name);
    exception when undefined_table then
      continue; -- dropped since the loop started
    end;
    return next result_row;
  end loop;
end;
$$ language plpgsql;
