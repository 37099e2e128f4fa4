-- One pattern for every resource: its API shape is a view, app.api_<resource> (id,
-- organization_id, the filter columns, and `j`, the JSON), the one place that shape is written.
-- Lists (_shared/lists.ts), reads and the functions that write a record all select `j` from it.
-- A view is inlined into the query using it, so a list builds JSON only for the rows of its
-- page (PostgreSQL puts off costly output columns until after ORDER BY ... LIMIT); the
-- app.<resource>_json(row) functions these views replace were not inlined when they had
-- subqueries (leases, payments with receipts) and cost a plan and an executor start per row.
-- `BENCH_ONLY=lists npm run bench` measures both in one process: a page of 50 leases is served
-- about twice as fast from the view, properties and units alike or a little faster.

-- ─── lists ────────────────────────────────────────────────────────────────────────────────

-- Checks that a record a filter names (by kind) belongs to the organization; otherwise 404
-- naming the kind, as for an id that does not exist. Called inside a list's statement.
create or replace function app.ops_require(p_organization_id text, p_kind text, p_id text) returns void
language plpgsql stable as $$
begin
  if p_id is null then
    return;
  end if;
  -- parenthesized: IF reads its condition up to the first THEN outside parentheses
  if not (case p_kind
    when 'Unit' then exists (select 1 from app.units where id = p_id and organization_id = p_organization_id)
    when 'Property' then exists (select 1 from app.properties where id = p_id and organization_id = p_organization_id)
    when 'Vendor' then exists (select 1 from app.vendors where id = p_id and organization_id = p_organization_id)
    when 'Lease' then exists (select 1 from app.leases where id = p_id and organization_id = p_organization_id)
    when 'Webhook endpoint' then exists (select 1 from app.webhook_endpoints where id = p_id and organization_id = p_organization_id)
  end) then
    perform app.fail('AP404', p_kind || ' not found.');
  end if;
end
$$;

-- ─── properties ────────────────────────────────────────────────────────────────────────────

create or replace view app.api_properties as
  select p.id, p.organization_id,
  jsonb_build_object(
    'id', p.id, 'name', p.name, 'address_line1', p.address_line1, 'address_line2', p.address_line2,
    'city', p.city, 'state', p.state, 'postal_code', p.postal_code,
    'created_at', app.iso_instant(p.created_at)) as j
  from app.properties p;

create or replace function app.property_create(p_org text, b jsonb) returns jsonb
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
create or replace function app.property_update(p_org text, p_id text, b jsonb) returns jsonb
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

drop function if exists app.property_json(app.properties);

-- ─── units ─────────────────────────────────────────────────────────────────────────────────

create or replace view app.api_units as
  select u.id, u.organization_id, u.property_id,
  jsonb_build_object(
    'id', u.id, 'property_id', u.property_id, 'label', u.label, 'bedrooms', u.bedrooms,
    'bathrooms', u.bathrooms, 'square_feet', u.square_feet, 'market_rent', app.usd(u.market_rent_cents),
    'created_at', app.iso_instant(u.created_at)) as j
  from app.units u;

create or replace function app.unit_create(p_org text, b jsonb) returns jsonb
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

create or replace function app.unit_update(p_org text, p_id text, b jsonb) returns jsonb
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

drop function if exists app.unit_json(app.units);

-- ─── tenants ───────────────────────────────────────────────────────────────────────────────

create or replace view app.api_tenants as
  select t.id, t.organization_id, t.removed_at,
  jsonb_build_object(
    'id', t.id, 'name', t.name, 'email', t.email, 'phone', t.phone,
    'removed_at', app.iso_instant(t.removed_at), 'created_at', app.iso_instant(t.created_at)) as j
  from app.tenants t;

create or replace function app.tenant_create(p_org text, b jsonb) returns jsonb
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
create or replace function app.tenant_update(p_org text, p_id text, b jsonb) returns jsonb
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
  update app.tenants set removed_at = now() where id = p_id;
  return (select j from app.api_tenants where id = p_id);
end
$$;

drop function if exists app.tenant_json(app.tenants);

-- ─── leases ────────────────────────────────────────────────────────────────────────────────

create or replace view app.api_leases as
  select l.id, l.organization_id, l.unit_id, u.property_id, l.status,
  jsonb_build_object(
    'id', l.id, 'unit_id', l.unit_id, 'property_id', u.property_id,
    'tenant_ids', coalesce((select jsonb_agg(lt.tenant_id order by lt.tenant_id) from app.lease_tenants lt where lt.lease_id = l.id), '[]'),
    'status', l.status, 'rent', app.usd(l.rent_cents), 'deposit', app.usd(l.deposit_cents), 'due_day', l.due_day,
    'start_date', l.start_date, 'end_date', l.end_date,
    'signed_at', app.iso_instant(l.signed_at), 'terminated_at', app.iso_instant(l.terminated_at),
    'termination_reason', l.termination_reason, 'created_at', app.iso_instant(l.created_at)) as j
  from app.leases l join app.units u on u.id = l.unit_id;

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
  return (select j from app.api_leases where id = l.id);
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
  return (select j from app.api_leases where id = p_id);
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
  return (select j from app.api_leases where id = p_id);
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
  where id = p_id;
  delete from app.payments p
  where p.lease_id = p_id and p.paid_cents = 0 and p.status <> 'paid'
    and to_date(p.period_label || '-01', 'YYYY-MM-DD') > effective
    and not exists (select 1 from app.payment_receipts r where r.payment_id = p.id);
  return (select j from app.api_leases where id = p_id);
end
$$;

drop function if exists app.lease_json(app.leases);

-- ─── payments ──────────────────────────────────────────────────────────────────────────────

create or replace view app.api_payments as
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
create or replace function app.payment_detail(p_org text, p_id text) returns jsonb
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

create or replace function app.payment_record(p_org text, p_payment_id text, b jsonb) returns jsonb
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

drop function if exists app.payment_with_receipts_json(app.payments);
drop function if exists app.payment_json(app.payments);

-- ─── expenses ──────────────────────────────────────────────────────────────────────────────

create or replace view app.api_expenses as
  select e.id, e.organization_id, e.property_id, e.category_id, e.paid_on,
  jsonb_build_object(
    'id', e.id, 'property_id', e.property_id, 'category_id', e.category_id, 'label', e.label,
    'amount_usd', app.usd(e.amount_cents), 'paid_on', e.paid_on, 'vendor', e.vendor, 'vendor_id', e.vendor_id,
    'created_at', app.iso_instant(e.created_at)) as j
  from app.expenses e;

create or replace function app.expense_add(p_org text, b jsonb) returns jsonb
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

create or replace function app.expense_update(p_org text, p_id text, b jsonb) returns jsonb
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

drop function if exists app.expense_json(app.expenses);

-- ─── API keys and webhooks ────────────────────────────────────────────────────────────────
-- Their shape stays in app.api_key_json, app.webhook_endpoint_json and app.webhook_delivery_json,
-- which their own write functions return; the views give their lists the same form as the others.

create or replace view app.api_api_keys as
  select k.id, k.organization_id, app.api_key_json(k) as j
  from app.api_keys k;

create or replace view app.api_webhook_endpoints as
  select e.id, e.organization_id, app.webhook_endpoint_json(e) as j
  from app.webhook_endpoints e;

-- an endpoint's deliveries, each with its 10 latest attempts
create or replace view app.api_webhook_deliveries as
  select d.id, d.organization_id, d.endpoint_id, d.status, app.webhook_delivery_json(d, 10) as j
  from app.webhook_deliveries d;
