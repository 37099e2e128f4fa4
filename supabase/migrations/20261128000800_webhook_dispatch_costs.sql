-- What a delivery costs the dispatcher's Postgres.
--
-- Deliveries are looked up by key. The claim and the record join a batch (rows from unnest or
-- json_to_recordset, which the planner guesses at 100) to the deliveries table, and against a
-- table of some tens of thousands of rows the planner preferred to hash the batch and read the
-- whole table: in a 20,000-event burst, 90 to 335 delivery rows read per delivery
-- (pg_stat_user_tables.seq_tup_read), more as the table grew. `d.id = any (<the batch's ids>)`
-- gives it the key, and `enable_seqscan = off` keeps it from choosing a scan anyway: PL/pgSQL
-- keeps the plans it makes at a session's first calls, when the table may be nearly empty and a
-- scan the cheapest plan. Every table these two functions touch is read by key.
--
-- And fillfactor 70 on deliveries: room on each page for an attempt's update of its delivery,
-- so the update can be HOT (no new index entries). Tried before and left out because it raised
-- what a writer paid per event (20261128000500_webhook_record_costs.sql); since
-- 20261128000600_webhook_emit_costs.sql the writer no longer writes deliveries.
--
-- Tried and left out: writing a delivery's row once, with its first attempt's outcome, instead
-- of at the claim and again at the record. In an A/B (old and new functions alternating over
-- 20,000-event bursts in one process) it cost more Postgres CPU per delivery, 224-246 µs
-- against 137-218 µs.
alter table app.webhook_deliveries set (fillfactor = 70);

-- As in 20261128000600_webhook_emit_costs.sql, deliveries looked up by key.
create or replace function app.webhook_claim(p_holder text, p_qty int, p_vt int, p_ends_at timestamptz) returns json
language plpgsql security definer set search_path = '' set enable_seqscan = off as $$
declare
  v_out json;
  v_orphans bigint[];
  v_held_msgs bigint[];
  v_held text[];
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

  -- Separate statements: each must see what the one before it wrote (a statement's snapshot
  -- predates its own writes, and a message committed just before pgmq.read must not look like
  -- an orphan).
  select coalesce(array_agg(r.msg_id), '{}'), coalesce(array_agg(r.message), '{}')
  into v_ids, v_msgs
  from pgmq.read('webhooks'::text, p_vt::integer, p_qty::integer) r;
  if cardinality(v_ids) = 0 then
    return json_build_object('leased', true, 'messages', '[]'::json);
  end if;

  v_delivery_ids := array(select m->>'delivery_id' from unnest(v_msgs) m);

  -- first claim of an event's message: its delivery, dated when the event was (a claim retried
  -- after a crash finds it recorded)
  insert into app.webhook_deliveries (id, organization_id, endpoint_id, event_id, status, msg_id, next_attempt_at, created_at)
  select x.message->>'delivery_id', ev.organization_id, e.id, ev.id, 'pending', x.msg_id, ev.created_at, ev.created_at
  from unnest(v_ids, v_msgs) as x(msg_id, message)
  join app.webhook_events ev on ev.id = x.message->>'event_id'
  join app.webhook_endpoints e on e.organization_id = ev.organization_id and e.id = x.message->>'endpoint_id'
  where x.message ? 'event_id' and x.message->>'delivery_id' is not null
  on conflict (id) do nothing;

  with m as (
    select x.msg_id, x.message from unnest(v_ids, v_msgs) as x(msg_id, message)
  ), j as (
    select m.msg_id, d.id as delivery_id, d.attempts, d.total_attempts, e.id as endpoint_id, e.enabled, e.url,
           e.secret, e.previous_secret, e.previous_secret_expires_at, ev.id as event_id, ev.kind,
           ev.organization_id, ev.payload
    from m
    left join app.webhook_deliveries d on d.id = m.message->>'delivery_id' and d.msg_id = m.msg_id and d.status = 'pending'
                                       and d.id = any (v_delivery_ids)
    -- all three rows belong to one organization: an event never reaches another's endpoint
    left join app.webhook_endpoints e on e.organization_id = d.organization_id and e.id = d.endpoint_id
    left join app.webhook_events ev on ev.organization_id = d.organization_id and ev.id = d.event_id
  )
  select
    coalesce(json_agg(json_build_object(
      'msg_id', j.msg_id, 'delivery_id', j.delivery_id, 'endpoint_id', j.endpoint_id, 'event_id', j.event_id,
      'event', j.kind, 'organization_id', j.organization_id, 'payload', j.payload, 'url', j.url,
      'attempt', j.attempts + 1,
      -- the newest secret last: the reference's snippets read the last v1=
      'secrets', case when j.previous_secret is not null and j.previous_secret_expires_at > now()
                      then json_build_array(j.previous_secret, j.secret) else json_build_array(j.secret) end
    ) order by j.msg_id) filter (where j.event_id is not null and j.enabled), '[]'),
    array_agg(j.msg_id) filter (where j.event_id is null),
    array_agg(j.msg_id) filter (where j.event_id is not null and not j.enabled),
    array_agg(j.delivery_id) filter (where j.event_id is not null and not j.enabled)
  into v_out, v_orphans, v_held_msgs, v_held
  from j;

  if v_orphans is not null then
    perform pgmq.delete('webhooks'::text, v_orphans);
  end if;
  if v_held is not null then
    update app.webhook_deliveries set status = 'held', msg_id = null where id = any (v_held);
    perform pgmq.archive('webhooks'::text, v_held_msgs);
  end if;
  return json_build_object('leased', true, 'messages', v_out);
end
$$;

-- As in 20261127000300_webhooks.sql, deliveries looked up by key.
create or replace function app.webhook_record(p_results json) returns json
language plpgsql security definer set search_path = '' set enable_seqscan = off as $$
declare
  s app.webhook_settings;
  v_success_msgs bigint[];
  v_give_up_msgs bigint[];
  v_disabled text[];
  v_held_msgs bigint[];
  v_rows app.webhook_result[];
  r record;
begin
  perform set_config('synchronous_commit', 'off', true);
  select * into s from app.webhook_settings;

  select array_agg(row(x.msg_id, x.delivery_id, x.ok, x.status_code, x.latency_ms, left(x.error, 1000),
           left(x.response_body, 1024), x.attempted_at, x.finished_at, d.endpoint_id, d.organization_id, d.attempts + 1,
           -- a result for a message the delivery no longer waits on (a late duplicate) is kept
           -- as an attempt but changes nothing else
           d.status = 'pending' and d.msg_id = x.msg_id,
           not x.ok and d.attempts + 1 >= s.max_attempts,
           round(app.webhook_backoff_seconds(d.attempts + 1) * (0.9 + random() * 0.2))::int)::app.webhook_result
         order by x.finished_at)
  into v_rows
  from json_to_recordset(p_results) as x(msg_id bigint, delivery_id text, ok boolean, status_code int, latency_ms int,
                                          error text, response_body text, attempted_at timestamptz, finished_at timestamptz)
  join app.webhook_deliveries d on d.id = x.delivery_id
  where d.id = any (array(select given.result->>'delivery_id' from json_array_elements(p_results) as given(result)));
  if v_rows is null then
    return json_build_object('disabled', '[]'::json);
  end if;

  insert into app.webhook_attempts (delivery_id, endpoint_id, organization_id, attempt, attempted_at, succeeded,
                                    status_code, latency_ms, error, response_body)
  select delivery_id, endpoint_id, organization_id, attempt, attempted_at, ok, status_code, latency_ms, error, response_body
  from unnest(v_rows) order by finished_at;

  update app.webhook_deliveries d set
    status = case when w.ok then 'succeeded' when w.give_up then 'failed' else 'pending' end,
    msg_id = case when w.ok or w.give_up then null else d.msg_id end,
    attempts = d.attempts + 1,
    total_attempts = d.total_attempts + 1,
    last_attempt_at = w.attempted_at,
    last_status_code = w.status_code,
    last_error = w.error,
    delivered_at = case when w.ok then w.finished_at end,
    next_attempt_at = case when w.ok or w.give_up then d.next_attempt_at else now() + make_interval(secs => w.delay) end
  from unnest(v_rows) w
  where d.id = w.delivery_id and w.current
    and d.id = any (array(select c.delivery_id from unnest(v_rows) c where c.current));

  select array_agg(msg_id) filter (where ok), array_agg(msg_id) filter (where give_up)
  into v_success_msgs, v_give_up_msgs
  from unnest(v_rows) where current;
  if v_success_msgs is not null then
    perform pgmq.delete('webhooks'::text, v_success_msgs);
  end if;
  if v_give_up_msgs is not null then
    perform pgmq.archive('webhooks'::text, v_give_up_msgs);
  end if;
  for r in select msg_id, delay from unnest(v_rows) where current and not ok and not give_up loop
    perform pgmq.set_vt('webhooks'::text, r.msg_id::bigint, r.delay::integer);
  end loop;

  -- consecutive failures: after the last success of this batch, or on top of the count so far
  with per_endpoint as (
    select w.endpoint_id,
           bool_or(w.ok) as any_ok,
           count(*) filter (where not w.ok and w.finished_at > coalesce(w.last_ok, '-infinity')) as trailing,
           coalesce(bool_or(w.status_code = 410), false) as gone
    from (select *, max(finished_at) filter (where ok) over (partition by endpoint_id) as last_ok from unnest(v_rows)) w
    group by w.endpoint_id
  ), counted as (
    select e.id, e.enabled, p.gone,
           case when p.any_ok then p.trailing else e.consecutive_failures + p.trailing end as failures
    from app.webhook_endpoints e join per_endpoint p on p.endpoint_id = e.id
    for update of e
  ), updated as (
    update app.webhook_endpoints e set
      consecutive_failures = c.failures,
      enabled = e.enabled and not (c.gone or c.failures >= s.disable_after_failures),
      disabled_at = case when e.enabled and (c.gone or c.failures >= s.disable_after_failures) then now() else e.disabled_at end,
      disabled_reason = case when e.enabled and (c.gone or c.failures >= s.disable_after_failures)
                             then case when c.gone then 'gone' else 'consecutive_failures' end else e.disabled_reason end,
      updated_at = case when e.enabled and (c.gone or c.failures >= s.disable_after_failures) then now() else e.updated_at end
    from counted c
    where e.id = c.id
    returning e.id, c.enabled and not e.enabled as just_disabled
  ), disabled as (
    select id from updated where just_disabled
  )
  select array_agg(id) into v_disabled from disabled;

  if v_disabled is not null then
    with held as (
      update app.webhook_deliveries d set status = 'held', msg_id = null
      from (select id, msg_id from app.webhook_deliveries
            where endpoint_id = any (v_disabled) and status = 'pending' for update) p
      where d.id = p.id
      returning p.msg_id
    )
    select array_agg(msg_id) into v_held_msgs from held;
    if v_held_msgs is not null then
      perform pgmq.archive('webhooks'::text, v_held_msgs);
    end if;
    perform app.webhook_notify_disabled(id) from unnest(v_disabled) id;
  end if;

  return json_build_object('disabled', coalesce(to_json(v_disabled), '[]'));
end
$$;
