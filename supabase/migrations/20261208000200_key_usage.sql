-- A key's usage in its current rate-limit windows, for Settings → Developer: read from the
-- counters app.authenticate_batch keeps (app.rate_limit_counters, app.route_quota_counters).
-- A counter row from an earlier window counts as nothing used: that is how the limiter reads it.
-- Limits come from the key itself (a counter's copy is only as new as the key's last request).
create or replace function app.api_key_usage(p_organization_id text, p_key_id text) returns jsonb
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
  select * into c from app.rate_limit_counters where key_id = k.id;
  minute_used := case when c.minute_window = minute_now then c.minute_used else 0 end;
  hour_used := case when c.hour_window = hour_now then c.hour_used else 0 end;
  return jsonb_build_object(
    'key_id', k.id,
    'last_used_at', k.last_used_at,
    'windows', jsonb_build_array(
      jsonb_build_object('name', 'minute', 'window_seconds', 60, 'limit', k.rate_per_minute, 'used', minute_used,
        'remaining', greatest(k.rate_per_minute - minute_used, 0), 'resets_at', to_timestamp((minute_now + 1) * 60)),
      jsonb_build_object('name', 'hour', 'window_seconds', 3600, 'limit', k.rate_per_hour, 'used', hour_used,
        'remaining', greatest(k.rate_per_hour - hour_used, 0), 'resets_at', to_timestamp((hour_now + 1) * 3600)))
    || coalesce((
      select jsonb_agg(jsonb_build_object('name', q.name, 'window_seconds', q.window_seconds, 'limit', q.quota, 'used', u.used,
        'remaining', greatest(q.quota - u.used, 0),
        'resets_at', to_timestamp((floor(epoch / q.window_seconds) + 1) * q.window_seconds)) order by q.name)
      from app.route_quotas q
      left join app.route_quota_counters rc on rc.key_id = k.id and rc.route = q.name
      cross join lateral (select case when rc.window_number = floor(epoch / q.window_seconds)::bigint then rc.used else 0 end as used) u
    ), '[]'::jsonb));
end
$$;
