-- The portfolio: properties, units, tenants, leases, rent charges and the money received
-- against them, and the SQL behind the properties, units, tenants, leases and payments
-- functions. Also the state machine every status column of the domain obeys.
-- Rules: every row carries its organization, and composite foreign keys keep every reference
-- inside one organization; money is bigint cents (the API shows dollars); allowed status
-- changes are rows of app.status_transitions, checked by trigger for every writer; receipts are
-- history (never changed), and a charge's paid amount and status follow them. An operation
-- that is more than one statement is one function (one round trip from the API), returning the
-- resource as the API shows it (jsonb: dollars, ISO dates and UTC instants).

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
create function app.enforce_status_transition() returns trigger
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

create function app.apply_payment_receipt() returns trigger
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
create function app.reject_change() returns trigger
language plpgsql as $$
begin
  perform app.fail('AP409', format('%s rows cannot be changed or deleted; record a correction instead.', tg_table_name));
  return null;
end
$$;
create trigger payment_receipts_immutable before update or delete on app.payment_receipts
for each row execute function app.reject_change();

-- Indexes for the lists' filters, each ending in id for the newest-first cursor.
create index units_property on app.units (property_id, id);
create index leases_unit on app.leases (unit_id, id);
create index leases_org_status on app.leases (organization_id, status, id);
create index payments_org_status on app.payments (organization_id, status, id);
create index payments_org_period on app.payments (organization_id, period_label, id);
create index payments_lease_id on app.payments (lease_id, id);
-- A/R as of a past date: charges paid with money received after it still count.
create index payment_receipts_org_received on app.payment_receipts (organization_id, received_at);
create index tenants_org_active on app.tenants (organization_id, id) where removed_at is null;

-- ---------------------------------------------------------------------------------------
-- Representations
-- Each resource's API shape is a view, app.api_<resource> (id, organization_id, the filter
-- columns, and `j`, the JSON), the one place that shape is written: lists and reads
-- (_shared/lists.ts) and the functions that write a record all select `j` from it. A view is
-- inlined where it is used, so a list builds JSON only for the rows of its page.
-- why: docs/decisions/0010-resource-views.md

create view app.api_properties as
  select p.id, p.organization_id,
  jsonb_build_object(
    'id', p.id, 'name', p.name, 'address_line1', p.address_line1, 'address_line2', p.address_line2,
    'city', p.city, 'state', p.state, 'postal_code', p.postal_code,
    'created_at', app.iso_instant(p.created_at)) as j
  from app.properties p;

create view app.api_units as
  select u.id, u.organization_id, u.property_id,
  jsonb_build_object(
    'id', u.id, 'property_id', u.property_id, 'label', u.label, 'bedrooms', u.bedrooms,
    'bathrooms', u.bathrooms, 'square_feet', u.square_feet, 'market_rent', app.usd(u.market_rent_cents),
    'created_at', app.iso_instant(u.created_at)) as j
  from app.units u;

create view app.api_tenants as
  select t.id, t.organization_id, t.removed_at,
  jsonb_build_object(
    'id', t.id, 'name', t.name, 'email', t.email, 'phone', t.phone,
    'removed_at', app.iso_instant(t.removed_at), 'created_at', app.iso_instant(t.created_at)) as j
  from app.tenants t;

create view app.api_leases as
  select l.id, l.organization_id, l.unit_id, u.property_id, l.status,
  jsonb_build_object(
    'id', l.id, 'unit_id', l.unit_id, 'property_id', u.property_id,
    'tenant_ids', coalesce((select jsonb_agg(lt.tenant_id order by lt.tenant_id) from app.lease_tenants lt where lt.lease_id = l.id), '[]'),
    'status', l.status, 'rent', app.usd(l.rent_cents), 'deposit', app.usd(l.deposit_cents), 'due_day', l.due_day,
    'start_date', l.start_date, 'end_date', l.end_date,
    'signed_at', app.iso_instant(l.signed_at), 'terminated_at', app.iso_instant(l.terminated_at),
    'termination_reason', l.termination_reason, 'created_at', app.iso_instant(l.created_at)) as j
  from app.leases l join app.units u on u.id = l.unit_id;

create view app.api_payments as
  select p.id, p.organization_id, p.lease_id, p.period_label, p.status,
  jsonb_build_object(
    'id', p.id, 'lease_id', p.lease_id, 'period_label', p.period_label, 'due_date', p.due_date,
    'amount', app.usd(p.amount_cents), 'paid_amount', app.usd(p.paid_cents),
    'balance', app.usd(p.amount_cents - p.paid_cents), 'status', p.status,
    'paid_at', app.iso_instant(p.paid_at), 'late_at', app.iso_instant(p.late_at),
    'created_at', app.iso_instant(p.created_at)) as j
  from app.payments p;

-- One charge as GET /api/payments/:id shows it: with the money received against it, oldest
-- first. Null when the organization has no such charge.
create function app.payment_detail(p_org text, p_id text) returns jsonb
language plpgsql stable as $$
begin
  return (
    select p.j || jsonb_build_object('receipts', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', r.id, 'amount', app.usd(r.amount_cents), 'received_at', app.iso_instant(r.received_at),
        'method', r.method, 'reference', r.reference, 'created_at', app.iso_instant(r.created_at))
        order by r.received_at, r.id)
      from app.payment_receipts r where r.payment_id = p.id), '[]'))
    from app.api_payments p
    where p.id = p_id and p.organization_id = p_org);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Properties

create function app.property_create(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  insert into app.properties (organization_id, name, address_line1, address_line2, city, state, postal_code)
  values (p_org, b->>'name', b->>'address_line1', b->>'address_line2', b->>'city', b->>'state', b->>'postal_code')
  returning id into v_id;
  return (select j from app.api_properties where id = v_id);
end
$$;

-- null when the property is absent or another organization's
create function app.property_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  update app.properties p set
    name          = case when b ? 'name' then b->>'name' else p.name end,
    address_line1 = case when b ? 'address_line1' then b->>'address_line1' else p.address_line1 end,
    address_line2 = case when b ? 'address_line2' then b->>'address_line2' else p.address_line2 end,
    city          = case when b ? 'city' then b->>'city' else p.city end,
    state         = case when b ? 'state' then b->>'state' else p.state end,
    postal_code   = case when b ? 'postal_code' then b->>'postal_code' else p.postal_code end
  where p.id = p_id and p.organization_id = p_org
  returning p.id into v_id;
  return (select j from app.api_properties where id = v_id);
end
$$;

create function app.property_delete(p_org text, p_id text) returns jsonb
language plpgsql as $$
declare
  n bigint;
begin
  perform 1 from app.properties where id = p_id and organization_id = p_org for update;
  if not found then
    perform app.fail('AP404', 'Property not found.');
  end if;
  select count(*) into n from app.units where property_id = p_id;
  if n > 0 then
    -- units cannot move between properties (no endpoint changes property_id): say what can be done
    perform app.fail('AP409', format('This property still has %s unit%s; delete %s first (DELETE /api/units/{id}). A unit cannot be moved to another property, and one with leases, work orders, inspections or applications cannot be deleted.',
      n, case when n > 1 then 's' end, case when n > 1 then 'them' else 'it' end));
  end if;
  begin
    delete from app.properties where id = p_id;
  exception when foreign_key_violation then
    perform app.fail('AP409', 'This property still has expenses or applications recorded against it; it cannot be deleted.');
  end;
  return jsonb_build_object('id', p_id, 'deleted', true);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Units

create function app.unit_create(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  if not exists (select 1 from app.properties where id = b->>'property_id' and organization_id = p_org) then
    perform app.fail('AP404', 'Property not found.');
  end if;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (p_org, b->>'property_id', b->>'label', (b->>'bedrooms')::int, (b->>'bathrooms')::numeric,
          (b->>'square_feet')::int, app.cents((b->>'market_rent')::numeric))
  returning id into v_id;
  return (select j from app.api_units where id = v_id);
exception when unique_violation then
  perform app.fail('AP409', format('This property already has a unit labelled %s.', b->>'label'));
end
$$;

create function app.unit_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  update app.units x set
    label             = case when b ? 'label' then b->>'label' else x.label end,
    bedrooms          = case when b ? 'bedrooms' then (b->>'bedrooms')::int else x.bedrooms end,
    bathrooms         = case when b ? 'bathrooms' then (b->>'bathrooms')::numeric else x.bathrooms end,
    square_feet       = case when b ? 'square_feet' then (b->>'square_feet')::int else x.square_feet end,
    market_rent_cents = case when b ? 'market_rent' then app.cents((b->>'market_rent')::numeric) else x.market_rent_cents end
  where x.id = p_id and x.organization_id = p_org
  returning x.id into v_id;
  if not found then
    perform app.fail('AP404', 'Unit not found.');
  end if;
  return (select j from app.api_units where id = v_id);
exception when unique_violation then
  perform app.fail('AP409', format('This property already has a unit labelled %s.', b->>'label'));
end
$$;

create function app.unit_delete(p_org text, p_id text) returns jsonb
language plpgsql as $$
declare
  n bigint;
begin
  perform 1 from app.units where id = p_id and organization_id = p_org for update;
  if not found then
    perform app.fail('AP404', 'Unit not found.');
  end if;
  select count(*) into n from app.leases where unit_id = p_id;
  if n > 0 then
    perform app.fail('AP409', format('This unit has %s lease%s; a unit with lease history cannot be deleted.', n, case when n > 1 then 's' end));
  end if;
  begin
    delete from app.units where id = p_id;
  exception when foreign_key_violation then
    perform app.fail('AP409', 'This unit still has work orders, inspections or applications; it cannot be deleted.');
  end;
  return jsonb_build_object('id', p_id, 'deleted', true);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Tenants

create function app.tenant_create(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  insert into app.tenants (organization_id, name, email, phone)
  values (p_org, b->>'name', b->>'email', b->>'phone')
  returning id into v_id;
  return (select j from app.api_tenants where id = v_id);
end
$$;

-- null when the tenant is absent or another organization's
create function app.tenant_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  v_id text;
begin
  update app.tenants t set
    name  = case when b ? 'name' then b->>'name' else t.name end,
    email = case when b ? 'email' then b->>'email' else t.email end,
    phone = case when b ? 'phone' then b->>'phone' else t.phone end
  where t.id = p_id and t.organization_id = p_org
  returning t.id into v_id;
  return (select j from app.api_tenants where id = v_id);
end
$$;

-- Removal keeps the row (leases and payments still name the tenant); it is one UPDATE of
-- removed_at, which the tenant.removed event observes.
create function app.tenant_remove(p_org text, p_id text) returns jsonb
language plpgsql as $$
declare
  t app.tenants;
begin
  select * into t from app.tenants where id = p_id and organization_id = p_org for update;
  if not found then
    perform app.fail('AP404', 'Tenant not found.');
  end if;
  if t.removed_at is not null then
    perform app.fail('AP409', format('This tenant was already removed at %s.', app.iso_instant(t.removed_at)));
  end if;
  update app.tenants set removed_at = now() where id = p_id;
  return (select j from app.api_tenants where id = p_id);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Leases

-- Checks that every tenant id is the organization's and not removed.
create function app.lease_check_tenants(p_org text, p_ids text[]) returns void
language plpgsql as $$
declare
  bad text;
begin
  select string_agg(x, ', ' order by x) into bad from unnest(p_ids) x
  where not exists (select 1 from app.tenants t where t.id = x and t.organization_id = p_org);
  if bad is not null then
    perform app.fail('AP404', format('Tenant not found: %s.', bad));
  end if;
  select string_agg(t.id, ', ' order by t.id) into bad from app.tenants t
  where t.id = any (p_ids) and t.organization_id = p_org and t.removed_at is not null;
  if bad is not null then
    perform app.fail('AP409', format('Removed tenants cannot join a lease: %s.', bad));
  end if;
end
$$;

create function app.lease_check_dates(p_start date, p_end date) returns void
language plpgsql immutable as $$
begin
  if p_end < p_start then
    perform app.fail('AP422', format('end_date (%s) is before start_date (%s).', p_end, p_start));
  end if;
end
$$;

create function app.lease_create(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  l app.leases;
  ids text[] := array(select distinct jsonb_array_elements_text(b->'tenant_ids'));
begin
  if not exists (select 1 from app.units where id = b->>'unit_id' and organization_id = p_org) then
    perform app.fail('AP404', 'Unit not found.');
  end if;
  perform app.lease_check_tenants(p_org, ids);
  perform app.lease_check_dates((b->>'start_date')::date, (b->>'end_date')::date);
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (p_org, b->>'unit_id', app.cents((b->>'rent')::numeric), coalesce(app.cents((b->>'deposit')::numeric), 0),
          coalesce((b->>'due_day')::int, 1), (b->>'start_date')::date, (b->>'end_date')::date)
  returning * into l;
  insert into app.lease_tenants (organization_id, lease_id, tenant_id) select p_org, l.id, x from unnest(ids) x;
  return (select j from app.api_leases where id = l.id);
end
$$;

create function app.lease_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  l app.leases;
  ids text[];
begin
  select * into l from app.leases where id = p_id and organization_id = p_org for update;
  if not found then
    perform app.fail('AP404', 'Lease not found.');
  end if;
  if l.status <> 'draft' then
    perform app.fail('AP409', format('This lease is %s; only a draft lease can be changed.', l.status));
  end if;
  if b ? 'unit_id' and not exists (select 1 from app.units where id = b->>'unit_id' and organization_id = p_org) then
    perform app.fail('AP404', 'Unit not found.');
  end if;
  update app.leases x set
    unit_id       = case when b ? 'unit_id' then b->>'unit_id' else x.unit_id end,
    rent_cents    = case when b ? 'rent' then app.cents((b->>'rent')::numeric) else x.rent_cents end,
    deposit_cents = case when b ? 'deposit' then app.cents((b->>'deposit')::numeric) else x.deposit_cents end,
    due_day       = case when b ? 'due_day' then (b->>'due_day')::int else x.due_day end,
    start_date    = case when b ? 'start_date' then (b->>'start_date')::date else x.start_date end,
    end_date      = case when b ? 'end_date' then (b->>'end_date')::date else x.end_date end
  where x.id = p_id
  returning * into l;
  perform app.lease_check_dates(l.start_date, l.end_date);
  if b ? 'tenant_ids' then
    ids := array(select distinct jsonb_array_elements_text(b->'tenant_ids'));
    perform app.lease_check_tenants(p_org, ids);
    delete from app.lease_tenants where lease_id = p_id and tenant_id <> all (ids);
    insert into app.lease_tenants (organization_id, lease_id, tenant_id)
    select p_org, p_id, x from unnest(ids) x on conflict do nothing;
  end if;
  return (select j from app.api_leases where id = p_id);
end
$$;

create function app.lease_sign(p_org text, p_id text) returns jsonb
language plpgsql as $$
declare
  l app.leases;
  other app.leases;
begin
  select * into l from app.leases where id = p_id and organization_id = p_org for update;
  if not found then
    perform app.fail('AP404', 'Lease not found.');
  end if;
  if l.status <> 'draft' then
    perform app.fail('AP409', format('This lease is already %s; only a draft lease can be signed.', l.status));
  end if;
  begin
    update app.leases set status = 'signed', signed_at = now() where id = p_id returning * into l;
  exception when exclusion_violation then
    select o.* into other from app.leases o
    where o.unit_id = l.unit_id and o.status = 'signed' and o.id <> l.id
      and daterange(o.start_date, o.end_date, '[]') && daterange(l.start_date, l.end_date, '[]')
    order by o.start_date limit 1;
    perform app.fail('AP409', format(
      'Unit %s already has a signed lease %s from %s to %s that overlaps %s to %s; terminate it or change these dates first.',
      (select label from app.units where id = l.unit_id), other.id, other.start_date,
      coalesce(other.end_date::text, 'open-ended'), l.start_date, coalesce(l.end_date::text, 'open-ended')));
  end;
  return (select j from app.api_leases where id = p_id);
end
$$;

-- Termination ends the lease on the effective date: end_date becomes that date, and open
-- charges for months that start after it, with nothing received, are withdrawn.
create function app.lease_terminate(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  l app.leases;
  effective date;
begin
  select * into l from app.leases where id = p_id and organization_id = p_org for update;
  if not found then
    perform app.fail('AP404', 'Lease not found.');
  end if;
  if l.status <> 'signed' then
    perform app.fail('AP409', format('This lease is %s; only a signed lease can be terminated.', l.status));
  end if;
  effective := coalesce((b->>'effective_date')::date, app.org_today(p_org));
  if effective < l.start_date then
    perform app.fail('AP422', format('effective_date (%s) is before the lease starts (%s).', effective, l.start_date));
  end if;
  if effective > l.end_date then
    perform app.fail('AP422', format('effective_date (%s) is after the lease ends (%s).', effective, l.end_date));
  end if;
  update app.leases set status = 'terminated', terminated_at = now(), termination_reason = b->>'reason', end_date = effective
  where id = p_id;
  delete from app.payments p
  where p.lease_id = p_id and p.paid_cents = 0 and p.status <> 'paid'
    and to_date(p.period_label || '-01', 'YYYY-MM-DD') > effective
    and not exists (select 1 from app.payment_receipts r where r.payment_id = p.id);
  return (select j from app.api_leases where id = p_id);
end
$$;

-- One charge per lease per month from p_from to p_to (YYYY-MM) for every month a signed (or
-- since terminated) lease covers at least one day of; due on the lease's due day. Charges
-- that exist already are left alone, so running it twice creates nothing new.
create function app.generate_rent_charges(p_org text, p_from text, p_to text, p_lease_id text default null)
returns jsonb
language plpgsql as $$
declare
  first_month date := to_date(p_from || '-01', 'YYYY-MM-DD');
  last_month date := to_date(p_to || '-01', 'YYYY-MM-DD');
  v_lease app.leases;
  result jsonb;
begin
  if last_month < first_month then
    perform app.fail('AP400', format('to (%s) is before from (%s).', p_to, p_from));
  end if;
  if last_month >= first_month + interval '36 months' then
    perform app.fail('AP400', 'A range covers at most 36 months.');
  end if;
  if p_lease_id is not null then
    select * into v_lease from app.leases where id = p_lease_id and organization_id = p_org;
    if not found then
      perform app.fail('AP404', 'Lease not found.');
    end if;
    if v_lease.status = 'draft' then
      perform app.fail('AP409', 'This lease is a draft; rent is charged on signed leases only.');
    end if;
  end if;
  with due as (
    select l.id as lease_id, to_char(m, 'YYYY-MM') as period_label,
           make_date(extract(year from m)::int, extract(month from m)::int, l.due_day) as due_date, l.rent_cents
    from app.leases l
    cross join generate_series(first_month, last_month, interval '1 month') m
    where l.organization_id = p_org and l.status in ('signed', 'terminated')
      and (p_lease_id is null or l.id = p_lease_id)
      and l.start_date < m + interval '1 month' and (l.end_date is null or l.end_date >= m)
  ),
  created as (
    insert into app.payments (organization_id, lease_id, period_label, due_date, amount_cents)
    select p_org, lease_id, period_label, due_date, rent_cents from due
    on conflict (lease_id, period_label) do nothing
    returning 1
  )
  select jsonb_build_object('from', p_from, 'to', p_to,
    'leases', (select count(distinct lease_id) from due),
    'created', (select count(*) from created),
    'existing', (select count(*) from due) - (select count(*) from created))
  into result;
  return result;
end
$$;

-- Open charges more than the organization's grace days past due become late (rent.late).
create function app.mark_late_payments(p_org text default null) returns int
language sql as $$
  with marked as (
    update app.payments p set status = 'late', late_at = now()
    from app.organizations o
    where o.id = p.organization_id and (p_org is null or o.id = p_org) and p.status = 'open'
      and p.due_date + o.late_grace_days < (now() at time zone o.timezone)::date
    returning 1
  )
  select count(*)::int from marked
$$;

-- ---------------------------------------------------------------------------------------
-- Payments

create function app.payment_record(p_org text, p_payment_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  received timestamptz := coalesce((b->>'received_at')::timestamptz, now());
begin
  if not exists (select 1 from app.payments where id = p_payment_id and organization_id = p_org) then
    perform app.fail('AP404', 'Payment not found.');
  end if;
  if received > now() + interval '5 minutes' then
    perform app.fail('AP422', 'received_at is in the future; record money when it has been received.');
  end if;
  -- app.apply_payment_receipt locks the charge and refuses overpayment (422) and paid charges (409)
  insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at, method, reference)
  values (p_org, p_payment_id, app.cents((b->>'amount')::numeric), received, coalesce(b->>'method', 'other'), b->>'reference');
  return app.payment_detail(p_org, p_payment_id);
end
$$;

