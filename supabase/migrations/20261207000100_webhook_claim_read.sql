-- app.webhook_claim reads the queue with a statement of its own instead of pgmq.read, whose
-- statement joins the messages it locks back to the queue table
-- (`update q ... from cte where m.msg_id = cte.msg_id`). PostgreSQL plans that join from the
-- table's statistics, and a queue's statistics are wrong by nature: analyzed or vacuumed when
-- drained, the table reads as empty (0 rows in its pages) until analyzed again, and a burst
-- committed meanwhile was read with the join as a nested loop over the whole queue for each
-- batch. Measured: 80-270 ms per batch of 100 out of 20,000, 20x slower in all (1,000
-- deliveries/s instead of 10,000), whenever a vacuum could not truncate the drained table
-- (it needs a moment with no other lock on it) so that its pages outlived its rows.
--
-- This one has no plan to get wrong: its subquery can only walk the primary key in order (vt is
-- compared with clock_timestamp(), which is volatile, so the vt index cannot serve that
-- condition, and enable_seqscan is off), and the update looks the ids it returns up by key,
-- with no join. PL/pgSQL keeps the plan. What pgmq.read does besides (newer versions also stamp last_read_at) is
-- left out; nothing here reads it. Deleting, archiving and set_vt still go through pgmq.

create or replace function app.webhook_claim(p_holder text, p_qty int, p_vt int, p_ends_at timestamptz) returns json
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
  insert into app.webhook_dispatcher_lease as l (singleton, holder, expires_at, ends_at)
  values (true, p_holder, clock_timestamp() + make_interval(secs => p_vt), p_ends_at)
  on conflict (singleton) do update set holder = excluded.holder, expires_at = excluded.expires_at, ends_at = excluded.ends_at
  where l.holder = excluded.holder or l.expires_at < clock_timestamp();
  if not found then
    return (select json_build_object('leased', false, 'ends_in_ms',
              greatest(0, extract(epoch from least(l.ends_at, l.expires_at) - clock_timestamp()) * 1000)::int)
            from app.webhook_dispatcher_lease l);
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
