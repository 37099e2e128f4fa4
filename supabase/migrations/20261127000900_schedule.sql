-- The schedule: the functions that run on their own (webhook-dispatcher, email-outbox, rent-late,
-- webhook-retention) and how often.
-- Rules: app.scheduled_jobs is the one list. On hosted projects app.sync_cron_jobs turns each row
-- into a pg_cron job that calls the function through pg_net, with the project URL and service
-- role key read from Supabase Vault at run time (no secret in a migration); where pg_cron or
-- pg_net is missing it does nothing, and the Docker-free dev stack reads the table and calls the
-- same function URLs on the same schedule.

create table app.scheduled_jobs (
  name          text primary key,
  function_name text not null,
  every_seconds int  not null check (every_seconds between 1 and 86400),
  body          jsonb not null default '{}'
);

-- The pg_cron schedule for an interval: pg_cron takes '[1-59] seconds' or a cron expression.
create function app.cron_schedule(every_seconds int) returns text
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
create function app.sync_cron_jobs() returns int
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

-- rent-late runs app.mark_late_payments: a charge goes open -> late once and never back (status
-- transitions), and a concurrent run re-checks status = 'open' after waiting for the row lock, so
-- each charge emits rent.late exactly once.
insert into app.scheduled_jobs (name, function_name, every_seconds, body) values
  ('webhook-dispatcher', 'webhook-dispatcher', 1, '{}'),
  ('email-outbox', 'email-outbox', 10, '{}'),
  ('rent-late', 'rent-late', 60, '{}'),
  ('webhook-retention', 'webhook-retention', 600, '{}');

select app.sync_cron_jobs();
