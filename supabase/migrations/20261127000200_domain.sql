-- The rental domain: a landlord's portfolio and its operations. Every row carries its
-- organization, and composite foreign keys keep every reference inside one organization.
-- Money is bigint cents; the API shows dollars.

create extension if not exists btree_gist with schema extensions;

-- Allowed state changes, one row each; `from_status` null lists the states a row may start in.
-- A trigger on each table checks every insert and status change against it (every writer).
create table app.status_transitions (
  entity       text not null,
  from_status  text,
  to_status    text not null,
  unique nulls not distinct (entity, from_status, to_status)
);
insert into app.status_transitions (entity, from_status, to_status) values
  ('lease', null, 'draft'), ('lease', 'draft', 'signed'), ('lease', 'signed', 'terminated'),
  ('payment', null, 'open'), ('payment', 'open', 'paid'), ('payment', 'open', 'late'), ('payment', 'late', 'paid'),
  ('application', null, 'submitted'), ('application', 'submitted', 'approved'), ('application', 'submitted', 'denied'),
  ('work_order', null, 'open'), ('work_order', null, 'assigned'), ('work_order', 'open', 'assigned'),
  ('work_order', 'assigned', 'completed'),
  ('inspection', null, 'scheduled'), ('inspection', 'scheduled', 'completed'), ('inspection', 'scheduled', 'cancelled'),
  ('payment_plan', null, 'proposed'), ('payment_plan', 'proposed', 'accepted'), ('payment_plan', 'proposed', 'rejected');

-- TG_ARGV[0]: the entity name in app.status_transitions and in messages.
create or replace function app.enforce_status_transition() returns trigger
language plpgsql as $$
declare
  v_entity text := tg_argv[0];
  v_from text := case when tg_op = 'UPDATE' then old.status end;
begin
  if tg_op = 'UPDATE' and old.status = new.status then
    return new;
  end if;
  if not exists (select 1 from app.status_transitions t
                 where t.entity = v_entity and t.from_status is not distinct from v_from and t.to_status = new.status) then
    if v_from is null then
      perform app.fail('AP422', format('A new %s cannot start as %s.', replace(v_entity, '_', ' '), new.status));
    end if;
    perform app.fail('AP409', format('This %s is %s; it cannot become %s.', replace(v_entity, '_', ' '), v_from, new.status));
  end if;
  return new;
end
$$;

create table app.properties (
  id               text primary key default app.new_id('prop'),
  organization_id  text not null references app.organizations on delete cascade,
  name             text not null check (length(name) between 1 and 200),
  address_line1    text check (length(address_line1) <= 200),
  address_line2    text check (length(address_line2) <= 200),
  city             text check (length(city) <= 100),
  state            text check (length(state) <= 50),
  postal_code      text check (length(postal_code) <= 20),
  created_at       timestamptz not null default now(),
  unique (organization_id, id)
);

create table app.units (
  id                 text primary key default app.new_id('unit'),
  organization_id    text not null,
  property_id        text not null,
  label              text not null check (length(label) between 1 and 50),
  bedrooms           int check (bedrooms between 0 and 50),
  bathrooms          numeric(3, 1) check (bathrooms between 0 and 50),
  square_feet        int check (square_feet between 0 and 1000000),
  market_rent_cents  bigint check (market_rent_cents >= 0),
  created_at         timestamptz not null default now(),
  unique (organization_id, id),
  unique (property_id, label),
  foreign key (organization_id, property_id) references app.properties (organization_id, id) on delete restrict
);

create table app.tenants (
  id               text primary key default app.new_id('ten'),
  organization_id  text not null references app.organizations on delete cascade,
  name             text not null check (length(name) between 1 and 200),
  email            text check (email ~ '^[^@\s]+@[^@\s]+$'),
  phone            text check (length(phone) <= 40),
  -- a removed tenant stays for history (leases, payments); removal is the tenant.removed event
  removed_at       timestamptz,
  created_at       timestamptz not null default now(),
  unique (organization_id, id)
);

create table app.leases (
  id                 text primary key default app.new_id('l'),
  organization_id    text not null,
  unit_id            text not null,
  status             text not null default 'draft',
  rent_cents         bigint not null check (rent_cents >= 0),
  deposit_cents      bigint not null default 0 check (deposit_cents >= 0),
  -- day of the month rent is due; 1-28 so every month has it
  due_day            int not null default 1 check (due_day between 1 and 28),
  start_date         date not null,
  end_date           date check (end_date >= start_date),
  signed_at          timestamptz,
  terminated_at      timestamptz,
  termination_reason text check (length(termination_reason) <= 1000),
  created_at         timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, unit_id) references app.units (organization_id, id) on delete restrict,
  -- no two signed leases may cover the same day of one unit
  constraint leases_no_overlap exclude using gist (
    unit_id with =, daterange(start_date, end_date, '[]') with &&
  ) where (status = 'signed')
);
create trigger leases_status before insert or update of status on app.leases
for each row execute function app.enforce_status_transition('lease');

create table app.lease_tenants (
  organization_id  text not null,
  lease_id         text not null,
  tenant_id        text not null,
  primary key (lease_id, tenant_id),
  foreign key (organization_id, lease_id) references app.leases (organization_id, id) on delete cascade,
  foreign key (organization_id, tenant_id) references app.tenants (organization_id, id) on delete restrict
);
create index lease_tenants_tenant on app.lease_tenants (tenant_id);

-- One rent charge per lease per period.
create table app.payments (
  id               text primary key default app.new_id('p'),
  organization_id  text not null,
  lease_id         text not null,
  period_label     text not null check (period_label ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  due_date         date not null,
  amount_cents     bigint not null check (amount_cents >= 0),
  paid_cents       bigint not null default 0 check (paid_cents >= 0),
  status           text not null default 'open',
  paid_at          timestamptz,
  late_at          timestamptz,
  created_at       timestamptz not null default now(),
  unique (organization_id, id),
  unique (lease_id, period_label),
  foreign key (organization_id, lease_id) references app.leases (organization_id, id) on delete restrict,
  constraint payments_not_overpaid check (paid_cents <= amount_cents),
  constraint payments_paid_in_full check ((status = 'paid') = (paid_cents = amount_cents and paid_at is not null))
);
create trigger payments_status before insert or update of status on app.payments
for each row execute function app.enforce_status_transition('payment');
create index payments_unpaid on app.payments (organization_id, due_date) where status <> 'paid';
create index payments_lease on app.payments (lease_id, due_date);

-- Money received against a charge. Receipts are the history (A/R as of any date); the
-- charge's paid_cents, status and paid_at follow them, whoever inserts the receipt.
create table app.payment_receipts (
  id               text primary key default app.new_id('rcpt'),
  organization_id  text not null,
  payment_id       text not null,
  amount_cents     bigint not null check (amount_cents > 0),
  received_at      timestamptz not null default now(),
  method           text not null default 'other' check (method in ('ach', 'card', 'check', 'cash', 'other')),
  reference        text check (length(reference) <= 200),
  created_at       timestamptz not null default now(),
  foreign key (organization_id, payment_id) references app.payments (organization_id, id) on delete restrict
);
create index payment_receipts_payment on app.payment_receipts (payment_id, received_at);

create or replace function app.apply_payment_receipt() returns trigger
language plpgsql as $$
declare
  p app.payments;
begin
  select * into p from app.payments where id = new.payment_id for update;
  if p.status = 'paid' then
    perform app.fail('AP409', 'This charge is already paid in full.');
  end if;
  if p.paid_cents + new.amount_cents > p.amount_cents then
    perform app.fail('AP422', format('The amount exceeds the outstanding balance of %s USD.', app.usd(p.amount_cents - p.paid_cents)));
  end if;
  update app.payments set
    paid_cents = p.paid_cents + new.amount_cents,
    status = case when p.paid_cents + new.amount_cents = p.amount_cents then 'paid' else p.status end,
    paid_at = case when p.paid_cents + new.amount_cents = p.amount_cents then new.received_at end
  where id = new.payment_id;
  return new;
end
$$;
create trigger payment_receipts_apply after insert on app.payment_receipts
for each row execute function app.apply_payment_receipt();
-- receipts are history: corrections are new rows, not edits
create or replace function app.reject_change() returns trigger
language plpgsql as $$
begin
  perform app.fail('AP409', format('%s rows cannot be changed or deleted; record a correction instead.', tg_table_name));
  return null;
end
$$;
create trigger payment_receipts_immutable before update or delete on app.payment_receipts
for each row execute function app.reject_change();

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
  primary key (payment_plan_id, seq),
  check (paid_cents <= amount_cents)
);

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

-- Today in the organization's time zone.
create or replace function app.org_today(p_organization_id text) returns date
language sql stable as $$
  select (now() at time zone o.timezone)::date from app.organizations o where o.id = p_organization_id
$$;

-- Dollars from cents, as the API shows money: 1825 or 1825.5.
create or replace function app.usd(cents numeric) returns numeric
language sql immutable parallel safe as $$
  select trim_scale(cents / 100.0)
$$;

-- Instants as the API shows them: ISO 8601 in UTC with milliseconds.
create or replace function app.iso_instant(ts timestamptz) returns text
language sql immutable parallel safe as $$
  select to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- Cents from API dollars; more than two decimals is a bad request, not a silent rounding.
create or replace function app.cents(usd numeric) returns bigint
language plpgsql immutable as $$
begin
  if usd is null then
    return null;
  end if;
  if usd * 100 <> trunc(usd * 100) then
    perform app.fail('AP400', format('%s has more than two decimals; amounts are in dollars and cents.', usd));
  end if;
  return (usd * 100)::bigint;
end
$$;

-- The dashboard's headline numbers, in one statement. PL/pgSQL rather than SQL so the plan is
-- cached per connection (SQL-language functions are planned again on every call).
create or replace function app.dashboard(p_organization_id text) returns jsonb
language plpgsql stable as $$
begin
  return (
  with today as (select app.org_today(p_organization_id) as d),
  month as (select date_trunc('month', d)::date as first, (date_trunc('month', d) + interval '1 month')::date as next from today),
  units as (
    select count(*) as units,
           count(*) filter (where exists (
             select 1 from app.leases l, today
             where l.unit_id = u.id and l.status = 'signed' and l.start_date <= today.d
               and (l.end_date is null or l.end_date >= today.d))) as occupied
    from app.units u where u.organization_id = p_organization_id
  ),
  rent as (
    select coalesce(sum(p.amount_cents) filter (where p.due_date >= month.first and p.due_date < month.next), 0) as due,
           coalesce(sum(p.paid_cents) filter (where p.due_date >= month.first and p.due_date < month.next), 0) as collected,
           coalesce(sum(p.amount_cents - p.paid_cents) filter (where p.status <> 'paid' and p.due_date <= today.d), 0) as outstanding,
           count(*) filter (where p.status = 'late') as late
    from app.payments p, month, today
    where p.organization_id = p_organization_id
      and (p.status <> 'paid' or (p.due_date >= month.first and p.due_date < month.next))
  )
  select jsonb_build_object(
    'organization_id', p_organization_id,
    'as_of', today.d,
    'properties', (select count(*) from app.properties where organization_id = p_organization_id),
    'units', units.units,
    'occupied_units', units.occupied,
    'occupancy_rate', case when units.units = 0 then 0 else round(units.occupied::numeric / units.units, 4) end,
    'rent_due_this_month_usd', app.usd(rent.due),
    'rent_collected_this_month_usd', app.usd(rent.collected),
    'outstanding_balance_usd', app.usd(rent.outstanding),
    'late_payments', rent.late,
    'open_work_orders', (select count(*) from app.work_orders where organization_id = p_organization_id and status in ('open', 'assigned')),
    'leases_ending_in_60_days', (select count(*) from app.leases l where l.organization_id = p_organization_id
      and l.status = 'signed' and l.end_date between today.d and today.d + 60))
  from today, units, rent);
end
$$;
