-- Retention: events, deliveries, attempts and archived queue messages older than
-- app.webhook_settings.retention_days (30 by default) are deleted by the scheduled
-- `webhook-retention` function. Nothing undelivered goes: pending and held deliveries, their
-- events, and events whose messages still wait in the queue are kept whatever their age.

alter table app.webhook_settings
  add column if not exists retention_days int not null default 30 check (retention_days between 1 and 3650);

-- A delivery's event, looked up when pruning events. Written by the dispatcher's claim, not by
-- the event's writer (20261128000600_webhook_emit_costs.sql); event_id never changes, so the
-- dispatcher's updates of a delivery stay HOT.
create index if not exists webhook_deliveries_event on app.webhook_deliveries (event_id);

-- The smallest id app.new_id(p_prefix) can return at p_at. Ids are ULIDs: after the prefix,
-- ten characters of milliseconds, so ids compare as their creation times, to the millisecond.
create or replace function app.id_floor(p_prefix text, p_at timestamptz) returns text
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

-- Deletes at most p_limit of each: finished deliveries (succeeded, or failed and given up)
-- created before the retention and not attempted since, with their attempts; events created
-- before it that have no delivery left and no message in the queue; archived queue messages
-- archived before it. Answers the counts, and whether a limit was reached ("more": call again).
-- Candidates are found by key range (ids are ordered by creation time), and deleted by key
-- (`= any (array(...))`: with `in (...)` the planner hashed the candidates and scanned the table).
create or replace function app.webhook_prune(p_limit int default 5000) returns json
language plpgsql security definer set search_path = '' as $$
declare
  v_cutoff timestamptz := now() - make_interval(days => (select s.retention_days from app.webhook_settings s));
  v_deliveries int;
  v_events int;
  v_archived int;
begin
  if p_limit is null or p_limit < 1 then
    raise invalid_parameter_value using message = 'webhook_prune: p_limit must be at least 1';
  end if;

  delete from app.webhook_deliveries d
  where d.id = any (array(select o.id from app.webhook_deliveries o
                          where o.id < app.id_floor('dlv', v_cutoff)
                            and o.status in ('succeeded', 'failed')
                            and coalesce(o.last_attempt_at, o.created_at) < v_cutoff
                          order by o.id limit p_limit));
  get diagnostics v_deliveries = row_count;

  delete from app.webhook_events v
  where v.id = any (array(select o.id from app.webhook_events o
                          where o.id < app.id_floor('evt', v_cutoff)
                            and not exists (select 1 from app.webhook_deliveries d where d.event_id = o.id)
                            and not exists (select 1 from pgmq.q_webhooks q where q.message->>'event_id' = o.id)
                          order by o.id limit p_limit));
  get diagnostics v_events = row_count;

  delete from pgmq.a_webhooks a
  where a.msg_id = any (array(select o.msg_id from pgmq.a_webhooks o where o.archived_at < v_cutoff
                                order by o.archived_at limit p_limit));
  get diagnostics v_archived = row_count;

  return json_build_object('deliveries', v_deliveries, 'events', v_events, 'archived_messages', v_archived,
                           'more', greatest(v_deliveries, v_events, v_archived) = p_limit);
end
$$;

insert into app.scheduled_jobs (name, function_name, every_seconds, body) values
  ('webhook-retention', 'webhook-retention', 600, '{}')
on conflict (name) do update set function_name = excluded.function_name, every_seconds = excluded.every_seconds, body = excluded.body;

select app.sync_cron_jobs();
