-- The schedule: the functions that run on their own (webhook-dispatcher, email-outbox, rent-late,
-- webhook-retention), how often, and how the database asks for a call of one.
-- Rules: app.scheduled_jobs is the one list, and no job runs more often than once a minute
-- (pg_cron 1.4, Debian's, has no second schedules; the dispatcher is woken when there is work,
-- so its job is a safety net). On hosted projects app.sync_cron_jobs turns each row into a
-- pg_cron job that asks for the call through pg_net (app.scheduler_request) with the project URL
-- and the scheduler secret read from Supabase Vault at run time (no secret in a migration, no key
-- that bypasses RLS in pg_net's queue); the jobs exist only once both secrets do. Without pg_net
-- (the Docker-free dev stack) a request is a NOTIFY, and the stack reads the table and calls the
-- same function URLs on the same schedule. Only the database itself may ask for a call.

create table app.scheduled_jobs (
  name          text primary key,
  function_name text not null,
  every_seconds int  not null check (every_seconds between 60 and 86400),
  body          jsonb not null default '{}'
);

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
create function app.scheduler_request(p_function text, p_body jsonb default '{}') returns text
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

-- The pg_cron schedule for an interval of whole minutes (pg_cron's seconds need 1.5+).
create function app.cron_schedule(every_seconds int) returns text
language sql immutable as $$
  select case
    when every_seconds < 3600 then '*/' || greatest(every_seconds / 60, 1) || ' * * * *'
    when every_seconds < 86400 then '0 */' || (every_seconds / 3600) || ' * * *'
    else '0 0 * * *'
  end
$$;

-- (Re)creates the pg_cron jobs: one per app.scheduled_jobs row (app.scheduler_request: pg_net
-- with the Vault secrets project_url and scheduler_secret), and one that prunes pg_cron's own
-- history (cron.job_run_details, which pg_cron never prunes) to its last 7 days.
-- Jobs that call functions are created only when pg_cron, pg_net and both secrets exist;
-- otherwise ours are removed (they would fail on every tick) and the answer says what is
-- missing. It never raises: a schedule pg_cron refuses is reported in "failed", so no
-- migration fails over a schedule.
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

-- what sends the scheduler secret, or schedules what does, is the database's own business
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    revoke execute on function app.scheduler_request(text, jsonb), app.sync_cron_jobs() from service_role;
  end if;
end
$$;

-- rent-late runs app.mark_late_payments: a charge goes open -> late once and never back (status
-- transitions), and a concurrent run re-checks status = 'open' after waiting for the row lock, so
-- each charge emits rent.late exactly once. The dispatcher's safety-net run returns as soon as
-- nothing is due (until_idle).
insert into app.scheduled_jobs (name, function_name, every_seconds, body) values
  ('webhook-dispatcher', 'webhook-dispatcher', 60, '{"until_idle": true}'),
  ('email-outbox', 'email-outbox', 60, '{}'),
  ('rent-late', 'rent-late', 60, '{}'),
  ('webhook-retention', 'webhook-retention', 600, '{}'),
  ('request-log-retention', 'request-log-retention', 3600, '{}');

select app.sync_cron_jobs();
