-- Enqueueing an event's deliveries without pgmq.send: pgmq.send builds its INSERT with
-- format() and EXECUTE (the extension's SQL does the same), so every event paid for parsing
-- and planning it again, most of the cost of an event. The trigger path inserts into the
-- queue's own table (pgmq.q_webhooks, the table pgmq.send writes: msg_id, read_ct and
-- enqueued_at take their defaults, the message is visible at once) with a plan that is kept.
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
  return n;
end
$$;
