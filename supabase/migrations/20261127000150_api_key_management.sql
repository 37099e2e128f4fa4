-- Key management through the API (the api-keys function). A key can only hand out scopes it
-- holds itself, so admin:api_keys never escalates to more than the caller already has.

create or replace function app.api_key_json(k app.api_keys) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', k.id, 'name', k.name, 'prefix', 'apt_' || k.prefix, 'scopes', to_jsonb(k.scopes),
    'rate_per_minute', k.rate_per_minute, 'rate_per_hour', k.rate_per_hour,
    'expires_at', k.expires_at, 'revoked_at', k.revoked_at,
    'created_at', k.created_at, 'last_used_at', k.last_used_at,
    'status', case when k.revoked_at is not null then 'revoked'
                   when k.expires_at is not null and k.expires_at <= now() then 'expired'
                   else 'active' end)
$$;

create or replace function app.api_key_issue(
  p_caller_key_id   text,
  p_name            text,
  p_scopes          text[],
  p_expires_at      timestamptz,
  p_rate_per_minute int,
  p_rate_per_hour   int
) returns jsonb
language plpgsql as $$
declare
  caller app.api_keys;
  beyond text[];
  created record;
begin
  select * into caller from app.api_keys where id = p_caller_key_id;
  beyond := array(select s from unnest(p_scopes) s where s <> all (caller.scopes) order by s);
  if cardinality(app.unknown_scopes(p_scopes)) = 0 and cardinality(beyond) > 0 then
    perform app.fail('AP403', 'A key can only grant scopes it holds itself; this key lacks ' || array_to_string(beyond, ', ') || '.');
  end if;
  select * into created from app.create_api_key(caller.organization_id, p_name, p_scopes, p_expires_at,
    coalesce(p_rate_per_minute, 60), coalesce(p_rate_per_hour, 1000));
  return (select app.api_key_json(k) || jsonb_build_object('key', created.api_key)
          from app.api_keys k where k.id = created.id);
end
$$;

create or replace function app.api_key_revoke(p_organization_id text, p_key_id text) returns jsonb
language plpgsql as $$
declare
  k app.api_keys;
begin
  select * into k from app.api_keys where id = p_key_id and organization_id = p_organization_id for update;
  if not found then
    perform app.fail('AP404', 'API key not found.');
  end if;
  if k.revoked_at is not null then
    perform app.fail('AP409', 'This API key is already revoked.');
  end if;
  update app.api_keys set revoked_at = now() where id = k.id returning * into k;
  return app.api_key_json(k);
end
$$;
