-- Portfolio operations: the SQL behind the properties, units, tenants, leases, payments,
-- ar-aging and expenses functions. Each operation that is more than one statement is one
-- function here (one round trip from the API), returning the resource as the API shows it
-- (jsonb: dollars, ISO dates and UTC instants).

-- Indexes for the lists' filters, each ending in id for the newest-first cursor.
create index if not exists units_property on app.units (property_id, id);
create index if not exists leases_unit on app.leases (unit_id, id);
create index if not exists leases_org_status on app.leases (organization_id, status, id);
create index if not exists payments_org_status on app.payments (organization_id, status, id);
create index if not exists payments_org_period on app.payments (organization_id, period_label, id);
create index if not exists payments_lease_id on app.payments (lease_id, id);
-- A/R as of a past date: charges paid with money received after it still count.
create index if not exists payment_receipts_org_received on app.payment_receipts (organization_id, received_at);
create index if not exists tenants_org_active on app.tenants (organization_id, id) where removed_at is null;
create index if not exists expenses_org_category on app.expenses (organization_id, category_id, paid_on);
create index if not exists expenses_org_paid_on on app.expenses (organization_id, paid_on);

-- ---------------------------------------------------------------------------------------
-- Representations

create or replace function app.property_json(p app.properties) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', p.id, 'name', p.name, 'address_line1', p.address_line1, 'address_line2', p.address_line2,
    'city', p.city, 'state', p.state, 'postal_code', p.postal_code,
    'created_at', app.iso_instant(p.created_at))
$$;

create or replace function app.unit_json(u app.units) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', u.id, 'property_id', u.property_id, 'label', u.label, 'bedrooms', u.bedrooms,
    'bathrooms', u.bathrooms, 'square_feet', u.square_feet, 'market_rent', app.usd(u.market_rent_cents),
    'created_at', app.iso_instant(u.created_at))
$$;

create or replace function app.tenant_json(t app.tenants) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', t.id, 'name', t.name, 'email', t.email, 'phone', t.phone,
    'removed_at', app.iso_instant(t.removed_at), 'created_at', app.iso_instant(t.created_at))
$$;

create or replace function app.lease_json(l app.leases) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', l.id, 'unit_id', l.unit_id,
    'property_id', (select u.property_id from app.units u where u.id = l.unit_id),
    'tenant_ids', coalesce((select jsonb_agg(lt.tenant_id order by lt.tenant_id) from app.lease_tenants lt where lt.lease_id = l.id), '[]'),
    'status', l.status, 'rent', app.usd(l.rent_cents), 'deposit', app.usd(l.deposit_cents), 'due_day', l.due_day,
    'start_date', l.start_date, 'end_date', l.end_date,
    'signed_at', app.iso_instant(l.signed_at), 'terminated_at', app.iso_instant(l.terminated_at),
    'termination_reason', l.termination_reason, 'created_at', app.iso_instant(l.created_at))
$$;

create or replace function app.payment_json(p app.payments) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', p.id, 'lease_id', p.lease_id, 'period_label', p.period_label, 'due_date', p.due_date,
    'amount', app.usd(p.amount_cents), 'paid_amount', app.usd(p.paid_cents),
    'balance', app.usd(p.amount_cents - p.paid_cents), 'status', p.status,
    'paid_at', app.iso_instant(p.paid_at), 'late_at', app.iso_instant(p.late_at),
    'created_at', app.iso_instant(p.created_at))
$$;

create or replace function app.payment_with_receipts_json(p app.payments) returns jsonb
language sql stable as $$
  select app.payment_json(p) || jsonb_build_object('receipts', coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', r.id, 'amount', app.usd(r.amount_cents), 'received_at', app.iso_instant(r.received_at),
      'method', r.method, 'reference', r.reference, 'created_at', app.iso_instant(r.created_at))
      order by r.received_at, r.id)
    from app.payment_receipts r where r.payment_id = p.id), '[]'))
$$;

create or replace function app.expense_json(e app.expenses) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', e.id, 'property_id', e.property_id, 'category_id', e.category_id, 'label', e.label,
    'amount_usd', app.usd(e.amount_cents), 'paid_on', e.paid_on, 'vendor', e.vendor, 'vendor_id', e.vendor_id,
    'created_at', app.iso_instant(e.created_at))
$$;

-- ---------------------------------------------------------------------------------------
-- Properties

create or replace function app.property_create(p_org text, b jsonb) returns jsonb
language sql as $$
  insert into app.properties as p (organization_id, name, address_line1, address_line2, city, state, postal_code)
  values (p_org, b->>'name', b->>'address_line1', b->>'address_line2', b->>'city', b->>'state', b->>'postal_code')
  returning app.property_json(p)
$$;

-- null when the property is absent or another organization's
create or replace function app.property_update(p_org text, p_id text, b jsonb) returns jsonb
language sql as $$
  update app.properties p set
    name          = case when b ? 'name' then b->>'name' else p.name end,
    address_line1 = case when b ? 'address_line1' then b->>'address_line1' else p.address_line1 end,
    address_line2 = case when b ? 'address_line2' then b->>'address_line2' else p.address_line2 end,
    city          = case when b ? 'city' then b->>'city' else p.city end,
    state         = case when b ? 'state' then b->>'state' else p.state end,
    postal_code   = case when b ? 'postal_code' then b->>'postal_code' else p.postal_code end
  where p.id = p_id and p.organization_id = p_org
  returning app.property_json(p)
$$;

create or replace function app.property_delete(p_org text, p_id text) returns jsonb
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
    perform app.fail('AP409', format('This property still has %s unit%s; delete or move them first.', n, case when n > 1 then 's' end));
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

create or replace function app.unit_create(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  u app.units;
begin
  if not exists (select 1 from app.properties where id = b->>'property_id' and organization_id = p_org) then
    perform app.fail('AP404', 'Property not found.');
  end if;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (p_org, b->>'property_id', b->>'label', (b->>'bedrooms')::int, (b->>'bathrooms')::numeric,
          (b->>'square_feet')::int, app.cents((b->>'market_rent')::numeric))
  returning * into u;
  return app.unit_json(u);
exception when unique_violation then
  perform app.fail('AP409', format('This property already has a unit labelled %s.', b->>'label'));
end
$$;

create or replace function app.unit_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  u app.units;
begin
  update app.units x set
    label             = case when b ? 'label' then b->>'label' else x.label end,
    bedrooms          = case when b ? 'bedrooms' then (b->>'bedrooms')::int else x.bedrooms end,
    bathrooms         = case when b ? 'bathrooms' then (b->>'bathrooms')::numeric else x.bathrooms end,
    square_feet       = case when b ? 'square_feet' then (b->>'square_feet')::int else x.square_feet end,
    market_rent_cents = case when b ? 'market_rent' then app.cents((b->>'market_rent')::numeric) else x.market_rent_cents end
  where x.id = p_id and x.organization_id = p_org
  returning * into u;
  if not found then
    perform app.fail('AP404', 'Unit not found.');
  end if;
  return app.unit_json(u);
exception when unique_violation then
  perform app.fail('AP409', format('This property already has a unit labelled %s.', b->>'label'));
end
$$;

create or replace function app.unit_delete(p_org text, p_id text) returns jsonb
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

create or replace function app.tenant_create(p_org text, b jsonb) returns jsonb
language sql as $$
  insert into app.tenants as t (organization_id, name, email, phone)
  values (p_org, b->>'name', b->>'email', b->>'phone')
  returning app.tenant_json(t)
$$;

create or replace function app.tenant_update(p_org text, p_id text, b jsonb) returns jsonb
language sql as $$
  update app.tenants t set
    name  = case when b ? 'name' then b->>'name' else t.name end,
    email = case when b ? 'email' then b->>'email' else t.email end,
    phone = case when b ? 'phone' then b->>'phone' else t.phone end
  where t.id = p_id and t.organization_id = p_org
  returning app.tenant_json(t)
$$;

-- Removal keeps the row (leases and payments still name the tenant); it is one UPDATE of
-- removed_at, which the tenant.removed event observes.
create or replace function app.tenant_remove(p_org text, p_id text) returns jsonb
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
  update app.tenants set removed_at = now() where id = p_id returning * into t;
  return app.tenant_json(t);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Leases

-- Checks that every tenant id is the organization's and not removed.
create or replace function app.lease_check_tenants(p_org text, p_ids text[]) returns void
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

create or replace function app.lease_check_dates(p_start date, p_end date) returns void
language plpgsql immutable as $$
begin
  if p_end < p_start then
    perform app.fail('AP422', format('end_date (%s) is before start_date (%s).', p_end, p_start));
  end if;
end
$$;

create or replace function app.lease_create(p_org text, b jsonb) returns jsonb
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
  return app.lease_json(l);
end
$$;

create or replace function app.lease_update(p_org text, p_id text, b jsonb) returns jsonb
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
  return app.lease_json(l);
end
$$;

create or replace function app.lease_sign(p_org text, p_id text) returns jsonb
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
  return app.lease_json(l);
end
$$;

-- Termination ends the lease on the effective date: end_date becomes that date, and open
-- charges for months that start after it, with nothing received, are withdrawn.
create or replace function app.lease_terminate(p_org text, p_id text, b jsonb) returns jsonb
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
  where id = p_id returning * into l;
  delete from app.payments p
  where p.lease_id = p_id and p.paid_cents = 0 and p.status <> 'paid'
    and to_date(p.period_label || '-01', 'YYYY-MM-DD') > effective
    and not exists (select 1 from app.payment_receipts r where r.payment_id = p.id);
  return app.lease_json(l);
end
$$;

-- One charge per lease per month from p_from to p_to (YYYY-MM) for every month a signed (or
-- since terminated) lease covers at least one day of; due on the lease's due day. Charges
-- that exist already are left alone, so running it twice creates nothing new.
create or replace function app.generate_rent_charges(p_org text, p_from text, p_to text, p_lease_id text default null)
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
create or replace function app.mark_late_payments(p_org text default null) returns int
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

create or replace function app.payment_record(p_org text, p_payment_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  p app.payments;
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
  select * into p from app.payments where id = p_payment_id;
  return app.payment_with_receipts_json(p);
end
$$;

-- ---------------------------------------------------------------------------------------
-- A/R aging, in one statement. A charge is outstanding at p_as_of when it was due on or
-- before that day and the money received on or before that day (in the organization's time
-- zone) is less than its amount; its remainder sits in the bucket of its own days late.
-- json, not jsonb: keys stay in the reference's order. Returns null when p_property_id is
-- given and is not the organization's.
--
-- PL/pgSQL around the single query so its plan is cached (a LANGUAGE sql function is planned
-- again on every call). Unpaid charges come from the partial index payments_unpaid; paid
-- charges count only when money arrived after as_of (a report for a past day), a branch a
-- one-time check skips entirely for today's report.
create or replace function app.ar_aging(p_org text, p_as_of date default null, p_property_id text default null)
returns json
language plpgsql stable as $$
begin
  return (
  with params as materialized (
    select d as as_of,
           -- the first instant after the as-of day ends, in the organization's time zone
           (d + 1)::timestamp at time zone o.timezone as cutoff
    from app.organizations o, coalesce(p_as_of, (now() at time zone o.timezone)::date) d
    where o.id = p_org
  ),
  candidates as (
    select p.id, p.lease_id, p.due_date, p.amount_cents, p.paid_cents
    from app.payments p
    where p.organization_id = p_org and p.status <> 'paid' and p.due_date <= (select as_of from params)
    union all
    -- by receipt time, not paid_at: receipts may be recorded out of order
    select p.id, p.lease_id, p.due_date, p.amount_cents, p.paid_cents
    from (select distinct r.payment_id from app.payment_receipts r
          where r.organization_id = p_org and r.received_at >= (select cutoff from params)) later
    cross join lateral (select * from app.payments x where x.id = later.payment_id and x.organization_id = p_org offset 0) p
    where p.status = 'paid' and p.due_date <= (select as_of from params)
      -- max() is one step down payment_receipts_org_received; false for today's report
      and (select max(r.received_at) from app.payment_receipts r where r.organization_id = p_org) >= (select cutoff from params)
  ),
  owed as (
    select c.id, c.lease_id, c.due_date, (select as_of from params) - c.due_date as days_late, c.cents
    from (select c.*, c.amount_cents - case when c.paid_cents = 0 then 0 else coalesce((
                 select sum(r.amount_cents) from app.payment_receipts r
                 where r.payment_id = c.id and r.received_at < (select cutoff from params)), 0)::bigint end as cents
          from candidates c offset 0) c
    where c.cents > 0
  ),
  -- names once per lease (a delinquent lease often owes several months), by primary key:
  -- a few hundred lookups beat hashing every unit of the portfolio
  places as materialized (
    select o.lease_id, place.*,
           (select string_agg(t.name, ', ' order by t.name, t.id)
            from app.lease_tenants lt join app.tenants t on t.id = lt.tenant_id
            where lt.lease_id = o.lease_id) as tenant_name
    from (select distinct lease_id from owed) o
    cross join lateral (
      select u.property_id, u.label as unit_label, pr.name as property_name
      from app.leases l join app.units u on u.id = l.unit_id join app.properties pr on pr.id = u.property_id
      where l.id = o.lease_id offset 0) place
  ),
  report as (
    select o.*, p.tenant_name, p.property_name, p.unit_label
    from owed o join places p using (lease_id)
    where p_property_id is null or p.property_id = p_property_id
  )
  select case when p_property_id is not null
              and not exists (select 1 from app.properties where id = p_property_id and organization_id = p_org)
         then null else json_build_object(
    'rows', coalesce((select json_agg(json_build_object(
        'payment_id', r.id, 'tenant_name', r.tenant_name, 'property_name', r.property_name,
        'unit_label', r.unit_label, 'amount', app.usd(r.cents), 'due_date', r.due_date, 'days_late', r.days_late)
        order by r.days_late desc, r.due_date, r.id) from report r), '[]'::json),
    'totals', (select json_build_object(
        '0-30', app.usd(coalesce(sum(r.cents) filter (where r.days_late <= 30), 0)),
        '31-60', app.usd(coalesce(sum(r.cents) filter (where r.days_late between 31 and 60), 0)),
        '61-90', app.usd(coalesce(sum(r.cents) filter (where r.days_late between 61 and 90), 0)),
        '90+', app.usd(coalesce(sum(r.cents) filter (where r.days_late > 90), 0)),
        'total', app.usd(coalesce(sum(r.cents), 0))) from report r)) end
  from params);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Expenses

create or replace function app.expense_check_refs(p_org text, b jsonb) returns void
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

create or replace function app.expense_add(p_org text, b jsonb) returns jsonb
language plpgsql as $$
declare
  e app.expenses;
begin
  perform app.expense_check_refs(p_org, b);
  insert into app.expenses (organization_id, property_id, category_id, label, amount_cents, paid_on, vendor, vendor_id)
  values (p_org, b->>'property_id', b->>'category_id', b->>'label', app.cents((b->>'amount_usd')::numeric),
          (b->>'paid_on')::date, b->>'vendor', b->>'vendor_id')
  returning * into e;
  return app.expense_json(e);
end
$$;

create or replace function app.expense_update(p_org text, p_id text, b jsonb) returns jsonb
language plpgsql as $$
declare
  e app.expenses;
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
  where x.id = p_id
  returning * into e;
  return app.expense_json(e);
end
$$;

create or replace function app.expense_delete(p_org text, p_id text) returns jsonb
language sql as $$
  with gone as (delete from app.expenses where id = p_id and organization_id = p_org returning id)
  select jsonb_build_object('id', id, 'deleted', true) from gone
$$;

-- Schedule E, Part I: per property, the year's total for each category line that has
-- entries, plus the portfolio's totals per line. json keeps the keys in the order written.
create or replace function app.expense_summary(p_org text, p_year int, p_property_id text default null) returns json
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
