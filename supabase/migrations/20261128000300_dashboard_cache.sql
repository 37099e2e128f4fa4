-- The dashboard, cached as A/R aging is (20261128000100_report_cache.sql): kept with the
-- snapshot it was computed under, served only while no change to its organization's data has
-- committed outside that snapshot. Computing it cost 0.4 ms, more than authenticating the
-- whole batch of requests it answers.

-- The dashboard also counts open work orders.
create trigger work_orders_log_insert after insert on app.work_orders referencing new table as changed
for each statement execute function app.log_organization_changes();
create trigger work_orders_log_update after update on app.work_orders referencing new table as changed
for each statement execute function app.log_organization_changes();
create trigger work_orders_log_delete after delete on app.work_orders referencing old table as changed
for each statement execute function app.log_organization_changes();

-- Two helpers every cached report calls, now in plpgsql. A SQL-language function that reads a
-- table is not inlined, and PostgreSQL 17 plans its query again on every call (it cost 0.1 ms
-- here, as much as a round trip); plpgsql keeps the plan for the session.
create or replace function app.org_today(p_organization_id text) returns date
language plpgsql stable as $$
begin
  return (select (now() at time zone o.timezone)::date from app.organizations o where o.id = p_organization_id);
end
$$;

create or replace function app.unchanged_since(p_organization_id text, p_snapshot pg_snapshot) returns boolean
language plpgsql stable as $$
begin
  return pg_snapshot_xmin(p_snapshot) >= (select pruned_below from app.organization_changes_horizon)
     and not exists (
       select 1 from app.organization_changes c
       where c.organization_id = p_organization_id and c.xid >= pg_snapshot_xmin(p_snapshot)
         and not pg_visible_in_snapshot(c.xid, p_snapshot));
end
$$;

-- The cache's two halves, one per operation, for every cached report.

-- The cached body of `p_report` with `p_params`, if nothing it reads has changed since; else null.
create or replace function app.report_from_cache(p_organization_id text, p_report text, p_params text) returns text
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
create or replace function app.report_to_cache(p_organization_id text, p_report text, p_params text, p_snapshot pg_snapshot, p_body text)
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

create or replace function app.ar_aging_cached(p_org text, p_as_of date default null, p_property_id text default null)
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
create or replace function app.dashboard_cached(p_org text) returns text
language plpgsql as $$
declare
  v_today text := app.org_today(p_org)::text;
  v_body text := app.report_from_cache(p_org, 'dashboard', v_today);
  v_dashboard jsonb;
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
