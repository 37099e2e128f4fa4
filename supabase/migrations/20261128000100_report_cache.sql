-- Cached reports that are never stale. A report is kept with the snapshot it was computed
-- under; it is served again only while no change to its organization's data has committed
-- outside that snapshot. Every writer logs its changes here, by trigger, whoever it is.

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
create or replace function app.unchanged_since(p_organization_id text, p_snapshot pg_snapshot) returns boolean
language sql stable as $$
  select pg_snapshot_xmin(p_snapshot) >= (select pruned_below from app.organization_changes_horizon)
     and not exists (
       select 1 from app.organization_changes c
       where c.organization_id = p_organization_id and c.xid >= pg_snapshot_xmin(p_snapshot)
         and not pg_visible_in_snapshot(c.xid, p_snapshot))
$$;

-- Drops the log below the oldest running transaction. Any horizon at or below it is safe:
-- a report whose snapshot is older is recomputed (app.unchanged_since), never trusted.
create or replace function app.prune_organization_changes() returns bigint
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
create or replace function app.log_organization_changes() returns trigger
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

create or replace function app.log_organization_settings_changes() returns trigger
language plpgsql as $$
begin
  insert into app.organization_changes (organization_id, xid)
  select c.id, pg_current_xact_id() from changed c
  on conflict do nothing;
  return null;
end
$$;

-- What a cached report reads: every table behind app.ar_aging.
do $$
declare
  t text;
begin
  foreach t in array array['properties', 'units', 'tenants', 'leases', 'lease_tenants', 'payments', 'payment_receipts'] loop
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

-- app.ar_aging, from the cache when nothing it reads has changed. The cache is keyed by the
-- effective day, so "today" moves on at the organization's midnight.
create or replace function app.ar_aging_cached(p_org text, p_as_of date default null, p_property_id text default null)
returns text
language plpgsql as $$
declare
  v_as_of date := coalesce(p_as_of, app.org_today(p_org));
  v_params text := v_as_of || ' ' || coalesce(p_property_id, '');
  cached app.report_cache;
  fresh app.report_cache;
begin
  select * into cached from app.report_cache c
  where c.organization_id = p_org and c.report = 'ar_aging' and c.params = v_params;
  if found and app.unchanged_since(p_org, cached.snapshot) then
    return cached.body;
  end if;
  -- one statement: the report and the snapshot it read
  select app.ar_aging(p_org, v_as_of, p_property_id)::text, pg_current_snapshot() into fresh.body, fresh.snapshot;
  -- Not cached: an unknown property (any well-formed id would make an entry). Entries a day
  -- old go when their organization next misses, so reports for past days do not pile up.
  if fresh.body is not null then
    delete from app.report_cache c where c.organization_id = p_org and c.computed_at < now() - interval '1 day';
    insert into app.report_cache as c (organization_id, report, params, snapshot, body)
    values (p_org, 'ar_aging', v_params, fresh.snapshot, fresh.body)
    on conflict (organization_id, report, params) do update set
      snapshot = excluded.snapshot, body = excluded.body, computed_at = now();
  end if;
  return fresh.body;
end
$$;
