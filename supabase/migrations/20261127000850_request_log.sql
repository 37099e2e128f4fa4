-- The request log: one row per API request whose organization is known (its key was found, or a
-- member was signed in), so an integrator can see why a request got a 403 or a 429 and support
-- can follow a request id. Written by the functions in batches, off the request path
-- (supabase/functions/_shared/request-log.ts); read through GET /api/request-logs; kept for
-- app.request_log_settings.retention_days and pruned by the scheduled `request-log-retention`
-- (its job is in the schedule migration).
-- No bodies, no keys, no secrets: only who, what route, the answer and how long it took.

create table app.request_log_settings (
  singleton       boolean primary key default true check (singleton),
  retention_days  int not null default 30 check (retention_days between 1 and 3650)
);
insert into app.request_log_settings default values;

-- organization_id has no foreign key: a log is written at the rate requests arrive, and a
-- foreign key's check costs a lookup and a row lock of the organization per entry. The writer
-- only logs organizations that authentication just found; the entries of an organization that
-- is deleted outlive it by at most the retention.
create table app.request_logs (
  organization_id  text not null,
  -- log_<ULID of the moment the request arrived>: ids sort as the requests arrived, to the
  -- millisecond, and are the list's cursor. Checked by shape, not by a regular expression: the
  -- regex cost 6-9 µs of the 30 µs an entry costs to store (decision 0017); the writer makes them.
  id               text not null check (left(id, 4) = 'log_' and octet_length(id) = 30),
  -- X-Request-Id as answered: ours (req_...) or the client's own, so not unique
  request_id       text not null check (length(request_id) between 1 and 128),
  created_at       timestamptz not null,
  -- the API key that sent it, or the signed-in member; a key's id stays valid after it is revoked
  key_id           text,
  member_id        text,
  method           text not null check (length(method) between 1 and 16),
  -- the matched route pattern (/api/properties/:id), never the URL with its ids and query
  route            text not null check (length(route) <= 200),
  status           smallint not null check (status between 100 and 599),
  duration_ms      int not null check (duration_ms >= 0),
  -- the message the client was answered with, for 4xx and 5xx
  error            text check (length(error) <= 1000),
  primary key (organization_id, id)
);
-- Our request ids are time-ordered (req_<milliseconds><random>, _shared/http.ts), so new
-- entries land at this index's right edge rather than on a random page each.
create index request_logs_request_id on app.request_logs (request_id);
-- Pruning finds old rows by time; rows arrive in time order, so a BRIN index stays tiny and
-- costs the batched insert next to nothing.
create index request_logs_created_at on app.request_logs using brin (created_at);

-- Appends a batch of entries: one statement per batch, however many requests it holds
-- (request-log.ts calls it every REQUEST_LOG_FLUSH_MS or REQUEST_LOG_BATCH entries), as a JSON
-- array of objects whose keys are the columns, the id as log_id and the arrival as epoch
-- milliseconds (arrived_ms), as each request's log line shows them.
-- A log may lose its last fraction of a second in a database crash; a batch need not wait on
-- fsync for that.
create function app.request_log_append(p_entries json) returns int
language plpgsql security definer set search_path = '' as $$
declare
  v_count int;
begin
  perform set_config('synchronous_commit', 'off', true);
  insert into app.request_logs (id, request_id, created_at, organization_id, key_id, member_id, method, route, status, duration_ms, error)
  select e.log_id, e.request_id, to_timestamp(e.arrived_ms / 1000), e.organization_id, e.key_id, e.member_id, e.method, e.route,
         e.status, e.duration_ms, e.error
  from json_to_recordset(p_entries) as e(log_id text, request_id text, arrived_ms float8, organization_id text, key_id text,
                                         member_id text, method text, route text, status smallint, duration_ms int, error text);
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- An entry as the API shows it.
create function app.request_log_json(r app.request_logs) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', r.id, 'object', 'request_log', 'request_id', r.request_id,
    'created_at', app.iso_instant(r.created_at),
    'key_id', r.key_id, 'member_id', r.member_id, 'method', r.method, 'route', r.route,
    'status', r.status, 'duration_ms', r.duration_ms, 'error', r.error)
$$;

-- Deletes at most p_limit entries older than the retention; "more": call again.
create function app.request_log_prune(p_limit int default 5000) returns json
language plpgsql security definer set search_path = '' as $$
declare
  v_cutoff timestamptz := now() - make_interval(days => (select s.retention_days from app.request_log_settings s));
  v_deleted int;
begin
  if p_limit is null or p_limit < 1 then
    raise invalid_parameter_value using message = 'request_log_prune: p_limit must be at least 1';
  end if;
  delete from app.request_logs r
  where r.ctid = any (array(select o.ctid from app.request_logs o where o.created_at < v_cutoff limit p_limit));
  get diagnostics v_deleted = row_count;
  return json_build_object('deleted', v_deleted, 'more', v_deleted = p_limit);
end
$$;

-- Support's view across organizations: find a request id a customer quoted,
--   select * from app.support_request_log where request_id = 'req_...' order by created_at desc;
-- For the service role and the database owner only: never granted to anon or authenticated.
create view app.support_request_log as
select r.request_id, r.created_at, r.organization_id, o.name as organization_name,
       r.key_id, k.prefix as key_prefix, k.name as key_name, r.member_id,
       r.method, r.route, r.status, r.duration_ms, r.error, r.id
from app.request_logs r
join app.organizations o on o.id = r.organization_id
left join app.api_keys k on k.id = r.key_id;

revoke all on app.request_logs, app.request_log_settings, app.support_request_log from public;
revoke all on function app.request_log_append(json),
                       app.request_log_prune(int) from public;
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') then
    execute 'revoke all on app.request_logs, app.request_log_settings, app.support_request_log from anon, authenticated';
  end if;
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    execute 'grant select on app.support_request_log to service_role';
  end if;
end
$$;
