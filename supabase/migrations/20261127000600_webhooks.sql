-- Webhooks: endpoints ("Settings → Developer"), the event kinds, events, deliveries, attempts,
-- the pgmq queue `webhooks`, the thirteen event triggers, and the endpoints registry behind the
-- webhook-endpoints function. The dispatcher's side is 20261127000700_webhook_pipeline.sql;
-- docs/webhooks.md is the reference for receivers and operators.
-- Rules: an event is emitted by a trigger on the table whose change it reports, in the writer's
-- transaction, whoever the writer is: a rolled-back change emits nothing, a committed one always
-- has its event. The writer stores the event and one queue message per subscribed endpoint
-- ({"delivery_id", "event_id", "endpoint_id"}); the delivery's row is written when its first
-- attempt is recorded (why: docs/decisions/0008-delivery-row-at-first-attempt.md). An event only
-- ever reaches endpoints of its own organization.

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
  ('webhook.test', 'A test event sent on request to one endpoint.', false);

-- Knobs, one row. The retry schedule itself is app.webhook_backoff_seconds.
create table app.webhook_settings (
  singleton               boolean primary key default true check (singleton),
  -- attempts per delivery before it is given up (the first one plus 14 retries: about 48.5 h)
  max_attempts            int not null default 15 check (max_attempts between 1 and 50),
  -- consecutive failed probes (no success in between) that disable an endpoint: under traffic as
  -- for a lone event, about 8.5 hours of failing (app.webhook_record's circuit breaker)
  disable_after_failures  int not null default 10 check (disable_after_failures between 1 and 1000),
  -- attempts in flight per endpoint (its lane): a slow receiver holds no more than this
  endpoint_concurrency    int not null default 16 check (endpoint_concurrency between 1 and 512),
  -- the retry schedule's unit: 60000 ms makes it 1 min, 2 min, 4 min ...; tests shorten it so a
  -- whole disable-and-recover cycle takes seconds
  backoff_unit_ms         int not null default 60000 check (backoff_unit_ms between 1 and 60000),
  -- bound on the fan-out of one event
  max_endpoints_per_org   int not null default 20 check (max_endpoints_per_org between 1 and 1000),
  -- days webhook history is kept (app.webhook_prune)
  retention_days          int not null default 30 check (retention_days between 1 and 3650)
);
insert into app.webhook_settings default values;

create table app.webhook_endpoints (
  id                          text primary key default app.new_id('whe'),
  organization_id             text not null references app.organizations on delete cascade,
  url                         text not null check (length(url) <= 2048 and url ~ '^https?://'),
  description                 text not null default '' check (length(description) <= 500),
  -- the kinds it receives; '{*}' is every kind, including kinds added later
  events                      text[] not null default '{*}' check (cardinality(events) between 1 and 20),
  -- The signing secret (whsec_..., the HMAC key as UTF-8 bytes, as the reference's snippets use
  -- PMAI_WEBHOOK_SECRET), sealed: AES-256-GCM (nonce, ciphertext, tag) under the key
  -- secret_key_id names, a key the functions hold (WEBHOOK_SECRET_KEYS) and the database never
  -- does. Only the functions seal and open it (_shared/webhooks/secrets.ts); the plaintext
  -- never reaches the database (why: docs/decisions/0012-webhook-secrets-at-rest.md).
  secret_sealed               bytea not null,
  secret_key_id               text not null,
  -- after a rotation the old secret signs alongside the new one until it expires, and is
  -- cleared within 10 minutes after that (app.webhook_clear_expired_secrets)
  previous_secret_sealed      bytea,
  previous_secret_key_id      text,
  previous_secret_expires_at  timestamptz,
  enabled                     boolean not null default true,
  disabled_reason             text check (disabled_reason in ('manual', 'consecutive_failures', 'gone')),
  disabled_at                 timestamptz,
  consecutive_failures        int not null default 0,
  -- its circuit: null while closed; when its last attempts failed, the time of its next probe,
  -- until which its new deliveries wait (app.webhook_claim parks them)
  next_probe_at               timestamptz,
  created_at                  timestamptz not null default now(),
  updated_at                  timestamptz not null default now(),
  unique (organization_id, id),
  check (enabled = (disabled_at is null)),
  check ((previous_secret_sealed is null) = (previous_secret_key_id is null)
         and (previous_secret_sealed is null) = (previous_secret_expires_at is null))
);
create index webhook_endpoints_organization on app.webhook_endpoints (organization_id, id);
-- the rotations whose overlap ends, for app.webhook_clear_expired_secrets
create index webhook_endpoints_previous_secret on app.webhook_endpoints (previous_secret_expires_at)
  where previous_secret_expires_at is not null;
-- the open circuits, looked at by every claim for a probe that is due
create index webhook_endpoints_probe on app.webhook_endpoints (next_probe_at) where next_probe_at is not null;

-- Events are written in the writer's transaction and deliveries by the dispatcher a batch at a
-- time, so both carry as few indexes and foreign keys as possible: a foreign key locks its
-- parent row (FOR KEY SHARE) in every writer's transaction, and every event of an organization
-- has the same parents. The rules those keys would enforce are kept by the
-- webhook_deliveries_check triggers and the delete trigger below.
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

-- One event to one endpoint, from its first recorded attempt on.
--   pending: in the queue (msg_id), waiting for a retry (before its first attempt is recorded a
--            delivery has no row: it is its queue message)
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
  -- every attempt since the delivery was created: the last attempt's number (X-PMAI-Attempt)
  total_attempts   int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_attempt_at  timestamptz,
  last_status_code int,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz not null default now(),
  check ((status = 'pending') = (msg_id is not null))
) with (fillfactor = 70);
-- Status and attempts are not indexed, and fillfactor 70 leaves room on each page, so the
-- dispatcher's updates of a delivery are HOT updates (no new index entries); event_id never changes.
create index webhook_deliveries_endpoint on app.webhook_deliveries (endpoint_id, id);
-- a delivery's event, looked up when pruning events
create index webhook_deliveries_event on app.webhook_deliveries (event_id);

-- A delivery's endpoint exists and belongs to the delivery's organization (so an event can
-- never be pointed at another organization's endpoint, whoever writes the row).
create function app.webhook_deliveries_check() returns trigger
language plpgsql as $$
begin
  if not exists (select 1 from app.webhook_endpoints e where e.id = new.endpoint_id and e.organization_id = new.organization_id)
     or not exists (select 1 from app.webhook_events v where v.id = new.event_id and v.organization_id = new.organization_id) then
    raise foreign_key_violation using message = 'webhook delivery: no such endpoint or event in this organization (foreign key)';
  end if;
  return new;
end
$$;
create trigger webhook_deliveries_check before update of organization_id, endpoint_id, event_id on app.webhook_deliveries
for each row execute function app.webhook_deliveries_check();

-- The same rule, checked once per inserting statement over all its rows: the dispatcher inserts
-- a batch of deliveries at a time. Updates keep the row trigger above (a trigger with a transition
-- table cannot name columns).
create function app.webhook_deliveries_check_inserted() returns trigger
language plpgsql as $$
begin
  if exists (select 1 from inserted n
             where not exists (select 1 from app.webhook_endpoints e where e.id = n.endpoint_id and e.organization_id = n.organization_id)
                or not exists (select 1 from app.webhook_events v where v.id = n.event_id and v.organization_id = n.organization_id)) then
    raise foreign_key_violation using message = 'webhook delivery: no such endpoint or event in this organization (foreign key)';
  end if;
  return null;
end
$$;
create trigger webhook_deliveries_check_inserted after insert on app.webhook_deliveries
referencing new table as inserted
for each statement execute function app.webhook_deliveries_check_inserted();

-- Deleting an endpoint (through the API, SQL or its organization) deletes its deliveries, and
-- the events of an organization that no longer exists.
create function app.webhook_endpoints_deleted() returns trigger
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
  -- 1, 2, 3 ... per delivery, never restarting on redeliver or replay
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
-- attempts are appended in time order, so a BRIN index finds the last hour's at a fraction of
-- a B-tree's cost per inserted row
create index webhook_attempts_time on app.webhook_attempts using brin (attempted_at);

select pgmq.create('webhooks'::text);

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

------------------------------------------------------------
-- Emitting
------------------------------------------------------------

-- The writers' lock, an advisory lock key: every writer that enqueues holds it shared until it
-- commits, so that a dispatcher run's end (app.webhook_release) can tell a writer still open that
-- counted on that run. Transaction-scoped, which a transaction-mode pooler keeps. An immutable SQL
-- function, inlined as its constant.
create function app.webhook_writers_lock() returns bigint
language sql immutable parallel safe as $$
  select 7261127000700::bigint
$$;

-- Records an event of `p_kind` for the organization's subscribed endpoints, in the caller's
-- transaction: the event, and one message per subscribed endpoint straight into the queue's
-- table (pgmq.q_webhooks, the table pgmq.send writes: msg_id, read_ct and enqueued_at take their
-- defaults, the message is visible at once) with a plan PL/pgSQL keeps; pgmq.send builds its
-- INSERT with format() and EXECUTE, planned again for every event. Without a subscribed endpoint
-- it writes nothing. It runs with the writer's rights, not as security definer: a role that can
-- write the domain tables in the private `app` schema can write the webhook tables and the queue
-- too (see the grants above), and the function-level SET search_path a security definer function
-- needs would double what an event costs its writer. Every name inside is schema-qualified.
-- Then, unless a dispatcher run holds the lease or one was just asked for (a shared lock and two
-- index reads, the writer's only added cost), it asks for a run (app.webhook_wake_dispatcher).
create function app.webhook_emit(p_organization_id text, p_kind text, p_payload json)
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
    -- The writers' lock, shared until this transaction ends: a run that ends before this commits
    -- cannot see these messages, and asks for the next run when it finds the lock taken
    -- (app.webhook_release). Taken before the lease is looked at, so no release slips between.
    perform pg_advisory_xact_lock_shared(app.webhook_writers_lock());
    if not exists (select 1 from app.webhook_dispatcher_lease l
                   where l.expires_at > clock_timestamp() and l.ends_at > clock_timestamp())
       and not exists (select 1 from app.webhook_wake w where w.requested_at > clock_timestamp() - interval '10 seconds') then
      v_woken := app.webhook_wake_dispatcher();
    end if;
  end if;
  return v_event;
end
$$;

-- One delivery per target endpoint (all subscribed ones, or just `p_endpoint_id`), recorded at
-- once (the test event): each to an enabled endpoint gets its queue message, one to a disabled
-- endpoint is held. Then asks for a dispatcher run (app.webhook_wake_dispatcher).
create function app.webhook_fan_out(p_organization_id text, p_event_id text, p_kind text, p_endpoint_id text)
returns int
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

-- Puts deliveries back in the queue (replay, re-enable, redeliver): due now, backoff restarted,
-- their endpoints' circuits closed (someone says the receiver works: the next attempt tells);
-- then asks for a dispatcher run (app.webhook_wake_dispatcher).
create function app.webhook_requeue(p_delivery_ids text[]) returns int
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
  update app.webhook_endpoints e set next_probe_at = null
  where e.next_probe_at is not null
    and e.id = any (array(select d.endpoint_id from app.webhook_deliveries d where d.id = any (p_delivery_ids)));
  perform app.webhook_wake_dispatcher();
  return n;
end
$$;

------------------------------------------------------------
-- The event triggers
------------------------------------------------------------

-- Each fires only on the transition it reports (WHEN clauses), so other writes pay nothing.
-- Payload fields are documented in docs/webhooks.md; rent.paid's are exactly the public
-- reference's example. They call app.webhook_emit by assignment, not PERFORM
-- (why: docs/decisions/0006-plpgsql-on-hot-paths.md).

-- Instants as the reference shows them: "2026-05-25T15:42:14Z". Stable, as to_char is, so it
-- is inlined.
create function app.webhook_ts(t timestamptz) returns text
language sql stable parallel safe as $$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- Reads a table, so PL/pgSQL (docs/decisions/0006-plpgsql-on-hot-paths.md).
create function app.webhook_lease_tenants(p_lease_id text) returns json
language plpgsql stable as $$
begin
  return (select coalesce(json_agg(tenant_id order by tenant_id), '[]') from app.lease_tenants where lease_id = p_lease_id);
end
$$;

-- rent.paid, rent.late
create function app.webhook_on_payment() returns trigger
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
create trigger payments_webhook after update of status on app.payments
for each row when (new.status in ('paid', 'late') and old.status is distinct from new.status)
execute function app.webhook_on_payment();

-- application.submitted, application.approved, application.denied
create function app.webhook_on_application() returns trigger
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
create trigger applications_webhook_submitted after insert on app.applications
for each row execute function app.webhook_on_application();
create trigger applications_webhook_decided after update of status on app.applications
for each row when (new.status in ('approved', 'denied') and old.status is distinct from new.status)
execute function app.webhook_on_application();

-- lease.signed, lease.terminated
create function app.webhook_on_lease() returns trigger
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
create trigger leases_webhook after update of status on app.leases
for each row when (new.status in ('signed', 'terminated') and old.status is distinct from new.status)
execute function app.webhook_on_lease();

-- work_order.created, work_order.completed
create function app.webhook_on_work_order() returns trigger
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
create trigger work_orders_webhook_created after insert on app.work_orders
for each row execute function app.webhook_on_work_order();
create trigger work_orders_webhook_completed after update of status on app.work_orders
for each row when (new.status = 'completed' and old.status is distinct from new.status)
execute function app.webhook_on_work_order();

-- tenant.added, tenant.removed (a removed tenant keeps its row; removed_at marks the removal)
create function app.webhook_on_tenant() returns trigger
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
create trigger tenants_webhook_added after insert on app.tenants
for each row when (new.removed_at is null)
execute function app.webhook_on_tenant();
create trigger tenants_webhook_removed after update of removed_at on app.tenants
for each row when (old.removed_at is null and new.removed_at is not null)
execute function app.webhook_on_tenant();

-- inspection.completed
create function app.webhook_on_inspection() returns trigger
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
create trigger inspections_webhook after update of status on app.inspections
for each row when (new.status = 'completed' and old.status is distinct from new.status)
execute function app.webhook_on_inspection();

-- payment_plan.proposed. Deferred to the end of the writer's transaction, so the plan's
-- installments, inserted after the plan itself, are in the payload.
create function app.webhook_on_payment_plan() returns trigger
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
create constraint trigger payment_plans_webhook after insert on app.payment_plans
deferrable initially deferred
for each row execute function app.webhook_on_payment_plan();

------------------------------------------------------------
-- The endpoints registry (the webhook-endpoints function)
------------------------------------------------------------

create function app.webhook_endpoint_json(e app.webhook_endpoints) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', e.id, 'url', e.url, 'description', e.description, 'events', to_jsonb(e.events),
    'status', case when e.enabled then 'enabled' else 'disabled' end,
    'disabled_reason', e.disabled_reason, 'disabled_at', app.iso_instant(e.disabled_at),
    'consecutive_failures', e.consecutive_failures,
    'previous_secret_expires_at', case when e.previous_secret_expires_at > now() then app.iso_instant(e.previous_secret_expires_at) end,
    'created_at', app.iso_instant(e.created_at), 'updated_at', app.iso_instant(e.updated_at))
$$;

-- the endpoints as lists and reads show them (_shared/lists.ts)
create view app.api_webhook_endpoints as
  select e.id, e.organization_id, app.webhook_endpoint_json(e) as j
  from app.webhook_endpoints e;

create function app.webhook_check_events(p_events text[]) returns void
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

-- `p_url` has passed the SSRF checks in the function (they need DNS); the function made the
-- secret, sealed it and shows it once: the endpoint is returned without it.
create function app.webhook_endpoint_create(p_organization_id text, p_url text, p_events text[], p_description text,
                                            p_secret_sealed bytea, p_secret_key_id text)
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
  insert into app.webhook_endpoints (organization_id, url, events, description, secret_sealed, secret_key_id)
  values (p_organization_id, p_url,
          case when '*' = any (p_events) then '{*}' else array(select distinct x from unnest(p_events) x order by x) end,
          coalesce(p_description, ''), p_secret_sealed, p_secret_key_id)
  returning * into e;
  return app.webhook_endpoint_json(e);
end
$$;

create function app.webhook_endpoint_update(p_organization_id text, p_id text, p_url text, p_events text[], p_description text)
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
    -- a new address is a new receiver: its circuit starts closed
    next_probe_at = case when p_url is distinct from url and p_url is not null then null else next_probe_at end,
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

-- Enabling resets the failure count, closes the circuit and sends every held delivery.
create function app.webhook_endpoint_set_enabled(p_organization_id text, p_id text, p_enabled boolean)
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
      consecutive_failures = 0, next_probe_at = null, updated_at = now()
    where id = p_id returning * into e;
    perform app.webhook_requeue(array(select id from app.webhook_deliveries where endpoint_id = p_id and status = 'held'));
  elsif not p_enabled and e.enabled then
    update app.webhook_endpoints set enabled = false, disabled_at = now(), disabled_reason = 'manual', updated_at = now()
    where id = p_id returning * into e;
  end if;
  return app.webhook_endpoint_json(e);
end
$$;

-- The old secret keeps signing for 24 hours next to the new one (sealed by the function, which
-- shows it once); a rotation within the overlap drops the oldest.
create function app.webhook_endpoint_rotate(p_organization_id text, p_id text, p_secret_sealed bytea, p_secret_key_id text)
returns jsonb
language plpgsql as $$
declare
  e app.webhook_endpoints;
begin
  update app.webhook_endpoints set
    previous_secret_sealed = secret_sealed, previous_secret_key_id = secret_key_id,
    previous_secret_expires_at = now() + interval '24 hours',
    secret_sealed = p_secret_sealed, secret_key_id = p_secret_key_id, updated_at = now()
  where organization_id = p_organization_id and id = p_id
  returning * into e;
  if not found then
    perform app.fail('AP404', 'Webhook endpoint not found.');
  end if;
  return app.webhook_endpoint_json(e);
end
$$;

-- Clears the previous secrets whose overlap has ended (each run of the webhook-retention
-- function, every 10 minutes): the claim stops handing one over at its expiry, and this removes
-- it at rest; a job of its own every minute would cost 43,200 invocations a month (docs/hosted.md).
create function app.webhook_clear_expired_secrets() returns int
language plpgsql security definer set search_path = '' as $$
declare
  v_cleared int;
begin
  update app.webhook_endpoints set previous_secret_sealed = null, previous_secret_key_id = null, previous_secret_expires_at = null
  where previous_secret_expires_at <= now();
  get diagnostics v_cleared = row_count;
  return v_cleared;
end
$$;

create function app.webhook_endpoint_delete(p_organization_id text, p_id text) returns jsonb
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

create function app.webhook_delivery_json(d app.webhook_deliveries, p_attempt_limit int) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', d.id, 'endpoint_id', d.endpoint_id, 'event_id', d.event_id,
    'event', (select kind from app.webhook_events ev where ev.id = d.event_id),
    'status', d.status, 'attempt_count', d.total_attempts, 'next_attempt_at', case when d.status = 'pending' then app.iso_instant(d.next_attempt_at) end,
    'last_attempt_at', app.iso_instant(d.last_attempt_at), 'last_status_code', d.last_status_code, 'last_error', d.last_error,
    'delivered_at', app.iso_instant(d.delivered_at), 'created_at', app.iso_instant(d.created_at),
    'attempts', coalesce((select jsonb_agg(jsonb_build_object(
        'attempt', a.attempt, 'attempted_at', app.iso_instant(a.attempted_at), 'succeeded', a.succeeded, 'status_code', a.status_code,
        'latency_ms', a.latency_ms, 'error', a.error, 'response_body', a.response_body) order by a.id desc)
      from (select * from app.webhook_attempts a where a.delivery_id = d.id order by a.id desc limit p_attempt_limit) a), '[]'))
$$;

-- an endpoint's deliveries as its list shows them, each with its 10 latest attempts
create view app.api_webhook_deliveries as
  select d.id, d.organization_id, d.endpoint_id, d.status, app.webhook_delivery_json(d, 10) as j
  from app.webhook_deliveries d;

create function app.webhook_send_test(p_organization_id text, p_id text) returns jsonb
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

create function app.webhook_redeliver(p_organization_id text, p_endpoint_id text, p_delivery_id text) returns jsonb
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
create function app.webhook_replay(p_organization_id text, p_endpoint_id text, p_since timestamptz) returns jsonb
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
  return jsonb_build_object('endpoint_id', p_endpoint_id, 'since', app.iso_instant(p_since), 'replayed', cardinality(v_ids));
end
$$;
