-- Organizations, their members, API keys with scopes, and authentication of keys and members'
-- sessions with per-key (per-membership) rate limits and per-route quotas.
-- Rules: only the SHA-256 of a key's secret is kept; a key holds only known scopes and creates
-- or revokes only keys no stronger than itself (scopes, limits, expiry); an organization holds at
-- most max_api_keys active keys; a session acts as a membership whose role is a set of scopes
-- (app.role_scopes), checked exactly as a key's; one call (app.authenticate_batch) authenticates, throttles and
-- charges a whole batch of requests, each exactly as if they had run one after another
-- (why: docs/decisions/0001-batched-authentication.md); counters are unlogged, so a crash of the
-- database server only forgives the current windows.

create table app.organizations (
  id               text primary key default app.new_id('org'),
  name             text not null check (length(name) between 1 and 200),
  -- "this month" and due dates are reckoned in the organization's time zone
  timezone         text not null default 'America/Chicago' check (now() at time zone timezone is not null),
  -- days after a due date before an unpaid charge counts as late (rent.late)
  late_grace_days  int  not null default 5 check (late_grace_days between 0 and 31),
  -- active (unrevoked, unexpired) API keys the organization may hold; app.api_key_issue refuses more
  max_api_keys     int  not null default 100 check (max_api_keys > 0),
  created_at       timestamptz not null default now()
);

create table app.members (
  id               text primary key default app.new_id('mbr'),
  organization_id  text not null references app.organizations on delete cascade,
  email            text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  name             text,
  role             text not null check (role in ('owner', 'admin', 'member')),
  -- The Supabase Auth user (the session JWT's `sub`) behind the membership. No foreign key to
  -- auth.users: the Docker-free stack has no Supabase Auth, and a member may be invited before
  -- signing up.
  user_id          uuid,
  created_at       timestamptz not null default now(),
  unique (organization_id, email),
  -- a user is a member of an organization once; also finds a user's memberships
  constraint members_one_user_per_organization unique (user_id, organization_id)
);
-- the owner receives the organization's operational email (e.g. a disabled webhook endpoint)
create unique index members_one_owner on app.members (organization_id) where role = 'owner';

-- The scope catalogue: only scopes some endpoint requires (a scope that guards nothing would
-- mislead whoever grants it): read:/write: for every resource, read:dashboard (the reports are
-- read-only; ar-aging is read:payments), plus the special scopes.
create table app.scopes (
  name        text primary key,
  description text not null
);
insert into app.scopes (name, description)
select verb || ':' || resource, initcap(verb) || ' ' || replace(resource, '_', ' ')
from unnest(array['tenants', 'properties', 'units', 'leases', 'payments', 'applications', 'work_orders',
                  'vendors', 'inspections', 'payment_plans', 'expenses']) as resource,
     unnest(array['read', 'write']) as verb
union all values
  ('read:dashboard', 'Read dashboard'),
  ('ai:run', 'Run AI helpers'),
  ('admin:api_keys', 'Create, list and revoke API keys'),
  ('admin:webhooks', 'Manage webhook endpoints and deliveries');

create function app.unknown_scopes(scopes text[]) returns text[]
language sql stable as $$
  select coalesce(array_agg(s order by s), '{}') from unnest(scopes) s
  where not exists (select 1 from app.scopes where name = s)
$$;

-- What each role may do, in scopes, so sessions are checked exactly as keys are: `member` reads
-- and writes the portfolio and operations (every scope but admin:*), `admin` also manages API
-- keys and webhook endpoints (admin:*). `owner` has every scope too; the organization's settings
-- and members have no endpoints yet.
create view app.role_scopes as
select r.role, array_agg(s.name order by s.name) as scopes
from (values ('owner'), ('admin'), ('member')) r(role)
join app.scopes s on r.role in ('owner', 'admin') or s.name not like 'admin:%'
group by r.role;

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
  -- refreshed at most once a minute, inside app.authenticate_batch (no extra round trip)
  last_used_at     timestamptz
);
create index api_keys_organization on app.api_keys (organization_id, id);

create function app.api_keys_check_scopes() returns trigger
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
  ('ai-vendor-summary', 30, 3600);

-- One row per subject for the general limits: an API key, or for sessions a membership
-- (`subject` is whichever it is). Deciding and charging both windows is one row's upsert. Windows are numbered (epoch seconds / window length); a new number starts at zero.
-- Unlogged: written on every request, so no WAL. Fillfactor 50 leaves room for HOT updates.
create unlogged table app.rate_limit_counters (
  key_id         text references app.api_keys on delete cascade,
  member_id      text references app.members on delete cascade,
  subject        text primary key generated always as (coalesce(key_id, member_id)) stored,
  minute_window  bigint not null,
  minute_used    int not null,
  minute_limit   int not null,
  hour_window    bigint not null,
  hour_used      int not null,
  hour_limit     int not null,
  -- units the latest upsert asked for (on the way in) and was granted (stored): the upsert
  -- decides under the row lock, and its writer reads the decision back from RETURNING. The
  -- limits ride along for the same reason: ON CONFLICT sees only the row and `excluded`.
  granted        int not null,
  constraint rate_limit_counters_one_subject check (num_nonnulls(key_id, member_id) = 1)
) with (fillfactor = 50);

-- Tighter per-route quotas (app.route_quotas), per key or membership, likewise.
create unlogged table app.route_quota_counters (
  key_id         text references app.api_keys on delete cascade,
  member_id      text references app.members on delete cascade,
  subject        text not null generated always as (coalesce(key_id, member_id)) stored,
  route          text not null references app.route_quotas on delete cascade,
  window_number  bigint not null,
  used           int not null,
  primary key (subject, route),
  constraint route_quota_counters_one_subject check (num_nonnulls(key_id, member_id) = 1)
) with (fillfactor = 50);

-- Guesses (an unknown key, or a known prefix with a wrong secret) per source, to slow key
-- guessing (unlogged, as the counters). The source is the client address for unknown keys, and
-- the address and the prefix ('203.0.113.9 abcd1234') for wrong secrets, so guessing one key's
-- secret is counted apart from a shared address's other traffic. Only guesses are ever refused
-- for it: a correct key is admitted from a throttled source, as every customer behind one proxy
-- shares an address (why: docs/decisions/0011-throttle-guesses-not-keys.md).
create unlogged table app.auth_failures (
  source        text primary key,
  window_start  timestamptz not null,
  failures      int not null
);

create table app.auth_settings (
  singleton           boolean primary key default true check (singleton),
  failures_per_window int not null default 30,
  failure_window_s    int not null default 600,
  -- a member's session has the default limits of a key
  member_rate_per_minute int not null default 60 check (member_rate_per_minute > 0),
  member_rate_per_hour   int not null default 1000 check (member_rate_per_hour > 0)
);
insert into app.auth_settings default values;

-- Today in the organization's time zone. PL/pgSQL, as it reads a table: a SQL function with a
-- FROM is planned again on every call (why: docs/decisions/0006-plpgsql-on-hot-paths.md).
create function app.org_today(p_organization_id text) returns date
language plpgsql stable as $$
begin
  return (select (now() at time zone o.timezone)::date from app.organizations o where o.id = p_organization_id);
end
$$;

-- Creates a key and returns it in full: the only time it exists outside the caller's hands.
create function app.create_api_key(
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

-- What app.authenticate_batch learns about each request before charging anything.
create type app.auth_request as (
  n               int,     -- position in the batch, from 1
  source          text,    -- a guess's app.auth_failures source; null for anything but a guess
  subject         text,    -- what the rate limits count: key_id or member_id; null when refused (a missing scope too)
  key_id          text,    -- a valid key's id
  member_id       text,    -- a session's membership in the organization it acts for
  role            text,    -- that membership's role
  organization_id text,
  scoped          boolean, -- the key or the role holds every required scope
  missing         text[],
  rate_per_minute int,
  rate_per_hour   int,
  last_used_at    timestamptz,
  invalid         text,    -- why the key was refused (401), if it was
  denied_status   int,     -- a session with no organization to act for: 403 (none) or 400 (several, none named)
  denied          text,
  throttled_for   int      -- seconds a guess's source is throttled for (429), if it is
);

-- The batch: parallel arrays, one element per request, all for one route (its scopes and
-- quota). A request is an API key (prefix and SHA-256 of its secret) or a verified session
-- (the user's id and, if the request named one, the organization it acts for): p_user_ids and
-- p_organization_ids are null for a batch of keys alone. Returns one row per request, by n:
--   status 200: go on, as organization_id with key_id, or member_id and role;
--   400 / 401 / 403 / 429: stop with `error`.
--   for the RateLimit headers, each window's limit, remaining and reset (seconds until it
--   starts again): minute_*, hour_*, and quota_* when the route has a quota (quota_window too);
--   quota_window_number, the quota window charged, for app.route_quota_refund.
-- A session acting for an organization is counted per membership, with the limits of
-- app.auth_settings; a session refused for its organization (400, 403) consumes nothing.
-- Atomic under concurrency: the counter rows of the batch's keys and memberships are locked in
-- subject order (no deadlock between batches) from the upsert that decides until the
-- transaction ends.
-- Its statements run on generic plans: left to choose, the plan cache re-planned them on every
-- call for batches of one or two (their custom plans look cheaper), a batch of one costing 1.7 ms
-- of the backend's time instead of 0.55 (docs/decisions/0001).
create function app.authenticate_batch(
  p_prefixes          text[],
  p_secret_hashes     bytea[],
  p_clients           text[],
  p_scopes            text[],
  p_quota             text default null,
  p_user_ids          uuid[] default null,
  p_organization_ids  text[] default null
) returns table (n int, status int, error text, organization_id text, key_id text, member_id text, role text, retry_after int,
                minute_limit int, minute_remaining int, minute_reset int, hour_limit int, hour_remaining int, hour_reset int,
                quota_limit int, quota_window int, quota_remaining int, quota_reset int, quota_window_number bigint)
language plpgsql set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
declare
  settings app.auth_settings;
  quota app.route_quotas;
  roles app.role_scopes[];
  epoch double precision := extract(epoch from now());
  requests app.auth_request[];
  guessed boolean := false;   -- a request is a guess (an unknown key or a wrong secret)
  -- what the batch needs written besides its counters; most batches need neither
  has_guesses boolean := false;   -- a guess not throttled yet, whose failure counts
  stale_keys text[];   -- valid, scoped keys whose last_used_at is over a minute old
  quota_used jsonb := '{}';   -- subject -> units of the route quota used before this batch
  -- seconds until each window ends
  minute_ends_in int := ceil((floor(epoch / 60) + 1) * 60 - epoch);
  hour_ends_in int := ceil((floor(epoch / 3600) + 1) * 3600 - epoch);
  quota_ends_in int;
begin
  -- Counters and last_used_at may lose their last milliseconds in a crash; requests need not wait on fsync for them.
  perform set_config('synchronous_commit', 'off', true);
  select * into settings from app.auth_settings;
  if p_quota is not null then
    select * into quota from app.route_quotas q where q.name = p_quota;
  end if;
  quota_ends_in := ceil((floor(epoch / quota.window_seconds) + 1) * quota.window_seconds - epoch);
  if p_user_ids is not null then
    roles := array(select r from app.role_scopes r);
  end if;

  -- A batch of sessions alone has no key to look up.
  if p_user_ids is null or array_position(p_user_ids, null) is not null then
    -- Who is who. A key without the route's scopes has no subject: its 403 consumes nothing. A
    -- guess (an unknown key or a wrong secret) has the source its failures count against.
    -- Nothing below reads the arrays in order: each orders by n where it needs to.
    select array_agg(row(l.n, l.source, case when l.scoped then l.key_id end, l.key_id, null, null, l.organization_id, l.scoped, l.missing,
                         l.rate_per_minute, l.rate_per_hour, l.last_used_at, l.invalid, null, null, null)::app.auth_request),
           coalesce(bool_or(l.source is not null), false),
           array_agg(l.key_id) filter (where l.key_id is not null and l.scoped and (l.last_used_at is null or l.last_used_at < now() - interval '1 minute'))
      into requests, guessed, stale_keys
    from (
      select i.n::int as n, g.source,
             case when valid then k.id end as key_id, k.organization_id, p_scopes <@ k.scopes as scoped,
             case when not p_scopes <@ k.scopes then array(select s from unnest(p_scopes) s where s <> all (k.scopes) order by s) end as missing,
             k.rate_per_minute, k.rate_per_hour, k.last_used_at,
             case when k.id is null or not matches then 'Invalid API key.'
                  when k.revoked_at is not null then 'This API key has been revoked.'
                  when not valid then 'This API key has expired.' end as invalid
      from unnest(p_prefixes, p_secret_hashes, p_clients, p_user_ids) with ordinality as i(prefix, secret_hash, client, user_id, n)
      left join app.api_keys k on k.prefix = i.prefix
      -- offset 0: compared once per request, not once per expression that reads `matches`
      cross join lateral (select app.secure_equals(k.secret_hash, i.secret_hash) as matches offset 0) m
      cross join lateral (select case when k.id is null then i.client
                                      when not m.matches then i.client || ' ' || i.prefix end as source) g
      cross join lateral (select coalesce(m.matches and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()), false) as valid) v
      where i.user_id is null
    ) l;
  end if;

  -- Guesses, read only by a batch that has one (most have none: the lookup above stays small). A
  -- guess is throttled once its source's guesses in the window, counting those earlier in this
  -- batch, reach the limit; a throttled guess does not count again. Anything but a guess is
  -- answered as usual from any source.
  if guessed then
    select array_agg(row(r.n, r.source, r.subject, r.key_id, r.member_id, r.role, r.organization_id, r.scoped, r.missing,
                         r.rate_per_minute, r.rate_per_hour, r.last_used_at, r.invalid, r.denied_status, r.denied,
                         case when r.source is not null and r.failures + r.failed_before >= settings.failures_per_window
                              then greatest(1, ceil(extract(epoch from r.failures_since + make_interval(secs => settings.failure_window_s) - now())))::int
                         end)::app.auth_request),
           coalesce(bool_or(r.source is not null and r.failures + r.failed_before < settings.failures_per_window), false)
      into requests, has_guesses
    from (
      select q.*, case when v.active then f.failures else 0 end as failures,
             case when v.active then f.window_start else now() end as failures_since,
             coalesce(count(q.source) over (partition by q.source order by q.n rows between unbounded preceding and 1 preceding), 0) as failed_before
      from unnest(requests) q
      left join app.auth_failures f on f.source = q.source
      cross join lateral (select coalesce(f.window_start + make_interval(secs => settings.failure_window_s) > now(), false) as active) v
    ) r;
  end if;

  -- Sessions: the membership each acts as. The organization named in the request, or the
  -- user's only one. Never a guess, never throttled: the token itself was verified.
  if p_user_ids is not null then
    select coalesce(requests, '{}') || coalesce(array_agg(row(i.n::int, null, case when p_scopes <@ rs.scopes then s.member_id end,
                         null, s.member_id, s.role, s.organization_id,
                         p_scopes <@ rs.scopes,
                         case when not p_scopes <@ rs.scopes then array(select x from unnest(p_scopes) x where x <> all (rs.scopes) order by x) end,
                         settings.member_rate_per_minute, settings.member_rate_per_hour, null, null,
                         case when s.member_id is null then case when s.memberships = 0 then 403 else 400 end end,
                         case when s.member_id is not null then null
                              when s.memberships > 1 then 'You belong to several organizations: send X-Organization-Id with the id of the one to act for (GET /api/me lists them).'
                              when i.organization_id is not null then 'You are not a member of organization ' || i.organization_id || '.'
                              else 'You are not a member of any organization.' end,
                         null)::app.auth_request), '{}')
      into requests
    from unnest(p_user_ids, p_organization_ids) with ordinality as i(user_id, organization_id, n)
    cross join lateral (
      select count(*)::int as memberships,
             case when count(*) = 1 then min(m.id) end as member_id,
             case when count(*) = 1 then min(m.organization_id) end as organization_id,
             case when count(*) = 1 then min(m.role) end as role
      from app.members m
      where m.user_id = i.user_id and (i.organization_id is null or m.organization_id = i.organization_id)
    ) s
    left join lateral (select rs.scopes from unnest(roles) rs where rs.role = s.role) rs on true
    where i.user_id is not null;
    requests := array(select r from unnest(requests) r order by r.n);
  end if;

  -- The route quota caps what a subject may be granted; it is charged only for subjects with the scopes.
  if quota.name is not null then
    with locked as (
      insert into app.route_quota_counters as c (key_id, member_id, route, window_number, used)
      select d.key_id, d.member_id, quota.name, floor(epoch / quota.window_seconds)::bigint, 0
      from (select distinct r.subject, r.key_id, r.member_id from unnest(requests) r
            where r.subject is not null and r.throttled_for is null and r.scoped) d
      order by d.subject
      on conflict (subject, route) do update set
        window_number = excluded.window_number,
        used = case when c.window_number = excluded.window_number then c.used else 0 end
      returning c.subject, c.used
    )
    select coalesce(jsonb_object_agg(l.subject, l.used), '{}') into quota_used from locked l;
  end if;

  -- Guesses and last_used_at are written by statements of their own, run only for a batch that
  -- has any: a data-modifying CTE opens its table and indexes for every batch.
  if has_guesses then
    insert into app.auth_failures as f (source, window_start, failures)
    select r.source, now(), count(*) from unnest(requests) r
    where r.source is not null and r.throttled_for is null group by r.source
    on conflict (source) do update set
      window_start = case when f.window_start + make_interval(secs => settings.failure_window_s) > now() then f.window_start else now() end,
      failures = case when f.window_start + make_interval(secs => settings.failure_window_s) > now() then f.failures + excluded.failures else excluded.failures end;
  end if;

  -- One statement decides and charges the general limits (each subject is granted what it asked
  -- for, up to the room left in every window and in its quota) and answers every request.
  return query
  with wanted as (
    select r.subject, min(r.key_id) as key_id, min(r.member_id) as member_id, count(*)::int as asked,
           min(r.rate_per_minute) as rpm, min(r.rate_per_hour) as rph,
           min(quota.quota - (quota_used->>r.subject)::int) as quota_room
    from unnest(requests) r where r.subject is not null and r.throttled_for is null
    group by r.subject
  ),
  counted as (
    insert into app.rate_limit_counters as c (key_id, member_id, minute_window, minute_used, minute_limit, hour_window, hour_used, hour_limit, granted)
    select w.key_id, w.member_id, floor(epoch / 60)::bigint, g.granted, w.rpm, floor(epoch / 3600)::bigint, g.granted, w.rph, g.granted
    from wanted w cross join lateral (select greatest(0, least(w.asked, w.rpm, w.rph, w.quota_room)) as granted) g
    order by w.subject
    on conflict (subject) do update set
      (minute_window, minute_used, minute_limit, hour_window, hour_used, hour_limit, granted) = (
        select excluded.minute_window, d.minute_used + d.granted, excluded.minute_limit,
               excluded.hour_window, d.hour_used + d.granted, excluded.hour_limit, d.granted
        from (select u.minute_used, u.hour_used,
                     greatest(0, least(excluded.granted, excluded.minute_limit - u.minute_used, excluded.hour_limit - u.hour_used)) as granted
              from (select case when c.minute_window = excluded.minute_window then c.minute_used else 0 end as minute_used,
                           case when c.hour_window = excluded.hour_window then c.hour_used else 0 end as hour_used) u) d)
    returning c.subject, c.key_id, c.minute_used, c.hour_used, c.granted
  ),
  placed as (
    -- the k-th request of a subject in the batch is granted when k <= granted
    select r.*, row_number() over (partition by r.subject, r.throttled_for is null order by r.n)::int as k,
           c.granted, c.minute_used as minute_after, c.hour_used as hour_after,
           (quota_used->>r.subject)::int as quota_before, seen.minute_seen, seen.hour_seen
    from unnest(requests) r left join counted c on c.subject = r.subject and r.throttled_for is null
    -- a missing scope charges nothing: its 403's headers show the windows as they stand. Looked
    -- up by key for those rows alone (offset 0): as a join, the planner hashed the batch and read
    -- every key's counters on every batch.
    left join lateral (
      select case when x.minute_window = floor(epoch / 60)::bigint then x.minute_used else 0 end as minute_seen,
             case when x.hour_window = floor(epoch / 3600)::bigint then x.hour_used else 0 end as hour_seen
      from app.rate_limit_counters x where not r.scoped and x.subject = coalesce(r.key_id, r.member_id)
      offset 0
    ) seen on true
  ),
  served as (
    -- every window's count once this request is served (or refused)
    select p.*, p.k > p.granted as refused,
           coalesce(p.minute_after - p.granted + least(p.k, p.granted), p.minute_seen, 0) as minute_used,
           coalesce(p.hour_after - p.granted + least(p.k, p.granted), p.hour_seen, 0) as hour_used,
           case when p.scoped then p.quota_before + least(p.k, p.granted) end as quota_count
    from placed p
  ),
  decided as (
    select c.*,
           -- a refused request succeeds once every full window has reset
           greatest(case when c.minute_used >= c.rate_per_minute then minute_ends_in end,
                    case when c.hour_used >= c.rate_per_hour then hour_ends_in end,
                    case when c.quota_count >= quota.quota then quota_ends_in end) as retry
    from served c
  )
  select d.n,
         case when d.throttled_for is not null then 429 when d.invalid is not null then 401
              when d.denied_status is not null then d.denied_status
              when not d.scoped then 403 when d.refused then 429 else 200 end,
         case when d.throttled_for is not null then 'Too many failed authentication attempts — try again in ' || d.throttled_for || ' seconds.'
              when d.invalid is not null then d.invalid
              when d.denied is not null then d.denied
              when not d.scoped then case when d.role is null then 'This API key lacks' else 'Your role (' || d.role || ') lacks' end
                || ' the scope' || case when cardinality(d.missing) > 1 then 's ' else ' ' end
                || array_to_string(d.missing, ', ') || ' required here.'
              when d.refused then 'Rate limit exceeded — try again in ' || d.retry || case when d.retry = 1 then ' second.' else ' seconds.' end end,
         case when ok then d.organization_id end,
         case when ok then d.key_id end,
         case when ok then d.member_id end,
         case when ok then d.role end,
         coalesce(d.throttled_for, case when d.refused and d.scoped then d.retry end),
         case when ok then d.rate_per_minute end, case when ok then greatest(d.rate_per_minute - d.minute_used, 0) end,
         case when ok then minute_ends_in end,
         case when ok then d.rate_per_hour end, case when ok then greatest(d.rate_per_hour - d.hour_used, 0) end,
         case when ok then hour_ends_in end,
         case when ok and d.quota_count is not null then quota.quota end, case when ok and d.quota_count is not null then quota.window_seconds end,
         case when ok and d.quota_count is not null then greatest(quota.quota - d.quota_count, 0) end,
         case when ok and d.quota_count is not null then quota_ends_in end,
         case when ok and d.quota_count is not null then floor(epoch / quota.window_seconds)::bigint end
  from decided d cross join lateral (select d.invalid is null and d.throttled_for is null and d.denied_status is null as ok) v
  order by d.n;

  -- Keys' last_used_at, kept to the minute: for keys granted a request just now (each is a
  -- subject of this batch, whose counters row this transaction holds, so `granted` is this batch's).
  if stale_keys is not null then
    update app.api_keys a set last_used_at = now()
    from app.rate_limit_counters c
    where c.key_id = a.id and c.granted > 0 and a.id = any (stale_keys);
  end if;

  -- The quota is charged what the general limits granted: the counters row says so, and this
  -- transaction holds its lock.
  if quota.name is not null then
    update app.route_quota_counters q set used = q.used + c.granted
    from app.rate_limit_counters c
    where q.route = quota.name and c.subject = q.subject and c.granted > 0
      and q.subject in (select jsonb_object_keys(quota_used));
  end if;
end
$$;

-- One request: a batch of one, its windows as [{name, limit, window, remaining, reset}]. A key
-- (prefix and secret hash) or a session (p_user_id, and p_organization_id if the request named one).
create function app.authenticate(
  p_prefix          text,
  p_secret_hash     bytea,
  p_client          text,
  p_scopes          text[],
  p_quota           text default null,
  p_user_id         uuid default null,
  p_organization_id text default null
) returns table (status int, error text, organization_id text, key_id text, member_id text, role text, retry_after int, limits jsonb,
                quota_window_number bigint)
language sql as $$
  select b.status, b.error, b.organization_id, b.key_id, b.member_id, b.role, b.retry_after,
         case when b.minute_limit is not null then jsonb_build_array(
             jsonb_build_object('name', 'hour', 'limit', b.hour_limit, 'window', 3600, 'remaining', b.hour_remaining, 'reset', b.hour_reset),
             jsonb_build_object('name', 'minute', 'limit', b.minute_limit, 'window', 60, 'remaining', b.minute_remaining, 'reset', b.minute_reset))
           || case when b.quota_limit is not null then jsonb_build_array(jsonb_build_object(
                'name', 'quota:' || p_quota, 'limit', b.quota_limit, 'window', b.quota_window, 'remaining', b.quota_remaining, 'reset', b.quota_reset))
              else '[]' end
         end,
         b.quota_window_number
  from app.authenticate_batch(array[p_prefix], array[p_secret_hash], array[p_client], p_scopes, p_quota,
                              case when p_user_id is not null then array[p_user_id] end,
                              case when p_user_id is not null then array[p_organization_id] end) b
$$;

-- Gives back the route quota unit an admitted request was charged when the route then refused
-- it (400, 404): a refused request consumes nothing. Only in the window it was charged in, as a
-- later window never counted it. Called only on that refused path, never on success.
create function app.route_quota_refund(p_subject text, p_route text, p_window_number bigint) returns void
language sql as $$
  update app.route_quota_counters set used = used - 1
  where subject = p_subject and route = p_route and window_number = p_window_number and used > 0
$$;

-- Key management through the API (the api-keys function). A key can only hand out scopes it
-- holds itself, so admin:api_keys never escalates to more than the caller already has.
create function app.api_key_json(k app.api_keys) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', k.id, 'name', k.name, 'prefix', 'apt_' || k.prefix, 'scopes', to_jsonb(k.scopes),
    'rate_per_minute', k.rate_per_minute, 'rate_per_hour', k.rate_per_hour,
    'expires_at', app.iso_instant(k.expires_at), 'revoked_at', app.iso_instant(k.revoked_at),
    'created_at', app.iso_instant(k.created_at), 'last_used_at', app.iso_instant(k.last_used_at),
    'status', case when k.revoked_at is not null then 'revoked'
                   when k.expires_at is not null and k.expires_at <= now() then 'expired'
                   else 'active' end)
$$;

-- the keys as lists and reads show them (_shared/lists.ts)
create view app.api_api_keys as
  select k.id, k.organization_id, app.api_key_json(k) as j
  from app.api_keys k;

-- What makes a key (scopes, limits, expiry) stronger than p_holder, in words for a 403, or null
-- when it is no stronger: a key creates or revokes only keys no stronger than itself, so an
-- admin:api_keys key cannot widen its own reach through another key.
create function app.api_key_excess(
  p_holder          app.api_keys,
  p_scopes          text[],
  p_rate_per_minute int,
  p_rate_per_hour   int,
  p_expires_at      timestamptz
) returns text
language sql stable as $$
  select nullif(concat_ws('; ',
    'scopes ' || nullif(array_to_string(array(select s from unnest(p_scopes) s where s <> all (p_holder.scopes) order by s), ', '), ''),
    case when p_rate_per_minute > p_holder.rate_per_minute
         then format('rate_per_minute %s (this key has %s)', p_rate_per_minute, p_holder.rate_per_minute) end,
    case when p_rate_per_hour > p_holder.rate_per_hour
         then format('rate_per_hour %s (this key has %s)', p_rate_per_hour, p_holder.rate_per_hour) end,
    case when p_holder.expires_at is not null and (p_expires_at is null or p_expires_at > p_holder.expires_at)
         then format('expires_at %s (this key expires at %s)', coalesce(app.iso_instant(p_expires_at), 'never'),
                     app.iso_instant(p_holder.expires_at)) end), '')
$$;

-- POST /api/api-keys. A key creates only keys no stronger than itself (app.api_key_excess); an
-- omitted expiry or limit is the caller key's (or the default, when lower). A session (owner or
-- admin) grants its role's scopes with any limits and expiry the API accepts. Either way the
-- organization holds at most organizations.max_api_keys active keys.
create function app.api_key_issue(
  p_caller_key_id     text,
  p_name              text,
  p_scopes            text[],
  p_expires_at        timestamptz,
  p_rate_per_minute   int,
  p_rate_per_hour     int,
  p_caller_member_id  text default null
) returns jsonb
language plpgsql as $$
declare
  organization text;
  held text[];
  beyond text[];
  caller app.api_keys;
  excess text;
  cap int;
  created record;
begin
  if p_caller_member_id is null then
    select * into caller from app.api_keys k where k.id = p_caller_key_id;
    organization := caller.organization_id;
    held := caller.scopes;
    p_expires_at := coalesce(p_expires_at, caller.expires_at);
    p_rate_per_minute := coalesce(p_rate_per_minute, least(60, caller.rate_per_minute));
    p_rate_per_hour := coalesce(p_rate_per_hour, least(1000, caller.rate_per_hour));
  else
    select m.organization_id, r.scopes into organization, held
    from app.members m join app.role_scopes r on r.role = m.role where m.id = p_caller_member_id;
  end if;
  beyond := array(select s from unnest(p_scopes) s where s <> all (held) order by s);
  if cardinality(app.unknown_scopes(p_scopes)) = 0 and cardinality(beyond) > 0 then
    perform app.fail('AP403', case when p_caller_member_id is null then 'A key can only grant scopes it holds itself; this key lacks '
                                   else 'You can only grant scopes your role holds; it lacks ' end || array_to_string(beyond, ', ') || '.');
  end if;
  -- unknown scopes are the insert's 400, not a 403
  if p_caller_member_id is null and cardinality(app.unknown_scopes(p_scopes)) = 0 then
    excess := app.api_key_excess(caller, p_scopes, p_rate_per_minute, p_rate_per_hour, p_expires_at);
    if excess is not null then
      perform app.fail('AP403', 'A key can only create keys no stronger than itself; this one would exceed it in: ' || excess || '.');
    end if;
  end if;
  -- the organization's row serializes concurrent creations, so the cap holds under a race
  select o.max_api_keys into cap from app.organizations o where o.id = organization for update;
  if (select count(*) from app.api_keys k where k.organization_id = organization and k.revoked_at is null
      and (k.expires_at is null or k.expires_at > now())) >= cap then
    perform app.fail('AP409', format('This organization already has %s active API keys, its maximum: revoke one first.', cap));
  end if;
  select * into created from app.create_api_key(organization, p_name, p_scopes, p_expires_at,
    coalesce(p_rate_per_minute, 60), coalesce(p_rate_per_hour, 1000));
  return (select app.api_key_json(k) || jsonb_build_object('key', created.api_key)
          from app.api_keys k where k.id = created.id);
end
$$;

-- POST /api/api-keys/{id}/revoke. A key revokes only keys no stronger than itself (itself
-- included); a session's role that may manage keys holds every scope, so it revokes any key.
create function app.api_key_revoke(p_organization_id text, p_key_id text, p_caller_key_id text default null) returns jsonb
language plpgsql as $$
declare
  k app.api_keys;
  caller app.api_keys;
  excess text;
begin
  select * into k from app.api_keys where id = p_key_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'API key not found.');
  end if;
  if p_caller_key_id is not null then
    select * into caller from app.api_keys where id = p_caller_key_id;
    excess := app.api_key_excess(caller, k.scopes, k.rate_per_minute, k.rate_per_hour, k.expires_at);
    if excess is not null then
      perform app.fail('AP403', 'A key can only revoke keys no stronger than itself; this one exceeds it in: ' || excess || '.');
    end if;
  end if;
  if k.revoked_at is not null then
    perform app.fail('AP409', 'This API key is already revoked.');
  end if;
  update app.api_keys set revoked_at = now() where id = k.id returning * into k;
  return app.api_key_json(k);
end
$$;

-- A key's usage in its current rate-limit windows, for Settings → Developer: read from the
-- counters app.authenticate_batch keeps (app.rate_limit_counters, app.route_quota_counters).
-- A counter row from an earlier window counts as nothing used: that is how the limiter reads it.
-- Limits come from the key itself (a counter's copy is only as new as the key's last request).
create function app.api_key_usage(p_organization_id text, p_key_id text) returns jsonb
language plpgsql stable as $$
declare
  k app.api_keys;
  c app.rate_limit_counters;
  epoch double precision := extract(epoch from now());
  minute_now bigint := floor(epoch / 60)::bigint;
  hour_now bigint := floor(epoch / 3600)::bigint;
  minute_used int;
  hour_used int;
begin
  select * into k from app.api_keys where id = p_key_id and organization_id = p_organization_id;
  if not found then
    perform app.fail('AP404', 'API key not found.');
  end if;
  select * into c from app.rate_limit_counters where subject = k.id;
  minute_used := case when c.minute_window = minute_now then c.minute_used else 0 end;
  hour_used := case when c.hour_window = hour_now then c.hour_used else 0 end;
  return jsonb_build_object(
    'key_id', k.id,
    'last_used_at', app.iso_instant(k.last_used_at),
    'windows', jsonb_build_array(
      jsonb_build_object('name', 'minute', 'window_seconds', 60, 'limit', k.rate_per_minute, 'used', minute_used,
        'remaining', greatest(k.rate_per_minute - minute_used, 0), 'resets_at', app.iso_instant(to_timestamp((minute_now + 1) * 60))),
      jsonb_build_object('name', 'hour', 'window_seconds', 3600, 'limit', k.rate_per_hour, 'used', hour_used,
        'remaining', greatest(k.rate_per_hour - hour_used, 0), 'resets_at', app.iso_instant(to_timestamp((hour_now + 1) * 3600))))
    || coalesce((
      select jsonb_agg(jsonb_build_object('name', q.name, 'window_seconds', q.window_seconds, 'limit', q.quota, 'used', u.used,
        'remaining', greatest(q.quota - u.used, 0),
        'resets_at', app.iso_instant(to_timestamp((floor(epoch / q.window_seconds) + 1) * q.window_seconds))) order by q.name)
      from app.route_quotas q
      left join app.route_quota_counters rc on rc.subject = k.id and rc.route = q.name
      cross join lateral (select case when rc.window_number = floor(epoch / q.window_seconds)::bigint then rc.used else 0 end as used) u
    ), '[]'::jsonb));
end
$$;

-- GET /api/me: who is calling, for the request's organization (null for a session that named
-- none while it has several), with every organization the caller may act for.
create function app.caller_json(
  p_organization_id text,
  p_key_id          text,
  p_member_id       text,
  p_user_id         uuid,
  p_email           text
) returns jsonb
language plpgsql stable as $$
declare
  k app.api_keys;
  m app.members;
begin
  if p_key_id is not null then
    select * into k from app.api_keys where id = p_key_id;
    return jsonb_build_object(
      'type', 'api_key',
      'organization', (select jsonb_build_object('id', o.id, 'name', o.name) from app.organizations o where o.id = k.organization_id),
      'role', null,
      'scopes', to_jsonb(k.scopes),
      'user', null,
      'key', jsonb_build_object('id', k.id, 'prefix', k.prefix, 'name', k.name),
      'organizations', (select jsonb_build_array(jsonb_build_object('id', o.id, 'name', o.name, 'role', null))
                        from app.organizations o where o.id = k.organization_id));
  end if;
  select * into m from app.members where id = p_member_id;
  return jsonb_build_object(
    'type', 'member',
    'organization', (select jsonb_build_object('id', o.id, 'name', o.name) from app.organizations o where o.id = m.organization_id),
    'role', m.role,
    'scopes', coalesce((select to_jsonb(r.scopes) from app.role_scopes r where r.role = m.role), '[]'),
    'user', jsonb_build_object('id', p_user_id, 'email', coalesce(p_email, m.email)),
    'key', null,
    'organizations', coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'role', x.role) order by o.name, o.id)
                               from app.members x join app.organizations o on o.id = x.organization_id
                               where x.user_id = p_user_id), '[]'));
end
$$;
