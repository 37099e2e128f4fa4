-- Operations: vendors, work orders, rental applications, inspections, payment plans and
-- expenses, and the SQL behind their functions.
-- Rules: as in the portfolio (organization on every row, composite foreign keys, cents, status
-- transitions by trigger). Each API operation is one SQL call after requireKey: a function
-- returning jsonb for writes, one statement for reads. Money arrives as dollars (at most two
-- decimals, checked by the API) and is kept as cents.
--
-- The API's shape of each resource is a view (app.api_<resource>: the filter columns and `j`,
-- the JSON). Views are always inlined into the query using them, so a list builds JSON only for
-- the rows on its page; SQL functions with subqueries are not inlined and are called per row.
-- Lists are single statements built by the Edge Functions (only the filters given, so each
-- combination is its own prepared statement with its own plan); in the same statement
-- app.ops_require answers 404 for a filter naming another organization's record.

create table app.vendors (
  id               text primary key default app.new_id('v'),
  organization_id  text not null references app.organizations on delete cascade,
  name             text not null check (length(name) between 1 and 200),
  trade            text check (length(trade) <= 100),
  email            text check (email ~ '^[^@\s]+@[^@\s]+$'),
  phone            text check (length(phone) <= 40),
  notes            text check (length(notes) <= 5000),
  created_at       timestamptz not null default now(),
  unique (organization_id, id)
);

create table app.applications (
  id                    text primary key default app.new_id('appl'),
  organization_id       text not null,
  property_id           text not null,
  unit_id               text,
  status                text not null default 'submitted',
  applicant_name        text not null check (length(applicant_name) between 1 and 200),
  applicant_email       text check (applicant_email ~ '^[^@\s]+@[^@\s]+$'),
  applicant_phone       text check (length(applicant_phone) <= 40),
  desired_move_in       date,
  monthly_income_cents  bigint check (monthly_income_cents >= 0),
  decision_reason       text check (length(decision_reason) <= 2000),
  submitted_at          timestamptz not null default now(),
  decided_at            timestamptz,
  created_at            timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, property_id) references app.properties (organization_id, id) on delete restrict,
  foreign key (organization_id, unit_id) references app.units (organization_id, id) on delete restrict
);
create trigger applications_status before insert or update of status on app.applications
for each row execute function app.enforce_status_transition('application');

create table app.work_orders (
  id               text primary key default app.new_id('wo'),
  organization_id  text not null,
  unit_id          text not null,
  vendor_id        text,
  title            text not null check (length(title) between 1 and 200),
  description      text check (length(description) <= 5000),
  priority         text not null default 'normal' check (priority in ('low', 'normal', 'high', 'emergency')),
  status           text not null default 'open',
  due_date         date,
  cost_cents       bigint check (cost_cents >= 0),
  notes            text check (length(notes) <= 5000),
  assigned_at      timestamptz,
  completed_at     timestamptz,
  created_at       timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, unit_id) references app.units (organization_id, id) on delete restrict,
  foreign key (organization_id, vendor_id) references app.vendors (organization_id, id) on delete restrict,
  constraint work_orders_assigned_has_vendor check (status = 'open' or vendor_id is not null)
);
create trigger work_orders_status before insert or update of status on app.work_orders
for each row execute function app.enforce_status_transition('work_order');
create index work_orders_unit on app.work_orders (unit_id, id);
create index work_orders_vendor on app.work_orders (vendor_id, id);
create index work_orders_org_status on app.work_orders (organization_id, status);

create table app.inspections (
  id               text primary key default app.new_id('insp'),
  organization_id  text not null,
  unit_id          text not null,
  kind             text not null default 'routine' check (kind in ('move_in', 'move_out', 'routine')),
  status           text not null default 'scheduled',
  scheduled_for    date not null,
  inspector        text check (length(inspector) <= 200),
  -- [{area, condition: good|fair|poor, note}] when completed
  findings         jsonb check (findings is null or jsonb_typeof(findings) = 'array'),
  summary          text check (length(summary) <= 5000),
  completed_at     timestamptz,
  created_at       timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, unit_id) references app.units (organization_id, id) on delete restrict
);
create trigger inspections_status before insert or update of status on app.inspections
for each row execute function app.enforce_status_transition('inspection');

create table app.payment_plans (
  id               text primary key default app.new_id('pp'),
  organization_id  text not null,
  lease_id         text not null,
  status           text not null default 'proposed',
  total_cents      bigint not null check (total_cents > 0),
  note             text check (length(note) <= 2000),
  proposed_at      timestamptz not null default now(),
  decided_at       timestamptz,
  created_at       timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, lease_id) references app.leases (organization_id, id) on delete restrict
);
create trigger payment_plans_status before insert or update of status on app.payment_plans
for each row execute function app.enforce_status_transition('payment_plan');
-- at most one live plan per lease
create unique index payment_plans_one_live on app.payment_plans (lease_id) where status in ('proposed', 'accepted');

create table app.payment_plan_installments (
  payment_plan_id  text not null references app.payment_plans on delete cascade,
  seq              int not null check (seq >= 1),
  due_date         date not null,
  amount_cents     bigint not null check (amount_cents > 0),
  paid_cents       bigint not null default 0 check (paid_cents >= 0),
  paid_at          timestamptz,
  -- the day it was paid in full (the date the payer gave, not when it was recorded)
  paid_on          date,
  primary key (payment_plan_id, seq),
  check (paid_cents <= amount_cents)
);

-- Money received under a payment plan: the history behind the installments' paid amounts.
create table app.payment_plan_payments (
  id               text primary key default app.new_id('ppay'),
  organization_id  text not null,
  payment_plan_id  text not null,
  amount_cents     bigint not null check (amount_cents > 0),
  paid_on          date not null,
  created_at       timestamptz not null default now(),
  foreign key (organization_id, payment_plan_id) references app.payment_plans (organization_id, id) on delete cascade
);
create index payment_plan_payments_plan on app.payment_plan_payments (payment_plan_id, id);

-- IRS Schedule E (Form 1040), Part I, lines 5-19: the categories a landlord files expenses under.
create table app.expense_categories (
  id               text primary key,
  schedule_e_line  int not null unique,
  name             text not null
);
insert into app.expense_categories (id, schedule_e_line, name) values
  ('advertising', 5, 'Advertising'),
  ('auto_travel', 6, 'Auto and travel'),
  ('cleaning_maintenance', 7, 'Cleaning and maintenance'),
  ('commissions', 8, 'Commissions'),
  ('insurance', 9, 'Insurance'),
  ('legal_professional_fees', 10, 'Legal and other professional fees'),
  ('management_fees', 11, 'Management fees'),
  ('mortgage_interest', 12, 'Mortgage interest paid to banks, etc.'),
  ('other_interest', 13, 'Other interest'),
  ('repairs', 14, 'Repairs'),
  ('supplies', 15, 'Supplies'),
  ('taxes', 16, 'Taxes'),
  ('utilities', 17, 'Utilities'),
  ('depreciation', 18, 'Depreciation expense or depletion'),
  ('other', 19, 'Other');

create table app.expenses (
  id               text primary key default app.new_id('exp'),
  organization_id  text not null,
  property_id      text not null,
  category_id      text not null references app.expense_categories,
  label            text not null check (length(label) between 1 and 200),
  amount_cents     bigint not null check (amount_cents >= 0),
  paid_on          date not null,
  vendor           text check (length(vendor) <= 200),
  vendor_id        text,
  created_at       timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, property_id) references app.properties (organization_id, id) on delete restrict,
  foreign key (organization_id, vendor_id) references app.vendors (organization_id, id) on delete restrict
);
create index expenses_property on app.expenses (organization_id, property_id, paid_on);

-- Indexes for the lists' filters, each ending in id for the newest-first cursor.
create index work_orders_org_status_id on app.work_orders (organization_id, status, id);
create index work_orders_org_priority on app.work_orders (organization_id, priority, id);
-- a vendor's open/completed counts from the index alone
create index work_orders_vendor_status on app.work_orders (vendor_id, status);
create index vendors_org_trade on app.vendors (organization_id, lower(trade), id);
-- a vendor cannot be deleted while expenses name it; this keeps that check off a full scan
create index expenses_vendor on app.expenses (vendor_id) where vendor_id is not null;
create index applications_property on app.applications (property_id, id);
create index applications_org_status on app.applications (organization_id, status, id);
create index inspections_unit on app.inspections (unit_id, id);
create index inspections_org_status on app.inspections (organization_id, status, id);
create index payment_plans_lease on app.payment_plans (lease_id, id);
create index payment_plans_org_status on app.payment_plans (organization_id, status, id);
create index expenses_org_category on app.expenses (organization_id, category_id, paid_on);
create index expenses_org_paid_on on app.expenses (organization_id, paid_on);

-- Checks that a record the caller named (by kind: Unit, Property, Tenant, Vendor, Lease,
-- Webhook endpoint) belongs to the organization; otherwise 404 naming the kind, as for an id that does
-- not exist. Called inside a list's statement. (app.webhook_endpoints is created by the webhooks
-- migration; PL/pgSQL resolves it when called.)
create function app.ops_require(p_organization_id text, p_kind text, p_id text) returns void
language plpgsql stable as $$
begin
  if p_id is null then
    return;
  end if;
  -- parenthesized: IF reads its condition up to the first THEN outside parentheses
  if not (case p_kind
    when 'Unit' then exists (select 1 from app.units where id = p_id and organization_id = p_organization_id)
    when 'Property' then exists (select 1 from app.properties where id = p_id and organization_id = p_organization_id)
    when 'Tenant' then exists (select 1 from app.tenants where id = p_id and organization_id = p_organization_id)
    when 'Vendor' then exists (select 1 from app.vendors where id = p_id and organization_id = p_organization_id)
    when 'Lease' then exists (select 1 from app.leases where id = p_id and organization_id = p_organization_id)
    when 'Webhook endpoint' then exists (select 1 from app.webhook_endpoints where id = p_id and organization_id = p_organization_id)
  end) then
    perform app.fail('AP404', p_kind || ' not found.');
  end if;
end
$$;

-- ─── work orders ───────────────────────────────────────────────────────────────────────────

create view app.api_work_orders as
  select w.id, w.organization_id, w.unit_id, u.property_id, w.vendor_id, w.status, w.priority,
  jsonb_build_object(
    'id', w.id,
    'unit_id', w.unit_id,
    'property_id', u.property_id,
    'vendor_id', w.vendor_id,
    'title', w.title,
    'description', w.description,
    'priority', w.priority,
    'status', w.status,
    'due_date', w.due_date,
    'cost_usd', app.usd(w.cost_cents),
    'notes', w.notes,
    'assigned_at', app.iso_instant(w.assigned_at),
    'completed_at', app.iso_instant(w.completed_at),
    'created_at', app.iso_instant(w.created_at)) as j
  from app.work_orders w join app.units u on u.id = w.unit_id;

-- body: unit_id, title, description, priority, due_date, notes, vendor_id (given: starts assigned).
create function app.work_order_create(p_organization_id text, p jsonb) returns jsonb
language plpgsql as $$
declare
  w app.work_orders;
begin
  perform app.ops_require(p_organization_id, 'Unit', p->>'unit_id');
  perform app.ops_require(p_organization_id, 'Vendor', p->>'vendor_id');
  insert into app.work_orders (organization_id, unit_id, vendor_id, title, description, priority, status,
                               due_date, notes, assigned_at)
  values (p_organization_id, p->>'unit_id', p->>'vendor_id', p->>'title', p->>'description',
          coalesce(p->>'priority', 'normal'),
          case when p->>'vendor_id' is null then 'open' else 'assigned' end,
          (p->>'due_date')::date, p->>'notes',
          case when p->>'vendor_id' is not null then now() end)
  returning * into w;
  return (select j from app.api_work_orders where id = w.id);
end
$$;

-- patch: any of title, description, priority, due_date, notes, cost_usd; a key present with
-- null clears the field.
create function app.work_order_update(p_organization_id text, p_id text, p jsonb) returns jsonb
language plpgsql as $$
declare
  w app.work_orders;
begin
  update app.work_orders set
    title = case when p ? 'title' then p->>'title' else title end,
    description = case when p ? 'description' then p->>'description' else description end,
    priority = case when p ? 'priority' then p->>'priority' else priority end,
    due_date = case when p ? 'due_date' then (p->>'due_date')::date else due_date end,
    notes = case when p ? 'notes' then p->>'notes' else notes end,
    cost_cents = case when p ? 'cost_usd' then app.cents((p->>'cost_usd')::numeric) else cost_cents end
  where id = p_id and organization_id = p_organization_id
  returning * into w;
  if not found then
    perform app.fail('AP404', 'Work order not found.');
  end if;
  return (select j from app.api_work_orders where id = w.id);
end
$$;

-- open → assigned, or a new vendor while assigned.
create function app.work_order_assign(p_organization_id text, p_id text, p_vendor_id text) returns jsonb
language plpgsql as $$
declare
  w app.work_orders;
begin
  select * into w from app.work_orders where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Work order not found.');
  end if;
  perform app.ops_require(p_organization_id, 'Vendor', p_vendor_id);
  if w.status = 'completed' then
    perform app.fail('AP409', format('This work order was completed on %s; a completed work order cannot be reassigned.',
      to_char(w.completed_at at time zone 'UTC', 'YYYY-MM-DD')));
  end if;
  update app.work_orders set vendor_id = p_vendor_id, status = 'assigned', assigned_at = now()
  where id = w.id
  returning * into w;
  return (select j from app.api_work_orders where id = w.id);
end
$$;

-- assigned → completed, with the cost and (optionally) notes.
create function app.work_order_complete(p_organization_id text, p_id text, p_cost_usd numeric, p_notes text) returns jsonb
language plpgsql as $$
declare
  w app.work_orders;
begin
  select * into w from app.work_orders where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Work order not found.');
  end if;
  if w.status = 'completed' then
    perform app.fail('AP409', format('This work order is already completed (on %s); it cannot be completed again.',
      to_char(w.completed_at at time zone 'UTC', 'YYYY-MM-DD')));
  end if;
  if w.status = 'open' then
    perform app.fail('AP409', 'This work order is open and has no vendor; assign a vendor before completing it.');
  end if;
  update app.work_orders set status = 'completed', completed_at = now(),
    cost_cents = app.cents(p_cost_usd), notes = coalesce(p_notes, notes)
  where id = w.id
  returning * into w;
  return (select j from app.api_work_orders where id = w.id);
end
$$;

-- ─── vendors ───────────────────────────────────────────────────────────────────────────────

-- A vendor with the number of its work orders still open (open or assigned) and completed.
create view app.api_vendors as
  select v.id, v.organization_id, v.trade,
  jsonb_build_object(
    'id', v.id,
    'name', v.name,
    'trade', v.trade,
    'email', v.email,
    'phone', v.phone,
    'notes', v.notes,
    'open_work_orders', c.open,
    'completed_work_orders', c.completed,
    'created_at', app.iso_instant(v.created_at)) as j
  from app.vendors v
  cross join lateral (
    select count(*) filter (where w.status in ('open', 'assigned')) as open,
           count(*) filter (where w.status = 'completed') as completed
    from app.work_orders w where w.vendor_id = v.id) c;

create function app.vendor_create(p_organization_id text, p jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  insert into app.vendors (organization_id, name, trade, email, phone, notes)
  values (p_organization_id, p->>'name', p->>'trade', p->>'email', p->>'phone', p->>'notes')
  returning id into v_id;
  return (select j from app.api_vendors where id = v_id);
end
$$;

create function app.vendor_update(p_organization_id text, p_id text, p jsonb) returns jsonb
language plpgsql as $$
declare
  v app.vendors;
begin
  update app.vendors set
    name = case when p ? 'name' then p->>'name' else name end,
    trade = case when p ? 'trade' then p->>'trade' else trade end,
    email = case when p ? 'email' then p->>'email' else email end,
    phone = case when p ? 'phone' then p->>'phone' else phone end,
    notes = case when p ? 'notes' then p->>'notes' else notes end
  where id = p_id and organization_id = p_organization_id
  returning * into v;
  if not found then
    perform app.fail('AP404', 'Vendor not found.');
  end if;
  return (select j from app.api_vendors where id = v.id);
end
$$;

create function app.vendor_delete(p_organization_id text, p_id text) returns jsonb
language plpgsql as $$
declare
  v app.vendors;
  orders bigint;
  expense_count bigint;
begin
  select * into v from app.vendors where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Vendor not found.');
  end if;
  select count(*) into orders from app.work_orders where vendor_id = v.id;
  if orders > 0 then
    perform app.fail('AP409', format('This vendor is on %s work order%s; it cannot be deleted while work orders refer to it.',
      orders, case when orders = 1 then '' else 's' end));
  end if;
  select count(*) into expense_count from app.expenses where vendor_id = v.id;
  if expense_count > 0 then
    perform app.fail('AP409', format('This vendor is on %s expense%s; it cannot be deleted while expenses refer to it.',
      expense_count, case when expense_count = 1 then '' else 's' end));
  end if;
  delete from app.vendors where id = v.id;
  return jsonb_build_object('id', v.id, 'deleted', true);
end
$$;

-- ─── rental applications ───────────────────────────────────────────────────────────────────

create view app.api_applications as
  select a.id, a.organization_id, a.property_id, a.unit_id, a.status,
  jsonb_build_object(
    'id', a.id,
    'property_id', a.property_id,
    'unit_id', a.unit_id,
    'status', a.status,
    'applicant_name', a.applicant_name,
    'applicant_email', a.applicant_email,
    'applicant_phone', a.applicant_phone,
    'desired_move_in', a.desired_move_in,
    'monthly_income_usd', app.usd(a.monthly_income_cents),
    'decision_reason', a.decision_reason,
    'submitted_at', app.iso_instant(a.submitted_at),
    'decided_at', app.iso_instant(a.decided_at),
    'created_at', app.iso_instant(a.created_at)) as j
  from app.applications a;

-- body: property_id and/or unit_id (the unit's property when only the unit is given),
-- applicant_name, applicant_email, applicant_phone, desired_move_in, monthly_income_usd.
create function app.application_submit(p_organization_id text, p jsonb) returns jsonb
language plpgsql as $$
declare
  unit_property text;
  a app.applications;
begin
  perform app.ops_require(p_organization_id, 'Property', p->>'property_id');
  if p->>'unit_id' is not null then
    select u.property_id into unit_property from app.units u
    where u.id = p->>'unit_id' and u.organization_id = p_organization_id;
    if not found then
      perform app.fail('AP404', 'Unit not found.');
    end if;
    if p->>'property_id' is not null and unit_property <> p->>'property_id' then
      perform app.fail('AP422', 'The unit is not in the given property.');
    end if;
  end if;
  insert into app.applications (organization_id, property_id, unit_id, applicant_name, applicant_email,
                                applicant_phone, desired_move_in, monthly_income_cents)
  values (p_organization_id, coalesce(p->>'property_id', unit_property), p->>'unit_id', p->>'applicant_name',
          p->>'applicant_email', p->>'applicant_phone', (p->>'desired_move_in')::date,
          app.cents((p->>'monthly_income_usd')::numeric))
  returning * into a;
  return (select j from app.api_applications where id = a.id);
end
$$;

-- submitted → approved | denied; a decided application stays decided.
create function app.application_decide(p_organization_id text, p_id text, p_decision text, p_reason text) returns jsonb
language plpgsql as $$
declare
  a app.applications;
begin
  select * into a from app.applications where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Application not found.');
  end if;
  if a.status = p_decision then
    perform app.fail('AP409', format('This application is already %s.', a.status));
  end if;
  if a.status <> 'submitted' then
    perform app.fail('AP409', format('This application was %s on %s; a decided application cannot be %s.',
      a.status, to_char(a.decided_at at time zone 'UTC', 'YYYY-MM-DD'), p_decision));
  end if;
  update app.applications set status = p_decision, decided_at = now(), decision_reason = p_reason
  where id = a.id
  returning * into a;
  return (select j from app.api_applications where id = a.id);
end
$$;

-- ─── inspections ───────────────────────────────────────────────────────────────────────────

create view app.api_inspections as
  select i.id, i.organization_id, i.unit_id, u.property_id, i.status,
  jsonb_build_object(
    'id', i.id,
    'unit_id', i.unit_id,
    'property_id', u.property_id,
    'kind', i.kind,
    'status', i.status,
    'scheduled_for', i.scheduled_for,
    'inspector', i.inspector,
    'findings', i.findings,
    'summary', i.summary,
    'completed_at', app.iso_instant(i.completed_at),
    'created_at', app.iso_instant(i.created_at)) as j
  from app.inspections i join app.units u on u.id = i.unit_id;

-- body: unit_id, scheduled_for, kind, inspector.
create function app.inspection_schedule(p_organization_id text, p jsonb) returns jsonb
language plpgsql as $$
declare
  i app.inspections;
begin
  perform app.ops_require(p_organization_id, 'Unit', p->>'unit_id');
  insert into app.inspections (organization_id, unit_id, kind, scheduled_for, inspector)
  values (p_organization_id, p->>'unit_id', coalesce(p->>'kind', 'routine'), (p->>'scheduled_for')::date, p->>'inspector')
  returning * into i;
  return (select j from app.api_inspections where id = i.id);
end
$$;

-- scheduled → completed (with findings and a summary) | cancelled.
create function app.inspection_finish(
  p_organization_id text, p_id text, p_status text, p_findings jsonb, p_summary text
) returns jsonb
language plpgsql as $$
declare
  i app.inspections;
begin
  select * into i from app.inspections where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Inspection not found.');
  end if;
  if i.status = p_status then
    perform app.fail('AP409', format('This inspection is already %s.', i.status));
  end if;
  if i.status <> 'scheduled' then
    perform app.fail('AP409', format('This inspection was %s; only a scheduled inspection can be %s.', i.status, p_status));
  end if;
  update app.inspections set
    status = p_status,
    findings = case when p_status = 'completed' then p_findings else findings end,
    summary = coalesce(p_summary, summary),
    completed_at = case when p_status = 'completed' then now() end
  where id = i.id
  returning * into i;
  return (select j from app.api_inspections where id = i.id);
end
$$;

-- ─── payment plans ─────────────────────────────────────────────────────────────────────────

-- A plan with its installments. on_schedule (accepted plans only; null otherwise): every
-- installment due on or before today, in the organization's time zone, is paid in full.
create view app.api_payment_plans as
  select pp.id, pp.organization_id, pp.lease_id, pp.status,
  jsonb_build_object(
    'id', pp.id,
    'lease_id', pp.lease_id,
    'status', pp.status,
    'total_usd', app.usd(pp.total_cents),
    'paid_usd', app.usd(s.paid),
    'remaining_usd', app.usd(pp.total_cents - s.paid),
    'on_schedule', case when pp.status = 'accepted' then s.on_schedule end,
    'note', pp.note,
    'installments', s.installments,
    'proposed_at', app.iso_instant(pp.proposed_at),
    'decided_at', app.iso_instant(pp.decided_at),
    'created_at', app.iso_instant(pp.created_at)) as j
  from app.payment_plans pp
  join app.organizations o on o.id = pp.organization_id
  cross join lateral (
    select coalesce(sum(i.paid_cents), 0) as paid,
           coalesce(bool_and(i.paid_cents = i.amount_cents)
                    filter (where i.due_date <= (now() at time zone o.timezone)::date), true) as on_schedule,
           coalesce(jsonb_agg(jsonb_build_object(
             'seq', i.seq, 'due_date', i.due_date, 'amount_usd', app.usd(i.amount_cents),
             'paid_usd', app.usd(i.paid_cents), 'paid_on', i.paid_on) order by i.seq), '[]') as installments
    from app.payment_plan_installments i where i.payment_plan_id = pp.id) s;

-- One plan as GET /api/payment-plans/:id shows it: with the money received under it, newest
-- first. Null when the organization has no such plan.
create function app.payment_plan_detail(p_organization_id text, p_id text) returns jsonb
language sql stable as $$
  select pp.j || jsonb_build_object('payments', coalesce((
    select jsonb_agg(jsonb_build_object('id', x.id, 'amount_usd', app.usd(x.amount_cents), 'paid_on', x.paid_on,
                                        'created_at', app.iso_instant(x.created_at)) order by x.id desc)
    from app.payment_plan_payments x where x.payment_plan_id = pp.id), '[]'))
  from app.api_payment_plans pp
  where pp.id = p_id and pp.organization_id = p_organization_id
$$;

-- A plan for a delinquent lease: installments [{due_date, amount_usd}] in due-date order;
-- the total is their sum. One live (proposed or accepted) plan per lease.
create function app.payment_plan_propose(p_organization_id text, p_lease_id text, p_installments jsonb, p_note text)
returns jsonb
language plpgsql as $$
declare
  l app.leases;
  live app.payment_plans;
  overdue bigint;
  pp app.payment_plans;
begin
  -- serializes proposals for one lease, so the second of two concurrent ones gets the message below
  select * into l from app.leases where id = p_lease_id and organization_id = p_organization_id for no key update;
  if not found then
    perform app.fail('AP404', 'Lease not found.');
  end if;
  select * into live from app.payment_plans where lease_id = l.id and status in ('proposed', 'accepted');
  if found then
    -- only a proposed plan can still be rejected (app.status_transitions): an accepted one stands
    perform app.fail('AP409', case live.status
      when 'proposed' then format('This lease already has a proposed payment plan (%s); it must be rejected before another is proposed.', live.id)
      else format('This lease already has an accepted payment plan (%s); a lease has one accepted plan, and it cannot be replaced.', live.id) end);
  end if;
  select coalesce(sum(p.amount_cents - p.paid_cents), 0) into overdue from app.payments p
  where p.lease_id = l.id and p.status <> 'paid' and p.due_date <= app.org_today(p_organization_id);
  if overdue = 0 then
    perform app.fail('AP409', 'This lease has no overdue rent; a payment plan is for a delinquent lease.');
  end if;
  insert into app.payment_plans (organization_id, lease_id, total_cents, note)
  select p_organization_id, l.id, sum(app.cents((x->>'amount_usd')::numeric)), p_note
  from jsonb_array_elements(p_installments) x
  returning * into pp;
  insert into app.payment_plan_installments (payment_plan_id, seq, due_date, amount_cents)
  select pp.id, n, (x->>'due_date')::date, app.cents((x->>'amount_usd')::numeric)
  from jsonb_array_elements(p_installments) with ordinality as t(x, n);
  return app.payment_plan_detail(p_organization_id, pp.id);
end
$$;

-- proposed → accepted | rejected.
create function app.payment_plan_decide(p_organization_id text, p_id text, p_decision text) returns jsonb
language plpgsql as $$
declare
  pp app.payment_plans;
begin
  select * into pp from app.payment_plans where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Payment plan not found.');
  end if;
  if pp.status = p_decision then
    perform app.fail('AP409', format('This payment plan is already %s.', pp.status));
  end if;
  if pp.status <> 'proposed' then
    perform app.fail('AP409', format('This payment plan was %s; only a proposed plan can be %s.', pp.status, p_decision));
  end if;
  update app.payment_plans set status = p_decision, decided_at = now() where id = pp.id
  returning * into pp;
  return app.payment_plan_detail(p_organization_id, pp.id);
end
$$;

-- Money received under an accepted plan, applied to its installments oldest first.
create function app.payment_plan_record_payment(
  p_organization_id text, p_id text, p_amount_usd numeric, p_paid_on date
) returns jsonb
language plpgsql as $$
declare
  pp app.payment_plans;
  today date := app.org_today(p_organization_id);
  v_paid_on date := coalesce(p_paid_on, today);
  amount bigint := app.cents(p_amount_usd);
  owed bigint;
  left_over bigint := amount;
  part bigint;
  i record;
begin
  select * into pp from app.payment_plans where id = p_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'Payment plan not found.');
  end if;
  if pp.status <> 'accepted' then
    perform app.fail('AP409', format('This payment plan is %s; payments are recorded only against an accepted plan.', pp.status));
  end if;
  if v_paid_on > today then
    perform app.fail('AP422', format('paid_on (%s) is in the future; today is %s.', v_paid_on, today));
  end if;
  select sum(amount_cents - paid_cents) into owed from app.payment_plan_installments where payment_plan_id = pp.id;
  if owed = 0 then
    perform app.fail('AP409', 'This payment plan is already paid in full.');
  end if;
  if amount > owed then
    perform app.fail('AP422', format('The amount exceeds the %s USD still owed on this plan.', app.usd(owed)));
  end if;
  for i in select * from app.payment_plan_installments
           where payment_plan_id = pp.id and paid_cents < amount_cents order by seq loop
    exit when left_over = 0;
    part := least(left_over, i.amount_cents - i.paid_cents);
    update app.payment_plan_installments set
      paid_cents = paid_cents + part,
      paid_on = case when paid_cents + part = amount_cents then v_paid_on end,
      paid_at = case when paid_cents + part = amount_cents then now() end
    where payment_plan_id = pp.id and seq = i.seq;
    left_over := left_over - part;
  end loop;
  insert into app.payment_plan_payments (organization_id, payment_plan_id, amount_cents, paid_on)
  values (p_organization_id, pp.id, amount, v_paid_on);
  return app.payment_plan_detail(p_organization_id, pp.id);
end
$$;

-- ─── expenses ────────────────────────────────────────────────────────────────────────────────

create view app.api_expenses as
  select e.id, e.organization_id, e.property_id, e.category_id, e.paid_on,
  jsonb_build_object(
    'id', e.id, 'property_id', e.property_id, 'category_id', e.category_id, 'label', e.label,
    'amount_usd', app.usd(e.amount_cents), 'paid_on', e.paid_on, 'vendor', e.vendor, 'vendor_id', e.vendor_id,
    'created_at', app.iso_instant(e.created_at)) as j
  from app.expenses e;

create function app.expense_check_refs(p_org text, b jsonb) returns void
language plpgsql as $$
begin
  if b ? 'property_id' and not exists (select 1 from app.properties where id = b->>'property_id' and organization_id = p_org) then
    perform app.fail('AP404', 'Property not found.');
  end if;
  if b ? 'category_id' and not exists (select 1 from app.expense_categories where id = b->>'category_id') then
    perform app.fail('AP400', format('category_id: %s is not a category; GET /api/expenses/categories lists them.', b->>'category_id'));
  end if;
  if b->>'vendor_id' is not null and not exists (select 1 from app.vendors where id = b->>'vendor_id' and organization_id = p_org) then
    perform app.fail('AP404', 'Vendor not found.');
  end if;
end
$$;

create function app.expense_add(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  perform app.expense_check_refs(p_org, b);
  insert into app.expenses (organization_id, property_id, category_id, label, amount_cents, paid_on, vendor, vendor_id)
  values (p_org, b->>'property_id', b->>'category_id', b->>'label', app.cents((b->>'amount_usd')::numeric),
          (b->>'paid_on')::date, b->>'vendor', b->>'vendor_id')
  returning id into v_id;
  return (select j from app.api_expenses where id = v_id);
end
$$;

create function app.expense_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
begin
  perform 1 from app.expenses where id = p_id and organization_id = p_org;
  if not found then
    perform app.fail('AP404', 'Expense not found.');
  end if;
  perform app.expense_check_refs(p_org, b);
  update app.expenses x set
    property_id  = case when b ? 'property_id' then b->>'property_id' else x.property_id end,
    category_id  = case when b ? 'category_id' then b->>'category_id' else x.category_id end,
    label        = case when b ? 'label' then b->>'label' else x.label end,
    amount_cents = case when b ? 'amount_usd' then app.cents((b->>'amount_usd')::numeric) else x.amount_cents end,
    paid_on      = case when b ? 'paid_on' then (b->>'paid_on')::date else x.paid_on end,
    vendor       = case when b ? 'vendor' then b->>'vendor' else x.vendor end,
    vendor_id    = case when b ? 'vendor_id' then b->>'vendor_id' else x.vendor_id end
  where x.id = p_id;
  return (select j from app.api_expenses where id = p_id);
end
$$;

create function app.expense_delete(p_org text, p_id text) returns jsonb
language sql as $$
  with gone as (delete from app.expenses where id = p_id and organization_id = p_org returning id)
  select jsonb_build_object('id', id, 'deleted', true) from gone
$$;

-- Schedule E, Part I: per property, the year's total for each category line that has
-- entries, plus the portfolio's totals per line. json keeps the keys in the order written.
create function app.expense_summary(p_org text, p_year int, p_property_id text default null) returns json
language sql stable as $$
  with sums as (
    select e.property_id, e.category_id, sum(e.amount_cents) as cents, count(*) as entries
    from app.expenses e
    where e.organization_id = p_org
      and e.paid_on >= make_date(p_year, 1, 1) and e.paid_on < make_date(p_year + 1, 1, 1)
      and (p_property_id is null or e.property_id = p_property_id)
    group by e.property_id, e.category_id
  ),
  lines as (
    select s.*, c.schedule_e_line, c.name as category_name from sums s join app.expense_categories c on c.id = s.category_id
  )
  select json_build_object(
    'year', p_year,
    'properties', coalesce((
      select json_agg(json_build_object(
        'property_id', p.id, 'property_name', p.name,
        'categories', (select json_agg(json_build_object(
            'category_id', l.category_id, 'schedule_e_line', l.schedule_e_line, 'name', l.category_name,
            'amount_usd', app.usd(l.cents), 'entries', l.entries) order by l.schedule_e_line)
          from lines l where l.property_id = p.id),
        'total_usd', (select app.usd(sum(l.cents)) from lines l where l.property_id = p.id))
        order by p.name, p.id)
      from app.properties p
      where p.organization_id = p_org and exists (select 1 from lines l where l.property_id = p.id)), '[]'::json),
    'totals', coalesce((
      select json_agg(json_build_object(
        'category_id', t.category_id, 'schedule_e_line', t.schedule_e_line, 'name', t.category_name,
        'amount_usd', app.usd(t.cents), 'entries', t.entries) order by t.schedule_e_line)
      from (select category_id, schedule_e_line, category_name, sum(cents) as cents, sum(entries) as entries
            from lines group by 1, 2, 3) t), '[]'::json),
    'total_usd', (select app.usd(coalesce(sum(cents), 0)) from lines))
$$;
