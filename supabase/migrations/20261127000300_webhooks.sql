-- Webhooks: endpoints ("Settings → Developer"), events, per-endpoint deliveries carried by the
-- pgmq queue `webhooks`, every attempt, the dispatcher's lease, and the email outbox.
--
-- Flow: a trigger on a domain table calls app.webhook_emit in the writer's transaction; it
-- stores the event, one delivery per subscribed endpoint, and one pgmq message per delivery.
-- The webhook-dispatcher function claims due messages (app.webhook_claim), POSTs them, and
-- records the outcomes (app.webhook_record), which reschedules failures with backoff.
-- docs/webhooks.md is the reference for receivers and operators.

-- The event kinds endpoints may subscribe to (the public reference lists these thirteen), plus
-- webhook.test, which only the "send a test event" operation emits.
create table app.webhook_event_kinds (
  name         text primary key,
  description  text not null,
  subscribable boolean not null default true
);
insert into app.webhook_event_kinds (name, description, subscribable) values
  ('rent.paid', 'A rent charge was paid in full.', true),
  ('rent.late', 'A rent charge is still unpaid after its due date plus the organization''s grace period.', true),
  ('application.submitted', 'A rental application was submitted.', true),
  ('application.approved', 'A rental application was approved.', true),
  ('application.denied', 'A rental application was denied.', true),
  ('lease.signed', 'A lease was signed.', true),
  ('lease.terminated', 'A signed lease was terminated.', true),
  ('work_order.created', 'A work order was created.', true),
  ('work_order.completed', 'A work order was completed.', true),
  ('tenant.added', 'A tenant was added.', true),
  ('tenant.removed', 'A tenant was removed.', true),
  ('inspection.completed', 'An inspection was completed.', true),
  ('payment_plan.proposed', 'A payment plan was proposed.', true),
  ('webhook.test', 'A test event sent on request to one endpoint.', false)
on conflict (name) do nothing;

-- Knobs, one row. The retry schedule itself is app.webhook_backoff_seconds.
create table app.webhook_settings (
  singleton               boolean primary key default true check (singleton),
  -- attempts per delivery before it is given up (the first one plus 14 retries: about 48.5 h)
  max_attempts            int not null default 15 check (max_attempts between 1 and 50),
  -- consecutive failed attempts (no success in between) that disable an endpoint
  disable_after_failures  int not null default 10 check (disable_after_failures between 1 and 1000),
  -- bound on the fan-out of one event
  max_endpoints_per_org   int not null default 20 check (max_endpoints_per_org between 1 and 1000)
);
insert into app.webhook_settings default values on conflict do nothing;

create table app.webhook_endpoints (
  id                          text primary key default app.new_id('whe'),
  organization_id             text not null references app.organizations on delete cascade,
  url                         text not null check (length(url) <= 2048 and url ~ '^https?://'),
  description                 text not null default '' check (length(description) <= 500),
  -- the kinds it receives; '{*}' is every kind, including kinds added later
  events                      text[] not null default '{*}' check (cardinality(events) between 1 and 20),
  -- the HMAC key is the whole secret string (whsec_...) as UTF-8 bytes, as the reference's
  -- snippets use PMAI_WEBHOOK_SECRET. Kept here (schema app is not exposed by the Data API)
  -- because every attempt must sign with it; it leaves the database only at creation/rotation.
  secret                      text not null,
  -- after a rotation the old secret signs alongside the new one until it expires
  previous_secret             text,
  previous_secret_expires_at  timestamptz,
  enabled                     boolean not null default true,
  disabled_reason             text check (disabled_reason in ('manual', 'consecutive_failures', 'gone')),
  disabled_at                 timestamptz,
  consecutive_failures        int not null default 0,
  created_at                  timestamptz not null default now(),
  updated_at                  timestamptz not null default now(),
  unique (organization_id, id),
  check (enabled = (disabled_at is null))
);
create index webhook_endpoints_organization on app.webhook_endpoints (organization_id, id);

-- Events and deliveries are written in the writer's transaction, so they carry as few
-- indexes and foreign keys as possible: a foreign key locks its parent row (FOR KEY SHARE) in
-- every writer's transaction, and every event of an organization has the same parents. The
-- rules those keys would enforce are kept by webhook_deliveries_check and the delete triggers.
create table app.webhook_events (
  id               text primary key default app.new_id('evt'),
  organization_id  text not null,
  -- no foreign key to app.webhook_event_kinds: every concurrent writer would lock the same
  -- kind row (FOR KEY SHARE); only app.webhook_emit's callers (the triggers) write kinds
  kind             text not null check (kind ~ '^[a-z_]+\.[a-z_]+$'),
  -- json, not jsonb: keeps the documented field order (payment_id, lease_id, ...) in the body
  payload          json not null check (octet_length(payload::text) <= 65536),
  created_at       timestamptz not null default now()
);

-- One event to one endpoint.
--   pending: in the queue (msg_id), waiting for its first attempt or a retry
--   succeeded: a 2xx was received
--   failed: every attempt failed (given up after max_attempts); replay sends it again
--   held: its endpoint is disabled; sent again when the endpoint is re-enabled or replayed
create table app.webhook_deliveries (
  id               text primary key default app.new_id('dlv'),
  organization_id  text not null,
  endpoint_id      text not null,
  event_id         text not null,
  status           text not null default 'pending' check (status in ('pending', 'succeeded', 'failed', 'held')),
  msg_id           bigint,
  -- attempts since the delivery was created, replayed or redelivered: the backoff position
  attempts         int not null default 0,
  total_attempts   int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_attempt_at  timestamptz,
  last_status_code int,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz not null default now(),
  check ((status = 'pending') = (msg_id is not null))
);
-- the only index besides the key: status and attempts are not indexed, so the dispatcher's
-- updates are HOT updates
create index webhook_deliveries_endpoint on app.webhook_deliveries (endpoint_id, id);

-- A delivery's endpoint exists and belongs to the delivery's organization (so an event can
-- never be pointed at another organization's endpoint, whoever writes the row).
create or replace function app.webhook_deliveries_check() returns trigger
language plpgsql as $$
begin
  if not exists (select 1 from app.webhook_endpoints e where e.id = new.endpoint_id and e.organization_id = new.organization_id)
     or not exists (select 1 from app.webhook_events v where v.id = new.event_id and v.organization_id = new.organization_id) then
    raise foreign_key_violation using message = 'webhook delivery: no such endpoint or event in this organization (foreign key)';
  end if;
  return new;
end
$$;
create trigger webhook_deliveries_check before insert or update of organization_id, endpoint_id, event_id on app.webhook_deliveries
for each row execute function app.webhook_deliveries_check();

-- Deleting an endpoint (through the API, SQL or its organization) deletes its deliveries, and
-- the events of an organization that no longer exists.
create or replace function app.webhook_endpoints_deleted() returns trigger
language plpgsql as $$
begin
  delete from app.webhook_deliveries d using old_rows o where d.endpoint_id = o.id;
  delete from app.webhook_events v
  where v.organization_id in (select o.organization_id from old_rows o)
    and not exists (select 1 from app.organizations g where g.id = v.organization_id);
  return null;
end
$$;
create trigger webhook_endpoints_deleted after delete on app.webhook_endpoints
referencing old table as old_rows
for each statement execute function app.webhook_endpoints_deleted();

create table app.webhook_attempts (
  id               bigint generated always as identity primary key,
  delivery_id      text not null references app.webhook_deliveries on delete cascade,
  endpoint_id      text not null,
  organization_id  text not null,
  attempt          int not null,
  attempted_at     timestamptz not null,
  succeeded        boolean not null,
  status_code      int,
  latency_ms       int not null,
  error            text,
  -- the first kilobyte of the response body
  response_body    text
);
create index webhook_attempts_delivery on app.webhook_attempts (delivery_id, id);
create index webhook_attempts_time on app.webhook_attempts (attempted_at);

-- One dispatcher drains at a time: pg_net fires the schedule without waiting for the previous
-- call. A lease with an expiry, not an advisory lock, because hosted projects may reach the
-- database through a transaction-mode pooler, and a killed dispatcher must not hold it forever.
create table app.webhook_dispatcher_lease (
  singleton   boolean primary key default true check (singleton),
  holder      text not null,
  expires_at  timestamptz not null,
  -- when the holder's run plans to stop: the next scheduled run waits for it rather than
  -- leaving a gap until the tick after
  ends_at     timestamptz not null
);

-- Transactional outbox: an email is queued in the same transaction as the change it reports
-- and sent by the email-outbox function (SMTP), retried until it goes.
create table app.email_outbox (
  id               text primary key default app.new_id('eml'),
  organization_id  text references app.organizations on delete cascade,
  to_address       text not null check (to_address ~ '^[^@\s]+@[^@\s]+$'),
  subject          text not null check (length(subject) <= 300),
  body             text not null,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz,
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  locked_until     timestamptz,
  last_error       text
);
create index email_outbox_due on app.email_outbox (next_attempt_at) where sent_at is null;

select pgmq.create('webhooks'::text);

------------------------------------------------------------
-- Emitting
------------------------------------------------------------

-- Records an event of `p_kind` for the organization's subscribed endpoints, in the caller's
-- transaction: a rolled-back change emits nothing. Without a subscribed endpoint it writes
-- nothing at all. It runs with the writer's rights, not as security definer: a role that can
-- write the domain tables in the private `app` schema can write the webhook tables too (see the
-- grants below), and a function-level SET search_path, which a security definer function needs,
-- costs about 0.7 ms per event here (measured: it doubled the cost of recording a payment).
-- Every name inside is schema-qualified.
create or replace function app.webhook_emit(p_organization_id text, p_kind text, p_payload json)
returns text
language plpgsql as $$
declare
  v_event text;
begin
  if not exists (select 1 from app.webhook_endpoints e
                 where e.organization_id = p_organization_id and (p_kind = any (e.events) or '*' = any (e.events))) then
    return null;
  end if;
  insert into app.webhook_events (organization_id, kind, payload)
  values (p_organization_id, p_kind, p_payload) returning id into v_event;
  perform app.webhook_fan_out(p_organization_id, v_event, p_kind, null);
  return v_event;
end
$$;

-- One delivery per target endpoint (all subscribed ones, or just `p_endpoint_id`); each
-- delivery to an enabled endpoint gets its pgmq message, one to a disabled endpoint is held.
create or replace function app.webhook_fan_out(p_organization_id text, p_event_id text, p_kind text, p_endpoint_id text)
returns int
-- plpgsql, not sql: its statements' plans are cached across calls (a trigger calls this per row);
-- writer's rights, as app.webhook_emit
language plpgsql as $$
declare
  n int;
begin
  insert into app.webhook_deliveries (id, organization_id, endpoint_id, event_id, status, msg_id)
  select t.id, p_organization_id, t.endpoint_id, p_event_id,
         case when t.enabled then 'pending' else 'held' end,
         case when t.enabled then (select pgmq.send('webhooks'::text,
           jsonb_build_object('delivery_id', t.id, 'endpoint_id', t.endpoint_id), 0::integer)) end
  from (select app.new_id('dlv') as id, e.id as endpoint_id, e.enabled
        from app.webhook_endpoints e
        where e.organization_id = p_organization_id
          and (case when p_endpoint_id is null then p_kind = any (e.events) or '*' = any (e.events)
                    else e.id = p_endpoint_id end)) t;
  get diagnostics n = row_count;
  return n;
end
$$;

-- Puts deliveries back in the queue (replay, re-enable, redeliver): due now, backoff restarted.
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
  return n;
end
$$;

------------------------------------------------------------
-- The retry schedule
------------------------------------------------------------

-- Nominal wait after the n-th failed attempt of a delivery: 1 minute doubled each time, at
-- most 8 hours: 1m 2m 4m 8m 16m 32m 64m 128m 256m 8h 8h 8h 8h 8h. With 15 attempts the last
-- one comes about 48.5 hours after the first. The dispatcher applies ±10% jitter.
create or replace function app.webhook_backoff_seconds(n int) returns int
language sql immutable parallel safe as $$
  select least(60 * power(2, greatest(n, 1) - 1), 28800)::int
$$;

------------------------------------------------------------
-- The dispatcher's two calls per batch
------------------------------------------------------------

-- Takes (or renews) the dispatcher lease for `p_holder`, then claims up to `p_qty` due
-- messages for `p_vt` seconds and returns what each attempt needs. Messages whose delivery is
-- gone or no longer pending are deleted; deliveries to disabled endpoints are held.
-- {"leased": false, "ends_in_ms": n} when another dispatcher holds the lease.
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

  -- Two statements, not one: the join below must run on a snapshot taken after pgmq.read's.
  -- A message and its delivery commit together, but a single statement's snapshot predates
  -- the read inside it, so a message committed in between would look like an orphan.
  select coalesce(array_agg(r.msg_id), '{}'), coalesce(array_agg(r.message), '{}')
  into v_ids, v_msgs
  from pgmq.read('webhooks'::text, p_vt::integer, p_qty::integer) r;
  if cardinality(v_ids) = 0 then
    return json_build_object('leased', true, 'messages', '[]'::json);
  end if;

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

create type app.webhook_result as (
  msg_id bigint, delivery_id text, ok boolean, status_code int, latency_ms int, error text, response_body text,
  attempted_at timestamptz, finished_at timestamptz, endpoint_id text, organization_id text, attempt int,
  current boolean, give_up boolean, delay int
);

-- Records a batch of attempts: [{msg_id, delivery_id, ok, status_code, latency_ms, error,
-- response_body, attempted_at, finished_at}]. Successes leave the queue; failures come back
-- after the backoff (with jitter) or, after max_attempts, are given up (archived). Per endpoint,
-- the consecutive-failure count follows the attempts in the order they finished; an endpoint
-- reaching the threshold, or answering 410 Gone, is disabled, its pending deliveries are held,
-- and its owner gets an email through the outbox. Returns {"disabled": [endpoint ids]}.
create or replace function app.webhook_record(p_results json) returns json
language plpgsql security definer set search_path = '' as $$
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
  join app.webhook_deliveries d on d.id = x.delivery_id;
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
  where d.id = w.delivery_id and w.current;

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

-- Queues the email to the organization's owner about a disabled endpoint.
create or replace function app.webhook_notify_disabled(p_endpoint_id text) returns void
language sql security definer set search_path = '' as $$
  insert into app.email_outbox (organization_id, to_address, subject, body)
  select e.organization_id, m.email,
    'Aptoria: webhook endpoint disabled (' || left(e.url, 200) || ')',
    format(E'Hello %s,\n\n'
      'Aptoria disabled the webhook endpoint %s of %s\n'
      '  URL: %s\n'
      '  Why: %s\n'
      '  Last response: %s\n\n'
      'Events for this endpoint are kept, not dropped. Once the receiver works again, re-enable the\n'
      'endpoint (POST /api/webhook-endpoints/%s/enable, or Settings -> Developer) and the kept\n'
      'deliveries are sent.\n\n'
      '-- Aptoria\n',
      coalesce(m.name, m.email), e.id, o.name, e.url,
      case e.disabled_reason when 'gone' then 'it answered 410 Gone'
           else e.consecutive_failures || ' consecutive failed deliveries' end,
      coalesce((select coalesce('HTTP ' || a.status_code, a.error) from app.webhook_attempts a
                where a.endpoint_id = e.id order by a.id desc limit 1), 'none'),
      e.id)
  from app.webhook_endpoints e
  join app.organizations o on o.id = e.organization_id
  join app.members m on m.organization_id = e.organization_id and m.role = 'owner'
  where e.id = p_endpoint_id
$$;

-- Frees the lease at the end of a run, so the next scheduled call starts at once.
create or replace function app.webhook_release(p_holder text) returns void
language sql security definer set search_path = '' as $$
  delete from app.webhook_dispatcher_lease where holder = p_holder
$$;

------------------------------------------------------------
-- The endpoints registry (the webhook-endpoints function)
------------------------------------------------------------

create or replace function app.webhook_new_secret() returns text
language sql volatile as $$
  select 'whsec_' || rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=')
$$;

create or replace function app.webhook_endpoint_json(e app.webhook_endpoints) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', e.id, 'url', e.url, 'description', e.description, 'events', to_jsonb(e.events),
    'status', case when e.enabled then 'enabled' else 'disabled' end,
    'disabled_reason', e.disabled_reason, 'disabled_at', e.disabled_at,
    'consecutive_failures', e.consecutive_failures,
    'previous_secret_expires_at', case when e.previous_secret_expires_at > now() then e.previous_secret_expires_at end,
    'created_at', e.created_at, 'updated_at', e.updated_at)
$$;

create or replace function app.webhook_check_events(p_events text[]) returns void
language plpgsql stable as $$
declare
  unknown text[] := array(select x from unnest(p_events) x
                          where x <> '*' and not exists (select 1 from app.webhook_event_kinds k where k.name = x and k.subscribable)
                          order by x);
begin
  if cardinality(unknown) > 0 then
    perform app.fail('AP400', 'Unknown event kind' || case when cardinality(unknown) > 1 then 's' else '' end
      || ': ' || array_to_string(unknown, ', ') || '.');
  end if;
end
$$;

-- `p_url` has passed the SSRF checks in the function (they need DNS).
create or replace function app.webhook_endpoint_create(p_organization_id text, p_url text, p_events text[], p_description text)
returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
begin
  perform app.webhook_check_events(p_events);
  -- serialises creations per organization so the limit holds under concurrency
  perform 1 from app.organizations where id = p_organization_id for update;
  if (select count(*) from app.webhook_endpoints where organization_id = p_organization_id)
     >= (select max_endpoints_per_org from app.webhook_settings) then
    perform app.fail('AP409', format('An organization can have at most %s webhook endpoints; delete one first.',
      (select max_endpoints_per_org from app.webhook_settings)));
  end if;
  insert into app.webhook_endpoints (organization_id, url, events, description, secret)
  values (p_organization_id, p_url,
          case when '*' = any (p_events) then '{*}' else array(select distinct x from unnest(p_events) x order by x) end,
          coalesce(p_description, ''), app.webhook_new_secret())
  returning * into e;
  return app.webhook_endpoint_json(e) || jsonb_build_object('secret', e.secret);
end
$$;

create or replace function app.webhook_endpoint_update(p_organization_id text, p_id text, p_url text, p_events text[], p_description text)
returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
begin
  if p_events is not null then
    perform app.webhook_check_events(p_events);
  end if;
  update app.webhook_endpoints set
    url = coalesce(p_url, url),
    events = case when p_events is null then events when '*' = any (p_events) then '{*}'
                  else array(select distinct x from unnest(p_events) x order by x) end,
    description = coalesce(p_description, description),
    updated_at = now()
  where organization_id = p_organization_id and id = p_id
  returning * into e;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  return app.webhook_endpoint_json(e);
end
$$;

-- Enabling resets the failure count and sends every held delivery.
create or replace function app.webhook_endpoint_set_enabled(p_organization_id text, p_id text, p_enabled boolean)
returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
begin
  select * into e from app.webhook_endpoints where organization_id = p_organization_id and id = p_id for update;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  if p_enabled and not e.enabled then
    update app.webhook_endpoints set enabled = true, disabled_at = null, disabled_reason = null,
      consecutive_failures = 0, updated_at = now()
    where id = p_id returning * into e;
    perform app.webhook_requeue(array(select id from app.webhook_deliveries where endpoint_id = p_id and status = 'held'));
  elsif not p_enabled and e.enabled then
    update app.webhook_endpoints set enabled = false, disabled_at = now(), disabled_reason = 'manual', updated_at = now()
    where id = p_id returning * into e;
  end if;
  return app.webhook_endpoint_json(e);
end
$$;

-- The old secret keeps signing for 24 hours next to the new one.
create or replace function app.webhook_endpoint_rotate(p_organization_id text, p_id text) returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
begin
  update app.webhook_endpoints set
    previous_secret = secret, previous_secret_expires_at = now() + interval '24 hours',
    secret = app.webhook_new_secret(), updated_at = now()
  where organization_id = p_organization_id and id = p_id
  returning * into e;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  return app.webhook_endpoint_json(e) || jsonb_build_object('secret', e.secret);
end
$$;

create or replace function app.webhook_endpoint_delete(p_organization_id text, p_id text) returns jsonb
language plpgsql as $$
begin
  -- messages of its pending deliveries become orphans, which the dispatcher deletes
  delete from app.webhook_endpoints where organization_id = p_organization_id and id = p_id;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  return jsonb_build_object('id', p_id, 'deleted', true);
end
$$;

create or replace function app.webhook_delivery_json(d app.webhook_deliveries, p_attempt_limit int) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', d.id, 'endpoint_id', d.endpoint_id, 'event_id', d.event_id,
    'event', (select kind from app.webhook_events ev where ev.id = d.event_id),
    'status', d.status, 'attempt_count', d.total_attempts, 'next_attempt_at', case when d.status = 'pending' then d.next_attempt_at end,
    'last_attempt_at', d.last_attempt_at, 'last_status_code', d.last_status_code, 'last_error', d.last_error,
    'delivered_at', d.delivered_at, 'created_at', d.created_at,
    'attempts', coalesce((select jsonb_agg(jsonb_build_object(
        'attempt', a.attempt, 'attempted_at', a.attempted_at, 'succeeded', a.succeeded, 'status_code', a.status_code,
        'latency_ms', a.latency_ms, 'error', a.error, 'response_body', a.response_body) order by a.id desc)
      from (select * from app.webhook_attempts a where a.delivery_id = d.id order by a.id desc limit p_attempt_limit) a), '[]'))
$$;

create or replace function app.webhook_send_test(p_organization_id text, p_id text) returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
  v_event text;
begin
  select * into e from app.webhook_endpoints where organization_id = p_organization_id and id = p_id;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  if not e.enabled then
    perform app.fail('AP409', 'This endpoint is disabled; enable it first.');
  end if;
  insert into app.webhook_events (organization_id, kind, payload)
  values (p_organization_id, 'webhook.test', json_build_object('endpoint_id', e.id,
          'message', 'A test event from Aptoria. Verify its X-PMAI-Signature as you would any event.'))
  returning id into v_event;
  perform app.webhook_fan_out(p_organization_id, v_event, 'webhook.test', e.id);
  return (select app.webhook_delivery_json(d, 20) from app.webhook_deliveries d where d.event_id = v_event and d.endpoint_id = e.id);
end
$$;

create or replace function app.webhook_redeliver(p_organization_id text, p_endpoint_id text, p_delivery_id text) returns jsonb
language plpgsql as $$
begin
  if not exists (select 1 from app.webhook_deliveries
                 where organization_id = p_organization_id and endpoint_id = p_endpoint_id and id = p_delivery_id) then
    perform app.fail('AP404', 'Delivery not found.');
  end if;
  if not (select enabled from app.webhook_endpoints where id = p_endpoint_id) then
    perform app.fail('AP409', 'This endpoint is disabled; enable it first (that also sends its held deliveries).');
  end if;
  perform app.webhook_requeue(array[p_delivery_id]);
  return (select app.webhook_delivery_json(d, 20) from app.webhook_deliveries d where d.id = p_delivery_id);
end
$$;

-- Every delivery since `p_since` that has not succeeded: failed and held ones are queued
-- again, pending ones (waiting for a retry) become due now.
create or replace function app.webhook_replay(p_organization_id text, p_endpoint_id text, p_since timestamptz) returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
  v_ids text[];
begin
  select * into e from app.webhook_endpoints where organization_id = p_organization_id and id = p_endpoint_id for update;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  if not e.enabled then
    perform app.fail('AP409', 'This endpoint is disabled; enable it first (that also sends its held deliveries).');
  end if;
  v_ids := array(select id from app.webhook_deliveries
                 where endpoint_id = p_endpoint_id and created_at >= p_since and status <> 'succeeded' order by id);
  perform app.webhook_requeue(v_ids);
  return jsonb_build_object('endpoint_id', p_endpoint_id, 'since', p_since, 'replayed', cardinality(v_ids));
end
$$;

------------------------------------------------------------
-- Email outbox
------------------------------------------------------------

-- Claims up to `p_qty` due emails for 2 minutes (a crashed sender's claim lapses).
create or replace function app.email_outbox_claim(p_qty int) returns setof app.email_outbox
language sql security definer set search_path = '' as $$
  update app.email_outbox o set locked_until = now() + interval '2 minutes', attempts = o.attempts + 1
  from (select id from app.email_outbox
        where sent_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by next_attempt_at limit p_qty for update skip locked) due
  where o.id = due.id
  returning o.*
$$;

-- Marks an email sent, or schedules another try (1 min doubling, at most 1 hour).
create or replace function app.email_outbox_result(p_id text, p_error text) returns void
language sql security definer set search_path = '' as $$
  update app.email_outbox set
    sent_at = case when p_error is null then now() end,
    last_error = left(p_error, 1000),
    locked_until = null,
    next_attempt_at = case when p_error is null then next_attempt_at
                           else now() + make_interval(secs => least(60 * power(2, attempts - 1), 3600)) end
  where id = p_id
$$;

------------------------------------------------------------
-- Views for SQL-savvy teams (see docs/webhooks.md)
------------------------------------------------------------

-- Per endpoint: what is waiting and how old the oldest undelivered delivery is.
create or replace view app.webhook_backlog as
select e.organization_id, e.id as endpoint_id, e.url, e.enabled,
       count(d.id) filter (where d.status = 'pending') as pending,
       count(d.id) filter (where d.status = 'pending' and d.next_attempt_at <= now()) as due_now,
       count(d.id) filter (where d.status = 'pending' and d.attempts > 0) as retrying,
       count(d.id) filter (where d.status = 'held') as held,
       count(d.id) filter (where d.status = 'failed') as failed,
       min(d.created_at) filter (where d.status in ('pending', 'held')) as oldest_undelivered_at,
       now() - min(d.created_at) filter (where d.status in ('pending', 'held')) as oldest_undelivered_age
from app.webhook_endpoints e
left join app.webhook_deliveries d on d.endpoint_id = e.id and d.status <> 'succeeded'
group by e.organization_id, e.id, e.url, e.enabled;

-- Per endpoint: attempts in the last hour and the share that failed.
create or replace view app.webhook_attempts_last_hour as
select a.organization_id, a.endpoint_id,
       count(*) as attempts,
       count(*) filter (where not a.succeeded) as failures,
       round(count(*) filter (where not a.succeeded)::numeric / count(*), 4) as failure_rate,
       percentile_cont(0.5) within group (order by a.latency_ms) as p50_latency_ms,
       percentile_cont(0.99) within group (order by a.latency_ms) as p99_latency_ms,
       max(a.attempted_at) as last_attempt_at
from app.webhook_attempts a
where a.attempted_at > now() - interval '1 hour'
group by a.organization_id, a.endpoint_id;

create or replace view app.webhook_disabled_endpoints as
select e.organization_id, e.id as endpoint_id, e.url, e.disabled_reason, e.disabled_at, e.consecutive_failures,
       (select count(*) from app.webhook_deliveries d where d.endpoint_id = e.id and d.status = 'held') as held_deliveries
from app.webhook_endpoints e
where not e.enabled;

-- The whole pipeline in one row: the queue as pgmq sees it and the oldest undelivered age.
create or replace view app.webhook_pipeline as
select m.queue_length, m.total_messages, m.oldest_msg_age_sec,
       (select now() - min(created_at) from app.webhook_deliveries where status = 'pending') as oldest_pending_age,
       (select count(*) from app.webhook_deliveries where status = 'held') as held,
       (select count(*) from app.webhook_endpoints where not enabled) as disabled_endpoints,
       (select count(*) from app.email_outbox where sent_at is null) as unsent_emails
from pgmq.metrics('webhooks'::text) m;

------------------------------------------------------------
-- Schedules
------------------------------------------------------------

insert into app.scheduled_jobs (name, function_name, every_seconds, body) values
  ('webhook-dispatcher', 'webhook-dispatcher', 1, '{}'),
  ('email-outbox', 'email-outbox', 10, '{}')
on conflict (name) do update set function_name = excluded.function_name, every_seconds = excluded.every_seconds, body = excluded.body;

select app.sync_cron_jobs();

-- Whoever writes the domain tables emits events in the same transaction, so the API role
-- (service_role on hosted projects) needs the queue as well as the app schema.
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    grant usage on schema pgmq to service_role;
    grant select, insert, update, delete on all tables in schema pgmq to service_role;
    grant usage, select on all sequences in schema pgmq to service_role;
    grant execute on all functions in schema pgmq to service_role;
  end if;
end
$$;
