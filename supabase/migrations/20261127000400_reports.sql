-- Reports: A/R aging and the dashboard, and the cache that serves them again without ever
-- being stale (why: docs/decisions/0002-never-stale-report-cache.md).
-- Rules: a cached report is kept with the snapshot it was computed under and served again only
-- while no change to its organization's data has committed outside that snapshot. Every writer
-- of a table a report reads logs its changes (app.organization_changes), by statement-level
-- trigger, whoever it is. A report is one statement inside PL/pgSQL, so its plan is kept.

-- (organization, writing transaction), once per transaction and organization.
create table app.organization_changes (
  organization_id  text not null,
  xid              xid8 not null,
  primary key (organization_id, xid)
);

-- Log entries below `pruned_below` are gone: a snapshot whose xmin is older cannot be checked
-- any more, so the reports computed under it are recomputed.
create table app.organization_changes_horizon (
  singleton  boolean primary key default true check (singleton),
  pruned_below xid8 not null
);
insert into app.organization_changes_horizon (pruned_below) values (pg_snapshot_xmin(pg_current_snapshot()));

-- Whether nothing of the organization changed outside `snapshot`, as the caller sees the data.
create function app.unchanged_since(p_organization_id text, p_snapshot pg_snapshot) returns boolean
language plpgsql stable as $$
begin
  return pg_snapshot_xmin(p_snapshot) >= (select pruned_below from app.organization_changes_horizon)
     and not exists (
       select 1 from app.organization_changes c
       where c.organization_id = p_organization_id and c.xid >= pg_snapshot_xmin(p_snapshot)
         and not pg_visible_in_snapshot(c.xid, p_snapshot));
end
$$;

-- Drops the log below the oldest running transaction. Any horizon at or below it is safe:
-- a report whose snapshot is older is recomputed (app.unchanged_since), never trusted.
create function app.prune_organization_changes() returns bigint
language plpgsql as $$
declare
  horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
  pruned bigint;
begin
  update app.organization_changes_horizon set pruned_below = greatest(pruned_below, horizon);
  delete from app.organization_changes where xid < horizon;
  get diagnostics pruned = row_count;
  return pruned;
end
$$;

-- Statement-level: one row per organization a statement touched, whatever its size. One
-- statement in a thousand also prunes the log, so it stays small without a scheduled job.
create function app.log_organization_changes() returns trigger
language plpgsql as $$
begin
  insert into app.organization_changes (organization_id, xid)
  select distinct c.organization_id, pg_current_xact_id() from changed c
  on conflict do nothing;
  if random() < 0.001 then
    perform app.prune_organization_changes();
  end if;
  return null;
end
$$;

create function app.log_organization_settings_changes() returns trigger
language plpgsql as $$
begin
  insert into app.organization_changes (organization_id, xid)
  select c.id, pg_current_xact_id() from changed c
  on conflict do nothing;
  return null;
end
$$;

-- What a cached report reads: every table behind app.ar_aging and app.dashboard.
do $$
declare
  t text;
begin
  foreach t in array array['properties', 'units', 'tenants', 'leases', 'lease_tenants', 'payments', 'payment_receipts', 'work_orders'] loop
    execute format('create trigger %1$s_log_insert after insert on app.%1$s referencing new table as changed
                    for each statement execute function app.log_organization_changes()', t);
    execute format('create trigger %1$s_log_update after update on app.%1$s referencing new table as changed
                    for each statement execute function app.log_organization_changes()', t);
    execute format('create trigger %1$s_log_delete after delete on app.%1$s referencing old table as changed
                    for each statement execute function app.log_organization_changes()', t);
  end loop;
end
$$;
-- the time zone decides "today"
create trigger organizations_log_update after update on app.organizations referencing new table as changed
for each statement execute function app.log_organization_settings_changes();

-- Unlogged: a crash of the database server empties the cache, which only costs recomputation.
create unlogged table app.report_cache (
  organization_id  text not null,
  report           text not null,
  params           text not null,
  snapshot         pg_snapshot not null,
  computed_at      timestamptz not null default now(),
  body             text,
  primary key (organization_id, report, params)
);

-- The cache's two halves, one per operation, for every cached report.

-- The cached body of `p_report` with `p_params`, if nothing it reads has changed since; else null.
create function app.report_from_cache(p_organization_id text, p_report text, p_params text) returns text
language plpgsql stable as $$
declare
  v_body text;
  v_snapshot pg_snapshot;
begin
  select c.body, c.snapshot into v_body, v_snapshot from app.report_cache c
  where c.organization_id = p_organization_id and c.report = p_report and c.params = p_params;
  if found and app.unchanged_since(p_organization_id, v_snapshot) then
    return v_body;
  end if;
  return null;
end
$$;

-- Keeps `p_body`, computed under `p_snapshot`. Entries a day old go when their organization
-- next stores one, so reports for past days do not pile up.
create function app.report_to_cache(p_organization_id text, p_report text, p_params text, p_snapshot pg_snapshot, p_body text)
returns void
language plpgsql as $$
begin
  delete from app.report_cache c where c.organization_id = p_organization_id and c.computed_at < now() - interval '1 day';
  insert into app.report_cache as c (organization_id, report, params, snapshot, body)
  values (p_organization_id, p_report, p_params, p_snapshot, p_body)
  on conflict (organization_id, report, params) do update set
    snapshot = excluded.snapshot, body = excluded.body, computed_at = now();
end
$$;

-- A/R aging, in one statement. A charge is outstanding at p_as_of when it was due on or
-- before that day and the money received on or before that day (in the organization's time
-- zone) is less than its amount; its remainder sits in the bucket of its own days late.
-- json, not jsonb: keys stay in the reference's order, and the text is what is served.
-- Returns null when p_property_id is given and is not the organization's.
--
-- PL/pgSQL around the single query so its plan is cached (a LANGUAGE sql function is planned
-- again on every call). Unpaid charges come from the partial index payments_unpaid; paid
-- charges count only when money arrived after as_of (a report for a past day), a branch a
-- one-time check skips entirely for today's report.
create function app.ar_aging(p_org text, p_as_of date default null, p_property_id text default null)
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
         then null else (
    -- built as text: row_to_json writes JSON as JSON.stringify does, without the spaces of
    -- json_build_object (`"k" : v`) and json_agg, as every other endpoint answers
    '{"rows":[' || coalesce((select string_agg(row_to_json(x)::text, ',' order by x.days_late desc, x.due_date, x.payment_id)
        from (select r.id as payment_id, r.tenant_name, r.property_name, r.unit_label, app.usd(r.cents) as amount,
                     r.due_date, r.days_late from report r) x), '')
    || '],"totals":' || (select row_to_json(t)::text from (select
        app.usd(coalesce(sum(r.cents) filter (where r.days_late <= 30), 0)) as "0-30",
        app.usd(coalesce(sum(r.cents) filter (where r.days_late between 31 and 60), 0)) as "31-60",
        app.usd(coalesce(sum(r.cents) filter (where r.days_late between 61 and 90), 0)) as "61-90",
        app.usd(coalesce(sum(r.cents) filter (where r.days_late > 90), 0)) as "90+",
        app.usd(coalesce(sum(r.cents), 0)) as total from report r) t)
    || '}')::json end
  from params);
end
$$;

-- The dashboard's headline numbers, in one statement. PL/pgSQL rather than SQL so the plan is
-- cached per connection (SQL-language functions are planned again on every call).
-- json from row_to_json: the text is what is served, written as JSON.stringify writes it.
create function app.dashboard(p_organization_id text) returns json
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
  select row_to_json(d) from (select
    p_organization_id as organization_id,
    today.d as as_of,
    (select count(*) from app.properties where organization_id = p_organization_id) as properties,
    units.units,
    units.occupied as occupied_units,
    -- trim_scale: a number as JSON.stringify writes it (0.875, not 0.8750)
    case when units.units = 0 then 0 else trim_scale(round(units.occupied::numeric / units.units, 4)) end as occupancy_rate,
    app.usd(rent.due) as rent_due_this_month_usd,
    app.usd(rent.collected) as rent_collected_this_month_usd,
    app.usd(rent.outstanding) as outstanding_balance_usd,
    rent.late as late_payments,
    (select count(*) from app.work_orders where organization_id = p_organization_id and status in ('open', 'assigned')) as open_work_orders,
    (select count(*) from app.leases l where l.organization_id = p_organization_id
      and l.status = 'signed' and l.end_date between today.d and today.d + 60) as leases_ending_in_60_days
  from today, units, rent) d);
end
$$;

-- app.ar_aging, from the cache when nothing it reads has changed. The cache is keyed by the
-- effective day, so "today" moves on at the organization's midnight.
create function app.ar_aging_cached(p_org text, p_as_of date default null, p_property_id text default null)
returns text
language plpgsql as $$
declare
  v_as_of date := coalesce(p_as_of, app.org_today(p_org));
  v_params text := v_as_of || ' ' || coalesce(p_property_id, '');
  v_body text := app.report_from_cache(p_org, 'ar_aging', v_params);
  v_snapshot pg_snapshot;
begin
  if v_body is not null then
    return v_body;
  end if;
  -- one statement: the report and the snapshot it read
  select app.ar_aging(p_org, v_as_of, p_property_id)::text, pg_current_snapshot() into v_body, v_snapshot;
  -- not cached: an unknown property (any well-formed id would make an entry)
  if v_body is not null then
    perform app.report_to_cache(p_org, 'ar_aging', v_params, v_snapshot, v_body);
  end if;
  return v_body;
end
$$;

-- app.dashboard, from the cache when nothing it reads has changed; keyed by the organization's
-- day, so "this month" and "in 60 days" move on at its midnight.
create function app.dashboard_cached(p_org text) returns text
language plpgsql as $$
declare
  v_today text := app.org_today(p_org)::text;
  v_body text := app.report_from_cache(p_org, 'dashboard', v_today);
  v_dashboard json;
  v_snapshot pg_snapshot;
begin
  if v_body is not null then
    return v_body;
  end if;
  select app.dashboard(p_org), pg_current_snapshot() into v_dashboard, v_snapshot;
  -- computed just after midnight for a day that has just begun: not kept under the day before
  if v_dashboard->>'as_of' = v_today then
    perform app.report_to_cache(p_org, 'dashboard', v_today, v_snapshot, v_dashboard::text);
  end if;
  return v_dashboard::text;
end
$$;
