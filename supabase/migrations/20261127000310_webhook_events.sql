-- The thirteen webhook events, each emitted by a trigger on the table whose change it reports,
-- in the writer's transaction (API, SQL console or any other service alike): a rolled-back
-- change emits nothing and a committed one always has its event. Triggers fire only on the
-- transition they report (WHEN clauses), so other writes pay nothing. Payload fields are
-- documented in docs/webhooks.md; rent.paid's are exactly the public reference's example.

-- Instants as the reference shows them: "2026-05-25T15:42:14Z".
create or replace function app.webhook_ts(t timestamptz) returns text
language sql immutable parallel safe as $$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

create or replace function app.webhook_lease_tenants(p_lease_id text) returns json
language sql stable as $$
  select coalesce(json_agg(tenant_id order by tenant_id), '[]') from app.lease_tenants where lease_id = p_lease_id
$$;

-- rent.paid, rent.late
create or replace function app.webhook_on_payment() returns trigger
language plpgsql as $$
begin
  if new.status = 'paid' then
    perform app.webhook_emit(new.organization_id, 'rent.paid', json_build_object(
      'payment_id', new.id, 'lease_id', new.lease_id, 'amount_usd', app.usd(new.amount_cents),
      'period_label', new.period_label, 'paid_at', app.webhook_ts(coalesce(new.paid_at, now()))));
  elsif new.status = 'late' then
    perform app.webhook_emit(new.organization_id, 'rent.late', json_build_object(
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
create or replace function app.webhook_on_application() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform app.webhook_emit(new.organization_id, 'application.submitted', json_build_object(
      'application_id', new.id, 'property_id', new.property_id, 'unit_id', new.unit_id,
      'applicant_name', new.applicant_name, 'applicant_email', new.applicant_email,
      'desired_move_in', new.desired_move_in, 'submitted_at', app.webhook_ts(new.submitted_at)));
  else
    perform app.webhook_emit(new.organization_id, 'application.' || new.status, json_build_object(
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
create or replace function app.webhook_on_lease() returns trigger
language plpgsql as $$
begin
  if new.status = 'signed' then
    perform app.webhook_emit(new.organization_id, 'lease.signed', json_build_object(
      'lease_id', new.id, 'unit_id', new.unit_id, 'tenant_ids', app.webhook_lease_tenants(new.id),
      'rent_usd', app.usd(new.rent_cents), 'deposit_usd', app.usd(new.deposit_cents), 'due_day', new.due_day,
      'start_date', new.start_date, 'end_date', new.end_date, 'signed_at', app.webhook_ts(coalesce(new.signed_at, now()))));
  else
    perform app.webhook_emit(new.organization_id, 'lease.terminated', json_build_object(
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
create or replace function app.webhook_on_work_order() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform app.webhook_emit(new.organization_id, 'work_order.created', json_build_object(
      'work_order_id', new.id, 'unit_id', new.unit_id, 'vendor_id', new.vendor_id, 'title', new.title,
      'priority', new.priority, 'status', new.status, 'due_date', new.due_date,
      'created_at', app.webhook_ts(new.created_at)));
  else
    perform app.webhook_emit(new.organization_id, 'work_order.completed', json_build_object(
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
create or replace function app.webhook_on_tenant() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform app.webhook_emit(new.organization_id, 'tenant.added', json_build_object(
      'tenant_id', new.id, 'name', new.name, 'email', new.email, 'phone', new.phone,
      'added_at', app.webhook_ts(new.created_at)));
  else
    perform app.webhook_emit(new.organization_id, 'tenant.removed', json_build_object(
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
create or replace function app.webhook_on_inspection() returns trigger
language plpgsql as $$
begin
  perform app.webhook_emit(new.organization_id, 'inspection.completed', json_build_object(
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
create or replace function app.webhook_on_payment_plan() returns trigger
language plpgsql as $$
begin
  perform app.webhook_emit(new.organization_id, 'payment_plan.proposed', json_build_object(
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

-- rent.late: app.mark_late_payments (20261127000210_portfolio_operations.sql) moves open charges
-- past due date + grace days to late; a charge goes open -> late once and never back (status
-- transitions), and a concurrent run re-checks status = 'open' after waiting for the row lock,
-- so each charge emits rent.late exactly once. The rent-late function runs it every minute.
insert into app.scheduled_jobs (name, function_name, every_seconds, body) values
  ('rent-late', 'rent-late', 60, '{}')
on conflict (name) do update set function_name = excluded.function_name, every_seconds = excluded.every_seconds, body = excluded.body;

select app.sync_cron_jobs();
