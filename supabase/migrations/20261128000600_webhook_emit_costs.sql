-- What an event costs its writer, cut by how PL/pgSQL and the planner treat calls (measured with
-- pg_stat_statements.track = all on a receipt that fires rent.paid: the trigger's statement time
-- went from about 300 µs to about 170 µs).

-- to_char is stable, so these were mislabelled immutable: PostgreSQL never inlines an immutable
-- SQL function whose body is stable, and calls it through the SQL-function executor instead,
-- which parses and plans its body again in every transaction. Stable, they are inlined.
alter function app.webhook_ts(timestamptz) stable;
alter function app.iso_instant(timestamptz) stable;
alter function app.usd_text(numeric) stable;

-- Reads a table, so PL/pgSQL (docs/conventions.md): as a SQL function with an aggregate it was
-- planned again on every call.
create or replace function app.webhook_lease_tenants(p_lease_id text) returns json
language plpgsql stable as $$
begin
  return (select coalesce(json_agg(tenant_id order by tenant_id), '[]') from app.lease_tenants where lease_id = p_lease_id);
end
$$;

-- A delivery row is now written when the dispatcher first claims its message, not by the writer.
-- The writer's transaction stores the event and one pgmq message per subscribed endpoint,
-- {"delivery_id", "event_id", "endpoint_id"}, the delivery's id chosen then; app.webhook_claim
-- records the delivery (pending, or held if the endpoint is disabled by then) in its own
-- transaction. The delivery row, its two indexes and its check trigger were half of what an
-- event cost its writer. Nothing is lost on the way: the message commits with the event, and
-- the delivery with the claim that reads it. Messages without an event_id (requeued
-- deliveries: replay, redeliver, re-enable) work as before, and app.webhook_fan_out still
-- records deliveries at once for the test event.

-- Records an event of `p_kind` for the organization's subscribed endpoints, in the caller's
-- transaction (see 20261127000300_webhooks.sql for why it runs with the writer's rights). Without
-- a subscribed endpoint it writes nothing. The messages go straight into the queue's table, as
-- in 20261128000200_webhook_enqueue.sql.
create or replace function app.webhook_emit(p_organization_id text, p_kind text, p_payload json)
returns text
language plpgsql as $$
declare
  v_event text;
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
  end if;
  return v_event;
end
$$;

-- As in 20261127000300_webhooks.sql, plus the first claim of an event's message records its
-- delivery. A message whose event or endpoint is gone, or whose endpoint belongs to another
-- organization than its event, gets no delivery and is deleted as an orphan.
create or replace function app.webhook_claim(p_holder text, p_qty int, p_vt int, p_ends_at timestamptz) returns json
language plpgsql security definer set search_path = '' as $$
declare
  v_out json;
  v_orphans bigint[];
  v_held_msgs bigint[];
  v_held text[];
  v_ids bigint[];
  v_msgs jsonb[];
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

-- The views count the messages that wait in the queue without a delivery yet (normally for less
-- than a second; for as long as the dispatcher is not running) as pending.
create or replace view app.webhook_backlog as
with unclaimed as (
  select q.message->>'endpoint_id' as endpoint_id, count(*) as pending,
         count(*) filter (where q.vt <= now()) as due_now, min(q.enqueued_at) as oldest
  from pgmq.q_webhooks q
  -- never read: a message is read in the transaction that records its delivery
  where q.read_ct = 0 and q.message ? 'event_id'
  group by 1
)
select e.organization_id, e.id as endpoint_id, e.url, e.enabled,
       count(d.id) filter (where d.status = 'pending') + coalesce(min(u.pending), 0) as pending,
       count(d.id) filter (where d.status = 'pending' and d.next_attempt_at <= now()) + coalesce(min(u.due_now), 0) as due_now,
       count(d.id) filter (where d.status = 'pending' and d.attempts > 0) as retrying,
       count(d.id) filter (where d.status = 'held') as held,
       count(d.id) filter (where d.status = 'failed') as failed,
       least(min(d.created_at) filter (where d.status in ('pending', 'held')), min(u.oldest)) as oldest_undelivered_at,
       now() - least(min(d.created_at) filter (where d.status in ('pending', 'held')), min(u.oldest)) as oldest_undelivered_age
from app.webhook_endpoints e
left join app.webhook_deliveries d on d.endpoint_id = e.id and d.status <> 'succeeded'
left join unclaimed u on u.endpoint_id = e.id
group by e.organization_id, e.id, e.url, e.enabled;

create or replace view app.webhook_pipeline as
select m.queue_length, m.total_messages, m.oldest_msg_age_sec,
       now() - least((select min(created_at) from app.webhook_deliveries where status = 'pending'),
                     (select min(enqueued_at) from pgmq.q_webhooks where read_ct = 0 and message ? 'event_id')) as oldest_pending_age,
       (select count(*) from app.webhook_deliveries where status = 'held') as held,
       (select count(*) from app.webhook_endpoints where not enabled) as disabled_endpoints,
       (select count(*) from app.email_outbox where sent_at is null) as unsent_emails
from pgmq.metrics('webhooks'::text) m;

-- The thirteen event triggers (20261127000310_webhook_events.sql), unchanged but for calling
-- app.webhook_emit by assignment rather than PERFORM, for the reason above.
create or replace function app.webhook_on_payment() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  if new.status = 'paid' then
    v_event := app.webhook_emit(new.organization_id, 'rent.paid', json_build_object(
      'payment_id', new.id, 'lease_id', new.lease_id, 'amount_usd', app.usd(new.amount_cents),
      'period_label', new.period_label, 'paid_at', app.webhook_ts(coalesce(new.paid_at, now()))));
  elsif new.status = 'late' then
    v_event := app.webhook_emit(new.organization_id, 'rent.late', json_build_object(
      'payment_id', new.id, 'lease_id', new.lease_id, 'amount_usd', app.usd(new.amount_cents),
      'balance_usd', app.usd(new.amount_cents - new.paid_cents), 'period_label', new.period_label,
      'due_date', new.due_date, 'late_at', app.webhook_ts(coalesce(new.late_at, now()))));
  end if;
  return null;
end
$$;

create or replace function app.webhook_on_application() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  if tg_op = 'INSERT' then
    v_event := app.webhook_emit(new.organization_id, 'application.submitted', json_build_object(
      'application_id', new.id, 'property_id', new.property_id, 'unit_id', new.unit_id,
      'applicant_name', new.applicant_name, 'applicant_email', new.applicant_email,
      'desired_move_in', new.desired_move_in, 'submitted_at', app.webhook_ts(new.submitted_at)));
  else
    v_event := app.webhook_emit(new.organization_id, 'application.' || new.status, json_build_object(
      'application_id', new.id, 'property_id', new.property_id, 'unit_id', new.unit_id,
      'applicant_name', new.applicant_name, 'decision_reason', new.decision_reason,
      'decided_at', app.webhook_ts(coalesce(new.decided_at, now()))));
  end if;
  return null;
end
$$;

create or replace function app.webhook_on_lease() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  if new.status = 'signed' then
    v_event := app.webhook_emit(new.organization_id, 'lease.signed', json_build_object(
      'lease_id', new.id, 'unit_id', new.unit_id, 'tenant_ids', app.webhook_lease_tenants(new.id),
      'rent_usd', app.usd(new.rent_cents), 'deposit_usd', app.usd(new.deposit_cents), 'due_day', new.due_day,
      'start_date', new.start_date, 'end_date', new.end_date, 'signed_at', app.webhook_ts(coalesce(new.signed_at, now()))));
  else
    v_event := app.webhook_emit(new.organization_id, 'lease.terminated', json_build_object(
      'lease_id', new.id, 'unit_id', new.unit_id, 'tenant_ids', app.webhook_lease_tenants(new.id),
      'end_date', new.end_date, 'termination_reason', new.termination_reason,
      'terminated_at', app.webhook_ts(coalesce(new.terminated_at, now()))));
  end if;
  return null;
end
$$;

create or replace function app.webhook_on_work_order() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  if tg_op = 'INSERT' then
    v_event := app.webhook_emit(new.organization_id, 'work_order.created', json_build_object(
      'work_order_id', new.id, 'unit_id', new.unit_id, 'vendor_id', new.vendor_id, 'title', new.title,
      'priority', new.priority, 'status', new.status, 'due_date', new.due_date,
      'created_at', app.webhook_ts(new.created_at)));
  else
    v_event := app.webhook_emit(new.organization_id, 'work_order.completed', json_build_object(
      'work_order_id', new.id, 'unit_id', new.unit_id, 'vendor_id', new.vendor_id, 'title', new.title,
      'cost_usd', app.usd(new.cost_cents), 'completed_at', app.webhook_ts(coalesce(new.completed_at, now()))));
  end if;
  return null;
end
$$;

create or replace function app.webhook_on_tenant() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  if tg_op = 'INSERT' then
    v_event := app.webhook_emit(new.organization_id, 'tenant.added', json_build_object(
      'tenant_id', new.id, 'name', new.name, 'email', new.email, 'phone', new.phone,
      'added_at', app.webhook_ts(new.created_at)));
  else
    v_event := app.webhook_emit(new.organization_id, 'tenant.removed', json_build_object(
      'tenant_id', new.id, 'name', new.name, 'removed_at', app.webhook_ts(new.removed_at)));
  end if;
  return null;
end
$$;

create or replace function app.webhook_on_inspection() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  v_event := app.webhook_emit(new.organization_id, 'inspection.completed', json_build_object(
    'inspection_id', new.id, 'unit_id', new.unit_id, 'kind', new.kind, 'scheduled_for', new.scheduled_for,
    'inspector', new.inspector, 'summary', new.summary, 'findings', coalesce(new.findings, '[]')::json,
    'completed_at', app.webhook_ts(coalesce(new.completed_at, now()))));
  return null;
end
$$;

create or replace function app.webhook_on_payment_plan() returns trigger
language plpgsql as $$
declare
  v_event text;
begin
  v_event := app.webhook_emit(new.organization_id, 'payment_plan.proposed', json_build_object(
    'payment_plan_id', new.id, 'lease_id', new.lease_id, 'total_usd', app.usd(new.total_cents), 'note', new.note,
    'installments', (select coalesce(json_agg(json_build_object('seq', i.seq, 'due_date', i.due_date,
                       'amount_usd', app.usd(i.amount_cents)) order by i.seq), '[]')
                     from app.payment_plan_installments i where i.payment_plan_id = new.id),
    'proposed_at', app.webhook_ts(new.proposed_at)));
  return null;
end
$$;
