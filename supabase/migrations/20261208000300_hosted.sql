-- Hosted Supabase, for real (issue 17): the dispatcher is woken when there is work instead of
-- being called every second, scheduled jobs authenticate with a dedicated secret read from
-- Vault and exist only once that secret and the project URL do, pg_cron's history is pruned,
-- nothing of ours depends on a pgmq function, pg_net lives in `extensions`, and no function of
-- schema app is executable by PUBLIC. docs/hosted.md explains how to operate it.
--
-- A temporary file while the migrations are rewritten one per concern: every object here is
-- in its final form, to be folded into its concern's file.

------------------------------------------------------------
-- Extensions
------------------------------------------------------------

-- pg_net's objects live in schema `net` whatever the extension's schema; the extension itself
-- goes to `extensions`, not `public` (Security Advisor lint 0014). pg_net is not relocatable:
-- one installed in public is dropped and created again (what it loses is its queue of
-- requests not yet sent and its log of responses; nothing of ours depends on its objects).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_net') then
    create extension if not exists pg_cron;
    if exists (select 1 from pg_extension e join pg_namespace n on n.oid = e.extnamespace
               where e.extname = 'pg_net' and n.nspname = 'public') then
      drop extension pg_net;
    end if;
    create schema if not exists extensions;
    create extension if not exists pg_net with schema extensions;
  end if;
end
$$;

------------------------------------------------------------
-- Calling a function from the database
------------------------------------------------------------

-- Asks for a call of Edge Function `p_function` (POST, JSON body), the way the scheduled jobs
-- and the dispatcher's wake-up do:
--   - where pg_net and the Vault secrets `project_url` and `scheduler_secret` exist (hosted, and
--     `supabase start`): net.http_post with `Authorization: Bearer <scheduler_secret>`, sent by
--     pg_net's worker once the caller's transaction commits. The scheduler secret opens the
--     scheduled functions only; no key that bypasses RLS is ever written to
--     net.http_request_queue, which pg_net lets PUBLIC read.
--   - where pg_net does not exist (the Docker-free stack): NOTIFY aptoria_scheduler, payload the
--     function's name; the stack's scheduler LISTENs and makes the call (scripts/lib/scheduler.ts).
-- Returns how the call was asked for ('pg_net', 'notify'), or null when it cannot be (pg_net
-- without the secrets: app.sync_cron_jobs() says what is missing).
create or replace function app.scheduler_request(p_function text, p_body jsonb default '{}') returns text
language plpgsql security definer set search_path = '' as $$
declare
  v_url text;
  v_secret text;
begin
  -- only our scheduled functions: the name becomes part of a URL the secret is sent to
  if not exists (select 1 from app.scheduled_jobs j where j.function_name = p_function) then
    raise exception 'app.scheduler_request: % is not a scheduled function', p_function;
  end if;
  if to_regnamespace('net') is null then
    perform pg_catalog.pg_notify('aptoria_scheduler', p_function);
    return 'notify';
  end if;
  if to_regnamespace('vault') is null then
    return null;
  end if;
  select s.decrypted_secret into v_url from vault.decrypted_secrets s where s.name = 'project_url';
  select s.decrypted_secret into v_secret from vault.decrypted_secrets s where s.name = 'scheduler_secret';
  if v_url is null or v_secret is null then
    return null;
  end if;
  perform net.http_post(
    url := rtrim(v_url, '/') || '/functions/v1/' || p_function,
    body := p_body,
    headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || v_secret),
    -- a dispatcher run lasts up to 150 s; pg_net keeps the request until its answer or this
    timeout_milliseconds := 155000);
  return 'pg_net';
end
$$;

------------------------------------------------------------
-- The dispatcher's wake-up
------------------------------------------------------------

-- When a message is enqueued and no run holds the lease, one request for a run is made; until a
-- run takes the lease (webhook_claim clears requested_at) or WAKE_PENDING passes (a request that
-- failed), no other is: at most one in flight, never one per event.
create table if not exists app.webhook_wake (
  singleton    boolean primary key default true check (singleton),
  requested_at timestamptz
);
insert into app.webhook_wake (singleton) values (true) on conflict do nothing;

-- Asks for a dispatcher run unless one holds the lease or was asked for in the last 10 seconds.
-- The wake-up row is taken with SKIP LOCKED: a writer whose transaction asked for a run holds it
-- until it commits, and no other writer may wait for that (if it rolls back, the next event or
-- the minutely safety net asks again). True when this call asked.
create or replace function app.webhook_wake_dispatcher() returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from app.webhook_dispatcher_lease l
             where l.expires_at > clock_timestamp() and l.ends_at > clock_timestamp()) then
    return false;
  end if;
  update app.webhook_wake w set requested_at = clock_timestamp()
  where w.singleton = (select x.singleton from app.webhook_wake x
                       where x.requested_at is null or x.requested_at <= clock_timestamp() - interval '10 seconds'
                       for update skip locked);
  if not found then
    return false;
  end if;
  return app.scheduler_request('webhook-dispatcher') is not null;
end
$$;

-- Records an event of `p_kind` for the organization's subscribed endpoints, in the caller's
-- transaction (see 20261127000300_webhooks.sql for why it runs with the writer's rights). Without
-- a subscribed endpoint it writes nothing. The messages go straight into the queue's table, as
-- in 20261128000200_webhook_enqueue.sql. Then, unless a dispatcher run holds the lease or one
-- was just asked for (two index reads, the writer's only added cost), it asks for a run.
create or replace function app.webhook_emit(p_organization_id text, p_kind text, p_payload json)
returns text
language plpgsql as $$
declare
  v_event text;
  v_woken boolean;
begin
  insert into app.webhook_events (organization_id, kind, payload)
  select p_organization_id, p_kind, p_payload
  where exists (select 1 from app.webhook_endpoints e
                where e.organization_id = p_organization_id and (p_kind = any (e.events) or '*' = any (e.events)))
  returning id into v_event;
  if v_event is not null then
    insert into pgmq.q_webhooks (vt, message)
    select clock_timestamp(), jsonb_build_object('delivery_id', app.new_id('dlv'), 'event_id', v_event, 'endpoint_id', e.id)
    from app.webhook_endpoints e
    where e.organization_id = p_organization_id and (p_kind = any (e.events) or '*' = any (e.events));
    if not exists (select 1 from app.webhook_dispatcher_lease l
                   where l.expires_at > clock_timestamp() and l.ends_at > clock_timestamp())
       and not exists (select 1 from app.webhook_wake w where w.requested_at > clock_timestamp() - interval '10 seconds') then
      v_woken := app.webhook_wake_dispatcher();
    end if;
  end if;
  return v_event;
end
$$;

-- Enqueues an event's deliveries for its endpoints (the test event: app.webhook_endpoint_test),
-- recording them at once, then asks for a dispatcher run (app.webhook_wake_dispatcher).
create or replace function app.webhook_fan_out(p_organization_id text, p_event_id text, p_kind text, p_endpoint_id text)
returns int
-- plpgsql, not sql: its statements' plans are cached across calls (a trigger calls this per row);
-- writer's rights, as app.webhook_emit
language plpgsql as $$
declare
  n int;
begin
  with targets as (
    select app.new_id('dlv') as id, e.id as endpoint_id, e.enabled
    from app.webhook_endpoints e
    where e.organization_id = p_organization_id
      and (case when p_endpoint_id is null then p_kind = any (e.events) or '*' = any (e.events)
                else e.id = p_endpoint_id end)
  ),
  queued as (
    insert into pgmq.q_webhooks (vt, message)
    select clock_timestamp(), jsonb_build_object('delivery_id', t.id, 'endpoint_id', t.endpoint_id)
    from targets t where t.enabled
    returning msg_id, message->>'delivery_id' as delivery_id
  )
  insert into app.webhook_deliveries (id, organization_id, endpoint_id, event_id, status, msg_id)
  select t.id, p_organization_id, t.endpoint_id, p_event_id,
         case when t.enabled then 'pending' else 'held' end, q.msg_id
  from targets t left join queued q on q.delivery_id = t.id;
  get diagnostics n = row_count;
  perform app.webhook_wake_dispatcher();
  return n;
end
$$;

-- Puts deliveries back in the queue (replay, re-enable, redeliver): due now, backoff restarted;
-- then asks for a dispatcher run.
create or replace function app.webhook_requeue(p_delivery_ids text[]) returns int
language plpgsql security definer set search_path = '' as $$
declare
  n int;
begin
  select count(*) into n from app.webhook_deliveries d where d.id = any (p_delivery_ids);
  -- already queued: just make them due now
  perform pgmq.set_vt('webhooks'::text, d.msg_id::bigint, 0::integer)
  from app.webhook_deliveries d where d.id = any (p_delivery_ids) and d.status = 'pending';
  update app.webhook_deliveries d set
    attempts = 0, next_attempt_at = now(), delivered_at = null, status = 'pending',
    msg_id = case when d.status = 'pending' then d.msg_id
                  else (select pgmq.send('webhooks'::text, jsonb_build_object('delivery_id', d.id, 'endpoint_id', d.endpoint_id), 0::integer)) end
  where d.id = any (p_delivery_ids);
  perform app.webhook_wake_dispatcher();
  return n;
end
$$;
------------------------------------------------------------
-- The dispatcher's lease
------------------------------------------------------------

-- The lease now renews on its own clock (p_lease_seconds), not the messages' visibility
-- timeout, so a killed run's lease ends within seconds; see the comment inside.
drop function if exists app.webhook_claim(text, int, int, timestamptz);

-- app.webhook_claim reads the queue with a statement of its own instead of pgmq.read: see
-- 20261207000100_webhook_claim_read.sql and docs/decisions/0003-queue-read-by-key.md.
-- p_qty = 0 renews the lease only (a run whose pool is full renews it that way).
create function app.webhook_claim(p_holder text, p_qty int, p_vt int, p_ends_at timestamptz, p_lease_seconds int) returns json
language plpgsql security definer set search_path = '' set enable_seqscan = off as $$
declare
  v_out json;
  v_orphans bigint[];
  v_held_msgs bigint[];
  v_held text[];
  v_held_first bigint[];
  v_ids bigint[];
  v_msgs jsonb[];
  v_delivery_ids text[];
begin
  -- A crash loses at most this bookkeeping, and the messages then reappear: at-least-once holds.
  perform set_config('synchronous_commit', 'off', true);
  -- The lease is taken over at once from a holder past its end (it stopped claiming, so it is
  -- dead or finishing what it has in flight) or silent for p_lease_seconds (killed mid-run: a
  -- live run renews the lease at least every second, claiming or not).
  insert into app.webhook_dispatcher_lease as l (singleton, holder, expires_at, ends_at)
  values (true, p_holder, clock_timestamp() + make_interval(secs => p_lease_seconds), p_ends_at)
  on conflict (singleton) do update set holder = excluded.holder, expires_at = excluded.expires_at, ends_at = excluded.ends_at
  where l.holder = excluded.holder or l.expires_at < clock_timestamp() or l.ends_at < clock_timestamp();
  if not found then
    return (select json_build_object('leased', false, 'ends_in_ms',
              greatest(0, extract(epoch from least(l.ends_at, l.expires_at) - clock_timestamp()) * 1000)::int)
            from app.webhook_dispatcher_lease l);
  end if;
  -- a run holds the lease: the wake-up that asked for one is answered
  update app.webhook_wake w set requested_at = null where w.singleton and w.requested_at is not null;
  if p_qty <= 0 then
    return json_build_object('leased', true, 'messages', '[]'::json);
  end if;

  -- pgmq.read's effect without its join (see above): the oldest due messages, locked, skipping
  -- those another transaction holds, each made invisible for p_vt seconds and its read_ct
  -- raised. A statement apart from the join below, which must see deliveries committed just
  -- before this read (a statement's snapshot predates what runs inside it).
  with taken as (
    update pgmq.q_webhooks q set vt = clock_timestamp() + make_interval(secs => p_vt), read_ct = q.read_ct + 1
    where q.msg_id = any (array(select d.msg_id from pgmq.q_webhooks d where d.vt <= clock_timestamp()
                                order by d.msg_id limit p_qty for update skip locked))
    returning q.msg_id, q.message
  )
  select coalesce(array_agg(t.msg_id order by t.msg_id), '{}'), coalesce(array_agg(t.message order by t.msg_id), '{}')
  into v_ids, v_msgs from taken t;
  if cardinality(v_ids) = 0 then
    return json_build_object('leased', true, 'messages', '[]'::json);
  end if;

  v_delivery_ids := array(select m->>'delivery_id' from unnest(v_msgs) m);

  with m as (
    select x.msg_id, x.message->>'delivery_id' as delivery_id, x.message->>'event_id' as event_id,
           x.message->>'endpoint_id' as endpoint_id
    from unnest(v_ids, v_msgs) as x(msg_id, message)
  ), j as (
    select m.msg_id, m.delivery_id, d.id is null as first, coalesce(d.attempts, 0) as attempts,
           e.id as endpoint_id, e.enabled, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at,
           ev.id as event_id, ev.kind, ev.organization_id, ev.payload,
           e.id is not null and (d.id is null or (d.status = 'pending' and d.msg_id = m.msg_id)) as live
    from m
    left join app.webhook_deliveries d on d.id = m.delivery_id and d.id = any (v_delivery_ids)
    -- a recorded delivery's event and endpoint are its row's, an unrecorded one's its message's;
    -- an event is only ever sent to an endpoint of its own organization
    left join app.webhook_events ev on ev.id = coalesce(d.event_id, m.event_id)
    left join app.webhook_endpoints e on e.organization_id = ev.organization_id and e.id = coalesce(d.endpoint_id, m.endpoint_id)
  )
  select
    coalesce(json_agg(json_build_object(
      'msg_id', j.msg_id, 'delivery_id', j.delivery_id, 'endpoint_id', j.endpoint_id, 'event_id', j.event_id,
      'event', j.kind, 'organization_id', j.organization_id, 'payload', j.payload, 'url', j.url,
      'attempt', j.attempts + 1,
      -- the newest secret last: the reference's snippets read the last v1=
      'secrets', case when j.previous_secret is not null and j.previous_secret_expires_at > now()
                      then json_build_array(j.previous_secret, j.secret) else json_build_array(j.secret) end
    ) order by j.msg_id) filter (where j.live and j.enabled), '[]'),
    array_agg(j.msg_id) filter (where not j.live),
    array_agg(j.msg_id) filter (where j.live and not j.enabled),
    array_agg(j.delivery_id) filter (where j.live and not j.enabled and not j.first),
    array_agg(j.msg_id) filter (where j.live and not j.enabled and j.first)
  into v_out, v_orphans, v_held_msgs, v_held, v_held_first
  from j;

  if v_orphans is not null then
    perform pgmq.delete('webhooks'::text, v_orphans);
  end if;
  if v_held is not null then
    update app.webhook_deliveries set status = 'held', msg_id = null where id = any (v_held);
  end if;
  if v_held_first is not null then
    -- kept for the endpoint's re-enabling, dated when its event was
    insert into app.webhook_deliveries (id, organization_id, endpoint_id, event_id, status, msg_id, next_attempt_at, created_at)
    select x.message->>'delivery_id', ev.organization_id, e.id, ev.id, 'held', null, ev.created_at, ev.created_at
    from unnest(v_ids, v_msgs) as x(msg_id, message)
    join app.webhook_events ev on ev.id = x.message->>'event_id'
    join app.webhook_endpoints e on e.organization_id = ev.organization_id and e.id = x.message->>'endpoint_id'
    where x.msg_id = any (v_held_first)
    on conflict (id) do nothing;
  end if;
  if v_held_msgs is not null then
    perform pgmq.archive('webhooks'::text, v_held_msgs);
  end if;
  return json_build_object('leased', true, 'messages', v_out);
end
$$;

-- Frees the lease at the end of a run, so the next run starts at once; when messages are due
-- still (the run stopped at its CPU budget or run time), asks for the next run: the hand-over.
-- True when it asked.
drop function if exists app.webhook_release(text);
create function app.webhook_release(p_holder text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  delete from app.webhook_dispatcher_lease where holder = p_holder;
  if exists (select 1 from pgmq.q_webhooks q where q.vt <= now()) then
    return app.webhook_wake_dispatcher();
  end if;
  return false;
end
$$;

------------------------------------------------------------
-- Views: no dependency on pgmq's functions
------------------------------------------------------------

-- pgmq's upgrades drop and recreate functions (1.4.5 -> 1.5.0 drops pgmq.metrics(text) without
-- CASCADE), so a view over one blocks `alter extension pgmq update`. The pipeline view reads
-- the queue's table and sequence instead, as pgmq.metrics does; tables and sequences survive
-- upgrades (tests/hosted.test.ts checks pg_depend).
drop view if exists app.webhook_pipeline;
create view app.webhook_pipeline as
select q.queue_length,
       (select case when s.is_called then s.last_value else 0 end from pgmq.q_webhooks_msg_id_seq s) as total_messages,
       q.oldest_msg_age_sec,
       now() - least((select min(created_at) from app.webhook_deliveries where status = 'pending'),
                     (select min(u.enqueued_at) from pgmq.q_webhooks u
                      where u.message ? 'event_id'
                        and not exists (select 1 from app.webhook_deliveries d where d.id = u.message->>'delivery_id'))) as oldest_pending_age,
       (select count(*) from app.webhook_deliveries where status = 'held') as held,
       (select count(*) from app.webhook_endpoints where not enabled) as disabled_endpoints,
       (select count(*) from app.email_outbox where sent_at is null) as unsent_emails
from (select count(*) as queue_length, extract(epoch from now() - min(m.enqueued_at))::int as oldest_msg_age_sec
      from pgmq.q_webhooks m) q;

------------------------------------------------------------
-- Schedules
------------------------------------------------------------

-- Every job runs at most once a minute: the dispatcher is woken when there is work
-- (app.webhook_wake_dispatcher), so its job is a safety net (a lost wake-up, retries coming
-- due; the first backoff is a minute). pg_cron 1.4 (Debian's) has no second schedules.
-- The dispatcher's safety-net run returns as soon as nothing is due (until_idle).
update app.scheduled_jobs set every_seconds = 60 where name in ('webhook-dispatcher', 'email-outbox');
update app.scheduled_jobs set body = '{"until_idle": true}' where name = 'webhook-dispatcher';
alter table app.scheduled_jobs drop constraint if exists scheduled_jobs_every_seconds_check;
alter table app.scheduled_jobs add constraint scheduled_jobs_every_seconds_check check (every_seconds between 60 and 86400);

-- The pg_cron schedule for an interval of whole minutes (pg_cron's seconds need 1.5+).
create or replace function app.cron_schedule(every_seconds int) returns text
language sql immutable as $$
  select case
    when every_seconds < 3600 then '*/' || greatest(every_seconds / 60, 1) || ' * * * *'
    when every_seconds < 86400 then '0 */' || (every_seconds / 3600) || ' * * *'
    else '0 0 * * *'
  end
$$;

-- (Re)creates the pg_cron jobs: one per app.scheduled_jobs row (app.scheduler_request: pg_net
-- with the Vault secrets project_url and scheduler_secret), and one that prunes pg_cron's own
-- history (cron.job_run_details, which pg_cron never prunes) to its last CRON_HISTORY days.
-- Jobs that call functions are created only when pg_cron, pg_net and both secrets exist;
-- otherwise ours are removed (they would fail on every tick) and the answer says what is
-- missing. It never raises: a schedule pg_cron refuses is reported in "failed", so no
-- migration fails over a schedule.
drop function if exists app.sync_cron_jobs();
create function app.sync_cron_jobs() returns json
language plpgsql security definer set search_path = '' as $$
declare
  v_missing text[] := '{}';
  v_scheduled text[] := '{}';
  v_failed jsonb := '{}';
  job record;
begin
  if to_regnamespace('cron') is null then v_missing := v_missing || 'the pg_cron extension'::text; end if;
  if to_regnamespace('net') is null then v_missing := v_missing || 'the pg_net extension'::text; end if;
  if to_regnamespace('vault') is null then
    v_missing := v_missing || 'Supabase Vault'::text;
  else
    if not exists (select 1 from vault.decrypted_secrets where name = 'project_url') then
      v_missing := v_missing || 'the Vault secret project_url'::text;
    end if;
    if not exists (select 1 from vault.decrypted_secrets where name = 'scheduler_secret') then
      v_missing := v_missing || 'the Vault secret scheduler_secret'::text;
    end if;
  end if;
  if to_regnamespace('cron') is null then
    raise notice 'app.sync_cron_jobs: nothing scheduled; missing: %', array_to_string(v_missing, ', ');
    return json_build_object('scheduled', v_scheduled, 'missing', v_missing, 'failed', v_failed);
  end if;

  begin
    perform cron.schedule('aptoria_prune_cron_history', '17 3 * * *',
      $job$delete from cron.job_run_details where end_time < now() - interval '7 days'$job$);
    v_scheduled := v_scheduled || 'aptoria_prune_cron_history'::text;
  exception when others then
    v_failed := v_failed || jsonb_build_object('aptoria_prune_cron_history', sqlerrm);
  end;

  -- ours that no longer exist, or cannot work yet
  perform cron.unschedule(j.jobid) from cron.job j
  where j.jobname like 'aptoria\_%' and j.jobname <> 'aptoria_prune_cron_history'
    and (cardinality(v_missing) > 0 or j.jobname not in (select 'aptoria_' || s.name from app.scheduled_jobs s));

  if cardinality(v_missing) = 0 then
    for job in select * from app.scheduled_jobs order by name loop
      begin
        perform cron.schedule('aptoria_' || job.name, app.cron_schedule(job.every_seconds),
          format('select app.scheduler_request(%L, %L::jsonb)', job.function_name, job.body::text));
        v_scheduled := v_scheduled || ('aptoria_' || job.name);
      exception when others then
        v_failed := v_failed || jsonb_build_object('aptoria_' || job.name, sqlerrm);
      end;
    end loop;
  else
    raise notice 'app.sync_cron_jobs: no job that calls a function is scheduled; missing: %', array_to_string(v_missing, ', ');
  end if;
  return json_build_object('scheduled', v_scheduled, 'missing', v_missing, 'failed', v_failed);
end
$$;

select app.sync_cron_jobs();

------------------------------------------------------------
-- Privileges
------------------------------------------------------------

-- No function of ours is executable by PUBLIC: several are SECURITY DEFINER (app.webhook_claim
-- returns every organization's endpoint URLs and secrets), and only the schema's missing USAGE
-- stood between them and anon. service_role keeps its grants (20261127000000_foundation.sql).
-- Per-schema default privileges can only add to the global ones, so the revoke for functions
-- created later is global, for the role that runs the migrations.
revoke execute on all routines in schema app from public;
alter default privileges revoke execute on routines from public;
-- what sends the scheduler secret, or schedules what does, is the database's own business
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    revoke execute on function app.scheduler_request(text, jsonb), app.sync_cron_jobs() from service_role;
  end if;
end
$$;
