-- Organizations, their members, API keys with scopes, and per-key rate limits.

create table app.organizations (
  id               text primary key default app.new_id('org'),
  name             text not null check (length(name) between 1 and 200),
  -- "this month" and due dates are reckoned in the organization's time zone
  timezone         text not null default 'America/Chicago' check (now() at time zone timezone is not null),
  -- days after a due date before an unpaid charge counts as late (rent.late)
  late_grace_days  int  not null default 5 check (late_grace_days between 0 and 31),
  created_at       timestamptz not null default now()
);

create table app.members (
  id               text primary key default app.new_id('mbr'),
  organization_id  text not null references app.organizations on delete cascade,
  email            text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  name             text,
  role             text not null check (role in ('owner', 'admin', 'member')),
  created_at       timestamptz not null default now(),
  unique (organization_id, email)
);
-- the owner receives the organization's operational email (e.g. a disabled webhook endpoint)
create unique index members_one_owner on app.members (organization_id) where role = 'owner';

-- The scope catalogue: read:/write: for every resource, plus the special scopes.
create table app.scopes (
  name        text primary key,
  description text not null
);
insert into app.scopes (name, description)
select verb || ':' || resource, initcap(verb) || ' ' || replace(resource, '_', ' ')
from unnest(array['tenants', 'properties', 'units', 'leases', 'payments', 'applications', 'work_orders',
                  'vendors', 'inspections', 'payment_plans', 'expenses', 'dashboard', 'reports']) as resource,
     unnest(array['read', 'write']) as verb
union all values
  ('ai:run', 'Run AI helpers'),
  ('admin:api_keys', 'Create, list and revoke API keys'),
  ('admin:webhooks', 'Manage webhook endpoints and deliveries')
on conflict do nothing;

create or replace function app.unknown_scopes(scopes text[]) returns text[]
language sql stable as $$
  select coalesce(array_agg(s order by s), '{}') from unnest(scopes) s
  where not exists (select 1 from app.scopes where name = s)
$$;

-- Keys: apt_<prefix>_<secret>. Only the SHA-256 of the secret is kept; the prefix finds the row.
create table app.api_keys (
  id               text primary key default app.new_id('key'),
  organization_id  text not null references app.organizations on delete cascade,
  name             text not null check (length(name) between 1 and 100),
  prefix           text not null unique check (prefix ~ '^[a-z0-9]{8}$'),
  secret_hash      bytea not null check (length(secret_hash) = 32),
  scopes           text[] not null check (cardinality(scopes) > 0),
  rate_per_minute  int not null default 60 check (rate_per_minute between 1 and 100000),
  rate_per_hour    int not null default 1000 check (rate_per_hour between 1 and 1000000),
  expires_at       timestamptz,
  revoked_at       timestamptz,
  created_at       timestamptz not null default now(),
  -- refreshed at most once a minute, inside app.authenticate (no extra round trip)
  last_used_at     timestamptz
);
create index api_keys_organization on app.api_keys (organization_id, id);

create or replace function app.api_keys_check_scopes() returns trigger
language plpgsql as $$
declare
  unknown text[] := app.unknown_scopes(new.scopes);
begin
  if cardinality(unknown) > 0 then
    perform app.fail('AP400', 'Unknown scope' || case when cardinality(unknown) > 1 then 's' else '' end
      || ': ' || array_to_string(unknown, ', ') || '.');
  end if;
  return new;
end
$$;
create trigger api_keys_check_scopes before insert or update of scopes on app.api_keys
for each row execute function app.api_keys_check_scopes();

-- Tighter per-key quotas on routes that are expensive to serve (the AI helpers).
create table app.route_quotas (
  name           text primary key,
  quota          int not null check (quota > 0),
  window_seconds int not null check (window_seconds > 0)
);
insert into app.route_quotas values
  ('ai-delinquency-prioritizer', 10, 3600),
  ('ai-vendor-summary', 30, 3600)
on conflict do nothing;

-- Fixed windows aligned to the clock: a window's counter resets at its end, which is what
-- Retry-After names. Unlogged: written on every request, so no WAL; a crash of the database
-- server empties it, which only forgives the current windows.
create unlogged table app.rate_limit_windows (
  key_id        text not null references app.api_keys on delete cascade,
  name          text not null,
  window_start  timestamptz not null,
  used          int not null,
  primary key (key_id, name)
) with (fillfactor = 50);

-- Failed authentications per client address, to stop key guessing (unlogged, as above).
create unlogged table app.auth_failures (
  client        text primary key,
  window_start  timestamptz not null,
  failures      int not null
);

create table app.auth_settings (
  singleton           boolean primary key default true check (singleton),
  failures_per_window int not null default 30,
  failure_window_s    int not null default 600
);
insert into app.auth_settings default values on conflict do nothing;

-- Creates a key and returns it in full: the only time it exists outside the caller's hands.
create or replace function app.create_api_key(
  p_organization_id text,
  p_name            text,
  p_scopes          text[],
  p_expires_at      timestamptz default null,
  p_rate_per_minute int default 60,
  p_rate_per_hour   int default 1000
) returns table (id text, api_key text, prefix text, created_at timestamptz)
language plpgsql as $$
declare
  alphabet constant text := 'abcdefghijklmnopqrstuvwxyz0123456789';
  v_prefix text;
  v_secret text := rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=');
  v_row app.api_keys;
begin
  if not exists (select 1 from app.organizations o where o.id = p_organization_id) then
    perform app.fail('AP404', 'Organization not found.');
  end if;
  if p_expires_at is not null and p_expires_at <= now() then
    perform app.fail('AP400', 'expires_at must be in the future.');
  end if;
  loop
    select string_agg(substr(alphabet, (get_byte(b, i) % 36) + 1, 1), '' order by i)
      into v_prefix
      from (select extensions.gen_random_bytes(8) as b) r, generate_series(0, 7) i;
    begin
      insert into app.api_keys (organization_id, name, prefix, secret_hash, scopes, expires_at, rate_per_minute, rate_per_hour)
      values (p_organization_id, p_name, v_prefix, sha256(convert_to(v_secret, 'UTF8')),
              (select array_agg(distinct s order by s) from unnest(p_scopes) s), p_expires_at,
              coalesce(p_rate_per_minute, 60), coalesce(p_rate_per_hour, 1000))
      returning * into v_row;
      exit;
    exception when unique_violation then
      -- a prefix collision (1 in 2.8e12): draw another
    end;
  end loop;
  return query select v_row.id, 'apt_' || v_prefix || '_' || v_secret, v_prefix, v_row.created_at;
end
$$;

-- One call per request: throttles guessing, authenticates the key, checks every rate limit
-- that applies, consumes one unit of each, and checks scopes. Atomic under concurrency: one
-- upsert locks the key's window rows (always in name order) until the transaction ends.
--   status 200: go on, as organization_id;  401 / 403 / 429: stop with `error`.
--   limits: [{name, limit, window, remaining, reset}] for the RateLimit headers.
create or replace function app.authenticate(
  p_prefix       text,
  p_secret_hash  bytea,
  p_client       text,
  p_scopes       text[],
  p_quota        text default null
) returns table (status int, error text, organization_id text, key_id text, retry_after int, limits jsonb)
language plpgsql as $$
declare
  settings app.auth_settings;
  k app.api_keys;
  fail app.auth_failures;
  missing text[];
  windows jsonb;
  retry int;
  epoch double precision := extract(epoch from now());
begin
  -- Counters and last_used_at may lose their last milliseconds in a crash; requests need not wait on fsync for them.
  perform set_config('synchronous_commit', 'off', true);

  select * into fail from app.auth_failures f where f.client = p_client;
  if found then
    select * into settings from app.auth_settings;
    if fail.failures >= settings.failures_per_window
       and fail.window_start + make_interval(secs => settings.failure_window_s) > now() then
      retry := ceil(extract(epoch from fail.window_start + make_interval(secs => settings.failure_window_s) - now()));
      return query select 429, 'Too many failed authentication attempts — try again in ' || retry || ' seconds.',
        null::text, null::text, retry, null::jsonb;
      return;
    end if;
  end if;

  select * into k from app.api_keys a where a.prefix = p_prefix;
  if not found or not app.secure_equals(k.secret_hash, p_secret_hash)
     or k.revoked_at is not null or (k.expires_at is not null and k.expires_at <= now()) then
    select * into settings from app.auth_settings;
    insert into app.auth_failures as f (client, window_start, failures)
    values (p_client, now(), 1)
    on conflict (client) do update set
      window_start = case when f.window_start + make_interval(secs => settings.failure_window_s) > now() then f.window_start else now() end,
      failures = case when f.window_start + make_interval(secs => settings.failure_window_s) > now() then f.failures + 1 else 1 end;
    return query select 401,
      case when k.id is null or not app.secure_equals(k.secret_hash, p_secret_hash) then 'Invalid API key.'
           when k.revoked_at is not null then 'This API key has been revoked.'
           else 'This API key has expired.' end,
      null::text, null::text, null::int, null::jsonb;
    return;
  end if;

  missing := array(select s from unnest(p_scopes) s where s <> all (k.scopes) order by s);

  -- Consume one unit of every window (a new window starts from zero) in one statement.
  with lim (name, quota, window_s) as (
    select 'hour', k.rate_per_hour, 3600
    union all select 'minute', k.rate_per_minute, 60
    union all select 'quota:' || q.name, q.quota, q.window_seconds
      from app.route_quotas q where q.name = p_quota and cardinality(missing) = 0
  ),
  consumed as (
    insert into app.rate_limit_windows as w (key_id, name, window_start, used)
    select k.id, lim.name, to_timestamp(floor(epoch / lim.window_s) * lim.window_s), 1
    from lim order by lim.name
    on conflict on constraint rate_limit_windows_pkey do update set
      window_start = excluded.window_start,
      used = case when w.window_start = excluded.window_start then w.used + 1 else 1 end
    returning w.name, w.used, w.window_start
  )
  select jsonb_agg(jsonb_build_object(
           'name', c.name, 'limit', lim.quota, 'window', lim.window_s, 'used', c.used,
           'reset', ceil(extract(epoch from c.window_start + make_interval(secs => lim.window_s) - now()))::int)
         order by c.name)
    into windows
  from consumed c join lim on lim.name = c.name;

  -- Any window over its limit: give the units back and refuse; retry once every spent window has reset.
  select max((l->>'reset')::int) into retry from jsonb_array_elements(windows) l
  where (l->>'used')::int > (l->>'limit')::int;
  if retry is not null then
    update app.rate_limit_windows w set used = w.used - 1
    where w.key_id = k.id and w.name in (select l->>'name' from jsonb_array_elements(windows) l);
    return query select 429,
      'Rate limit exceeded — try again in ' || retry || case when retry = 1 then ' second.' else ' seconds.' end,
      k.organization_id, k.id, retry,
      (select jsonb_agg(l - 'used' || jsonb_build_object('remaining', greatest((l->>'limit')::int - (l->>'used')::int + 1, 0)))
       from jsonb_array_elements(windows) l);
    return;
  end if;

  if k.last_used_at is null or k.last_used_at < now() - interval '1 minute' then
    update app.api_keys a set last_used_at = now() where a.id = k.id;
  end if;

  return query select
    case when cardinality(missing) > 0 then 403 else 200 end,
    case when cardinality(missing) > 0 then
      'This API key lacks the scope' || case when cardinality(missing) > 1 then 's ' else ' ' end
      || array_to_string(missing, ', ') || ' required here.' end,
    k.organization_id, k.id, null::int,
    (select jsonb_agg(l - 'used' || jsonb_build_object('remaining', (l->>'limit')::int - (l->>'used')::int))
     from jsonb_array_elements(windows) l);
end
$$;
