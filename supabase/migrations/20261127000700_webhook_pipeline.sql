-- The webhook pipeline: what the webhook-dispatcher function calls, and what calls it. A writer
-- that enqueues asks for a run when none holds the lease (app.webhook_wake_dispatcher; the
-- minutely schedule is only a safety net). A run takes the dispatcher's lease and claims due
-- messages (app.webhook_claim), POSTs them, records the outcomes
-- (app.webhook_record: backoff, the endpoints' circuits, giving up, disabling an endpoint and
-- emailing its owner), waits
-- inside PostgreSQL while the queue is idle (app.queue_wait), and at its end frees the lease,
-- asking for the next run if messages are still due (app.webhook_release); the
-- webhook-retention function prunes old history (app.webhook_prune); views for SQL-savvy teams
-- (docs/webhooks.md).
-- Rules: at least once: a message leaves the queue only when its delivery succeeded or was given
-- up, and a claimed message reappears after its visibility timeout; one dispatcher at a time (a
-- lease renewed every second, taken over from a silent or finished holder); at most one wake-up
-- request in flight, never one per event; nothing undelivered is pruned; no view depends on a
-- pgmq function (pgmq's upgrades drop and recreate them). On the hot path the queue table is
-- touched by msg_id only, never joined (why: docs/decisions/0003-queue-read-by-key.md), and batch
-- keys are named with = any (...) under enable_seqscan = off
-- (why: docs/decisions/0007-dispatcher-seqscan-off.md). Each endpoint has a lane (once it is
-- slow, at most endpoint_concurrency attempts in flight; else its share of the pool) and a circuit; a claim shares itself out across
-- organizations and endpoints, and the messages of an endpoint that cannot take them now (its
-- circuit open, or its lane full while it is slow) are parked, out of every claim's way, until
-- its lane frees or its probe succeeds (why: docs/decisions/0015-endpoint-lanes-and-circuits.md).

-- One dispatcher drains at a time: pg_net fires the schedule without waiting for the previous
-- call. A lease with an expiry, not an advisory lock, because hosted projects may reach the
-- database through a transaction-mode pooler, and a killed dispatcher must not hold it forever.
create table app.webhook_dispatcher_lease (
  singleton   boolean primary key default true check (singleton),
  holder      text not null,
  expires_at  timestamptz not null,
  -- when the holder's run plans to stop: the next scheduled run waits for it rather than
  -- leaving a gap until the tick after
  ends_at     timestamptz not null
);

-- When a message is enqueued and no run holds the lease, one request for a run is made; until a
-- run takes the lease (webhook_claim clears requested_at) or 10 seconds pass (a request that
-- failed), no other is: at most one in flight, never one per event.
create table app.webhook_wake (
  singleton    boolean primary key default true check (singleton),
  requested_at timestamptz
);
insert into app.webhook_wake (singleton) values (true);

-- Asks for a dispatcher run unless one holds the lease or was asked for in the last 10 seconds.
-- The wake-up row is taken with SKIP LOCKED: a writer whose transaction asked for a run holds it
-- until it commits, and no other writer may wait for that (if it rolls back, the next event or
-- the minutely safety net asks again). True when this call asked.
-- First it takes the writers' lock shared, as app.webhook_emit does (app.webhook_writers_lock).
create function app.webhook_wake_dispatcher() returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  perform pg_advisory_xact_lock_shared(app.webhook_writers_lock());
  if exists (select 1 from app.webhook_dispatcher_lease l
             where l.expires_at > clock_timestamp() and l.ends_at > clock_timestamp()) then
    return false;
  end if;
  update app.webhook_wake w set requested_at = clock_timestamp()
  where w.singleton = (select x.singleton from app.webhook_wake x
                       where x.requested_at is null or x.requested_at <= clock_timestamp() - interval '10 seconds'
                       for update skip locked);
  if not found then
    return false;
  end if;
  return app.scheduler_request('webhook-dispatcher') is not null;
end
$$;

-- Nominal wait after the n-th failed attempt of a delivery: 1 minute doubled each time, at
-- most 8 hours: 1m 2m 4m 8m 16m 32m 64m 128m 256m 8h 8h 8h 8h 8h. With 15 attempts the last
-- one comes about 48.5 hours after the first. The dispatcher applies ±10% jitter.
create function app.webhook_backoff_seconds(n int) returns int
language sql immutable parallel safe as $$
  select least(60 * power(2, greatest(n, 1) - 1), 28800)::int
$$;

-- One result of app.webhook_record's batch, as it applies to its delivery.
create type app.webhook_outcome as (
  msg_id bigint, delivery_id text, ok boolean, status_code int, latency_ms int, error text, response_body text,
  attempted_at timestamptz, finished_at timestamptz, event_id text, endpoint_id text, organization_id text,
  attempt int,
  -- no row yet: this is the delivery's first recorded attempt
  first boolean,
  -- the result the delivery waits on: its message's, and the latest of the batch for it
  current boolean,
  give_up boolean,
  delay_ms int,
  -- the attempt was its endpoint's probe (its circuit open)
  probe boolean
);

-- Messages parked by app.webhook_claim: their endpoint cannot take them now (circuit open, or lane
-- full of slow attempts). A parked message is invisible for 5 minutes, a safety net only: it is
-- made due again by app.webhook_release_parked, a few at a time as its endpoint's lane frees, or
-- taken as the probe. read_ct is the message's when parked: a message claimed since (it came due
-- by the safety net) has a higher one and is not made due twice.
create table app.webhook_parked (
  endpoint_id  text not null,
  msg_id       bigint not null,
  read_ct      int not null,
  primary key (endpoint_id, msg_id)
);

-- Makes due again up to p_counts[i] of endpoint p_endpoints[i]'s parked messages, oldest first.
create function app.webhook_release_parked(p_endpoints text[], p_counts int[]) returns int
language plpgsql security definer set search_path = '' set enable_seqscan = off as $$
declare
  v_ids bigint[];
  v_keys text[];
  n int;
begin
  with picked as (
    select x.endpoint_id, x.msg_id, x.read_ct
    from unnest(p_endpoints, p_counts) as r(endpoint_id, n)
    cross join lateral (select p.endpoint_id, p.msg_id, p.read_ct from app.webhook_parked p
                        where p.endpoint_id = r.endpoint_id order by p.msg_id limit greatest(r.n, 0)) x
  ), released as (
    delete from app.webhook_parked p
    where p.endpoint_id = any (p_endpoints)
      and (p.endpoint_id, p.msg_id) in (select k.endpoint_id, k.msg_id from picked k)
    returning p.msg_id, p.read_ct
  )
  select array_agg(msg_id), array_agg(msg_id::text || ':' || read_ct) into v_ids, v_keys from released;
  if v_ids is null then
    return 0;
  end if;
  update pgmq.q_webhooks q set vt = clock_timestamp()
  where q.msg_id = any (v_ids) and (q.msg_id::text || ':' || q.read_ct) = any (v_keys) and q.vt > clock_timestamp();
  get diagnostics n = row_count;
  return n;
end
$$;

-- Takes (or renews) the dispatcher lease for `p_holder`, then claims up to `p_qty` due messages
-- for `p_vt` seconds and returns what each attempt needs. A message's delivery is its row once
-- its first attempt is recorded, and the message itself before. Messages whose event, endpoint or
-- delivery is gone, whose delivery no longer waits on them, or whose endpoint belongs to another
-- organization than its event, are deleted; deliveries to disabled endpoints are held.
-- {"leased": false, "ends_in_ms": n} when another dispatcher holds the lease.
-- Lanes: `p_busy` is {endpoint_id: attempts the run has in flight}, `p_park` the endpoints the run
-- finds slow (an attempt in flight for a while); a slow endpoint gets no more than its lane's room
-- (endpoint_concurrency less those), a prompt one its share of the run's pool (in flight plus
-- p_qty, over the endpoints busy or due; a lane at least), so a burst to a few endpoints fills
-- the pool and a slow one never holds more than its share; an open circuit gets none but its
-- probe once next_probe_at has passed. The claim looks at the earliest-due messages (a window of 4 claims'
-- worth, read through the vt index) and takes them round-robin: organizations first, then
-- endpoints within each. The window's messages of an open circuit, and those over the lane of an
-- endpoint in `p_park`, are parked
-- (app.webhook_parked), so a backlog of one endpoint never fills the window.
-- It reads the queue with statements of its own, not pgmq.read, whose statement joins the
-- messages it locks back to the queue table: the subqueries walk an index, and the updates look
-- the ids up by key. Archiving still goes through pgmq (app.webhook_record deletes by key too).
-- The lease renews on its own clock (p_lease_seconds), not the messages' visibility timeout, so
-- a killed run's lease ends within seconds; p_qty = 0 renews the lease only (a run whose pool is
-- full renews it that way). Taking the lease answers the wake-up that asked for a run.
-- Its statements run on generic plans: with custom ones (the plan cache's choice for the
-- messages' join) a one-message claim spent 0.6 of its 1.6 ms planning (docs/decisions/0018).
create function app.webhook_claim(p_holder text, p_qty int, p_vt int, p_ends_at timestamptz, p_lease_seconds int,
                                  p_busy json default '{}', p_park text[] default '{}') returns json
language plpgsql security definer set search_path = '' set enable_seqscan = off
set plan_cache_mode = force_generic_plan as $$
declare
  v_lane int;
  v_out json;
  v_orphans bigint[];
  v_held_msgs bigint[];
  v_held text[];
  v_held_first bigint[];
  v_ids bigint[];
  v_msgs jsonb[];
  v_delivery_ids text[];
  v_win_ids bigint[];
  v_win_endpoints text[];
  v_pick bigint[];
  v_park bigint[];
  v_probes bigint[];
  v_probed text[];
  v_share int;
  v_more boolean;
begin
  -- A crash loses at most this bookkeeping, and the messages then reappear: at-least-once holds.
  perform set_config('synchronous_commit', 'off', true);
  -- The lease is taken over at once from a holder past its end (it stopped claiming, so it is
  -- dead or finishing what it has in flight) or silent for p_lease_seconds (killed mid-run: a
  -- live run renews the lease at least every second, claiming or not).
  insert into app.webhook_dispatcher_lease as l (singleton, holder, expires_at, ends_at)
  values (true, p_holder, clock_timestamp() + make_interval(secs => p_lease_seconds), p_ends_at)
  on conflict (singleton) do update set holder = excluded.holder, expires_at = excluded.expires_at, ends_at = excluded.ends_at
  where l.holder = excluded.holder or l.expires_at < clock_timestamp() or l.ends_at < clock_timestamp();
  if not found then
    return (select json_build_object('leased', false, 'ends_in_ms',
              greatest(0, extract(epoch from least(l.ends_at, l.expires_at) - clock_timestamp()) * 1000)::int)
            from app.webhook_dispatcher_lease l);
  end if;
  -- a run holds the lease: the wake-up that asked for one is answered (not by a run handing
  -- over, whose end has passed: its request stands until its successor claims)
  update app.webhook_wake w set requested_at = null where w.singleton and w.requested_at is not null and p_ends_at > clock_timestamp();
  v_lane := (select s.endpoint_concurrency from app.webhook_settings s);
  if p_qty <= 0 then
    return json_build_object('leased', true, 'lane', v_lane, 'messages', '[]'::json);
  end if;

  -- Probes: an open circuit whose probe is due, with nothing of it in flight, sends its oldest
  -- parked message.
  select array_agg(x.msg_id), array_agg(x.endpoint_id) into v_probes, v_probed
  from (select e.id as endpoint_id,
               (select p.msg_id from app.webhook_parked p where p.endpoint_id = e.id order by p.msg_id limit 1) as msg_id
        from app.webhook_endpoints e
        where e.next_probe_at <= clock_timestamp() and e.enabled
          and coalesce((p_busy->>e.id)::int, 0) = 0) x
  where x.msg_id is not null;
  if v_probes is not null then
    delete from app.webhook_parked p where p.endpoint_id = any (v_probed) and p.msg_id = any (v_probes);
  end if;

  -- The window: the earliest-due messages, unlocked, through the vt index (parked and in-flight
  -- messages are not due, so they cost nothing here).
  select coalesce(array_agg(w.msg_id order by w.vt, w.msg_id), '{}'), coalesce(array_agg(w.endpoint_id order by w.vt, w.msg_id), '{}')
  into v_win_ids, v_win_endpoints
  from (select d.msg_id, d.vt, d.message->>'endpoint_id' as endpoint_id from pgmq.q_webhooks d
        where d.vt <= clock_timestamp() order by d.vt limit greatest(p_qty * 4, 400)) w;

  -- the run's pool (what it has in flight and what it asks for) shared by the endpoints it is
  -- busy with or that have messages due
  select (p_qty + coalesce((select sum(b.value::int) from json_each_text(p_busy) b), 0))
         / greatest(1, (select count(*) from (select unnest(v_win_endpoints) union select json_object_keys(p_busy)) a))
  into v_share;

  with w as (
    select x.msg_id, x.endpoint_id, x.ord, row_number() over (partition by x.endpoint_id order by x.ord) as rank_in_endpoint
    from unnest(v_win_ids, v_win_endpoints) with ordinality as x(msg_id, endpoint_id, ord)
  ), ep as (
    select e.id, e.organization_id, e.next_probe_at is not null as open,
           case when not e.enabled then p_qty  -- held by the claim below
                when e.next_probe_at is null and e.id = any (p_park) then v_lane - coalesce((p_busy->>e.id)::int, 0)
                -- a prompt endpoint: its share of the run's pool (a lane at least)
                when e.next_probe_at is null then greatest(v_lane, v_share) - coalesce((p_busy->>e.id)::int, 0)
                when e.next_probe_at <= clock_timestamp() and coalesce((p_busy->>e.id)::int, 0) = 0
                     and not e.id = any (coalesce(v_probed, '{}')) then 1
                else 0 end as room,
           e.enabled and (e.next_probe_at is not null or e.id = any (p_park)) as parks
    from app.webhook_endpoints e where e.id = any (v_win_endpoints)
  ), r as (
    -- a message with no endpoint (gone: an orphan) goes to the claim, which deletes it
    select w.msg_id, w.ord, w.rank_in_endpoint, coalesce(ep.organization_id, w.endpoint_id) as fair_key,
           coalesce(ep.room, p_qty) as room, coalesce(ep.parks, false) as parks, coalesce(ep.open, false) as open
    from w left join ep on ep.id = w.endpoint_id
  ), fair as (
    select r.msg_id, r.ord, r.open,
           row_number() over (partition by r.fair_key order by r.rank_in_endpoint, r.ord) as turn
    from r where r.rank_in_endpoint <= r.room
  ), picked as (
    select f.msg_id, f.open from fair f order by f.turn, f.ord limit p_qty
  )
  select coalesce((select array_agg(p.msg_id) from picked p), '{}'),
         (select array_agg(r.msg_id) from r where r.parks and r.rank_in_endpoint > r.room),
         coalesce(v_probes, '{}') || coalesce((select array_agg(p.msg_id) from picked p where p.open), '{}')
  into v_pick, v_park, v_probes;
  -- whether messages are left due that this claim did not take (lanes, shares, or past the
  -- window): without any, the run waits for the queue (app.queue_wait), not for its attempts
  v_more := cardinality(v_win_ids) >= greatest(p_qty * 4, 400)
            or cardinality(v_win_ids) > cardinality(v_pick) + coalesce(cardinality(v_park), 0);

  if v_park is not null then
    with parked as (
      update pgmq.q_webhooks q set vt = clock_timestamp() + interval '5 minutes'
      where q.msg_id = any (array(select d.msg_id from pgmq.q_webhooks d where d.msg_id = any (v_park)
                                  and d.vt <= clock_timestamp() order by d.msg_id for update skip locked))
      returning q.msg_id, q.read_ct, q.message->>'endpoint_id' as endpoint_id
    )
    insert into app.webhook_parked (endpoint_id, msg_id, read_ct)
    select k.endpoint_id, k.msg_id, k.read_ct from parked k
    on conflict (endpoint_id, msg_id) do update set read_ct = excluded.read_ct;
  end if;

  -- pgmq.read's effect without its join (docs/decisions/0003-queue-read-by-key.md): the picked
  -- messages still due (and the probes), locked, skipping those another transaction holds, each
  -- made invisible for p_vt seconds and its read_ct raised. A statement apart from the join below,
  -- which must see deliveries committed just before this read (a statement's snapshot predates
  -- what runs inside it).
  with taken as (
    update pgmq.q_webhooks q set vt = clock_timestamp() + make_interval(secs => p_vt), read_ct = q.read_ct + 1
    where q.msg_id = any (array(select d.msg_id from pgmq.q_webhooks d
                                where d.msg_id = any (v_pick || v_probes)
                                  and (d.vt <= clock_timestamp() or d.msg_id = any (v_probes))
                                order by d.msg_id for update skip locked))
    returning q.msg_id, q.message
  )
  select coalesce(array_agg(t.msg_id order by t.msg_id), '{}'), coalesce(array_agg(t.message order by t.msg_id), '{}')
  into v_ids, v_msgs from taken t;
  if cardinality(v_ids) = 0 then
    return json_build_object('leased', true, 'lane', v_lane, 'messages', '[]'::json, 'more', v_more);
  end if;
  -- one probe at a time: the next one is due when this one's visibility timeout ends, unless its
  -- result (app.webhook_record) sets it first; an endpoint app.webhook_record holds is left as is
  if cardinality(v_probes) > 0 then
    update app.webhook_endpoints e set next_probe_at = clock_timestamp() + make_interval(secs => p_vt)
    where e.id = any (array(select x.id from app.webhook_endpoints x
                            where x.id = any (array(select t.message->>'endpoint_id' from unnest(v_ids, v_msgs) as t(msg_id, message)
                                                    where t.msg_id = any (v_probes)))
                            for update skip locked));
  end if;

  v_delivery_ids := array(select m->>'delivery_id' from unnest(v_msgs) m);

  with m as (
    select x.msg_id, x.message->>'delivery_id' as delivery_id, x.message->>'event_id' as event_id,
           x.message->>'endpoint_id' as endpoint_id
    from unnest(v_ids, v_msgs) as x(msg_id, message)
  ), j as (
    select m.msg_id, m.delivery_id, d.id is null as first, coalesce(d.total_attempts, 0) as total_attempts,
           e.id as endpoint_id, e.enabled, e.url, e.secret_sealed, e.secret_key_id, e.previous_secret_sealed, e.previous_secret_key_id, e.previous_secret_expires_at,
           ev.id as event_id, ev.kind, ev.organization_id, ev.payload,
           e.id is not null and (d.id is null or (d.status = 'pending' and d.msg_id = m.msg_id)) as live
    from m
    left join app.webhook_deliveries d on d.id = m.delivery_id and d.id = any (v_delivery_ids)
    -- a recorded delivery's event and endpoint are its row's, an unrecorded one's its message's;
    -- an event is only ever sent to an endpoint of its own organization
    left join app.webhook_events ev on ev.id = coalesce(d.event_id, m.event_id)
    left join app.webhook_endpoints e on e.organization_id = ev.organization_id and e.id = coalesce(d.endpoint_id, m.endpoint_id)
  )
  select
    coalesce(json_agg(json_build_object(
      'msg_id', j.msg_id, 'delivery_id', j.delivery_id, 'endpoint_id', j.endpoint_id, 'event_id', j.event_id,
      'event', j.kind, 'organization_id', j.organization_id, 'payload', j.payload, 'url', j.url,
      -- numbered per delivery across redeliveries and replays (X-PMAI-Attempt)
      'attempt', j.total_attempts + 1,
      'probe', j.msg_id = any (v_probes),
      -- sealed (the dispatcher opens them: _shared/webhooks/secrets.ts); the newest last: the
      -- reference's snippets read the last v1=
      'secrets', case when j.previous_secret_sealed is not null and j.previous_secret_expires_at > now()
                      then json_build_array(json_build_object('key_id', j.previous_secret_key_id, 'sealed', encode(j.previous_secret_sealed, 'hex')),
                                            json_build_object('key_id', j.secret_key_id, 'sealed', encode(j.secret_sealed, 'hex')))
                      else json_build_array(json_build_object('key_id', j.secret_key_id, 'sealed', encode(j.secret_sealed, 'hex'))) end
    ) order by j.msg_id) filter (where j.live and j.enabled), '[]'),
    array_agg(j.msg_id) filter (where not j.live),
    array_agg(j.msg_id) filter (where j.live and not j.enabled),
    array_agg(j.delivery_id) filter (where j.live and not j.enabled and not j.first),
    array_agg(j.msg_id) filter (where j.live and not j.enabled and j.first)
  into v_out, v_orphans, v_held_msgs, v_held, v_held_first
  from j;

  if v_orphans is not null then
    perform pgmq.delete('webhooks'::text, v_orphans);
  end if;
  if v_held is not null then
    update app.webhook_deliveries set status = 'held', msg_id = null where id = any (v_held);
  end if;
  if v_held_first is not null then
    -- kept for the endpoint's re-enabling, dated when its event was
    insert into app.webhook_deliveries (id, organization_id, endpoint_id, event_id, status, msg_id, next_attempt_at, created_at)
    select x.message->>'delivery_id', ev.organization_id, e.id, ev.id, 'held', null, ev.created_at, ev.created_at
    from unnest(v_ids, v_msgs) as x(msg_id, message)
    join app.webhook_events ev on ev.id = x.message->>'event_id'
    join app.webhook_endpoints e on e.organization_id = ev.organization_id and e.id = x.message->>'endpoint_id'
    where x.msg_id = any (v_held_first)
    on conflict (id) do nothing;
  end if;
  if v_held_msgs is not null then
    perform pgmq.archive('webhooks'::text, v_held_msgs);
  end if;
  return json_build_object('leased', true, 'lane', v_lane, 'messages', v_out, 'more', v_more);
end
$$;

-- Records a batch of attempts: [{msg_id, delivery_id, event_id, endpoint_id, organization_id, ok,
-- status_code, latency_ms, error, response_body, attempted_at, finished_at, probe}], the ids as
-- the claim returned them, and `final` when no later attempt can succeed (a forbidden address). A
-- delivery's first attempt writes its row. Successes leave the queue; failures come back after
-- the backoff (with jitter) or, after max_attempts or a final failure, are given up (archived).
-- Per endpoint, a circuit breaker: a failure opens its circuit (next_probe_at: new deliveries wait,
-- parked, for the probe), and consecutive failures are counted per probe, one a backoff step
-- apart, so a burst of failures counts once and disabling takes as long under traffic as for a
-- lone event; failures of attempts already in flight when it opened count for nothing. A success
-- closes it and releases its parked messages (a lane's worth at once, then one per attempt
-- finished). An endpoint is disabled after `disable_after_failures` or at once on a 410; its
-- owner is emailed (through the outbox) and its pending deliveries are held.
-- Returns {"disabled": [endpoint ids]}.
-- Its statements run on generic plans, as the claim's do: a steady stream's record of six
-- outcomes took 3.4 ms instead of 4.7 (planning again at every call), about 30 times a second,
-- on the cores the claims need (docs/decisions/0018).
create function app.webhook_record(p_results json) returns json
language plpgsql security definer set search_path = '' set enable_seqscan = off
set plan_cache_mode = force_generic_plan as $$
declare
  s app.webhook_settings;
  v_success_msgs bigint[];
  v_give_up_msgs bigint[];
  v_disabled text[];
  v_held_msgs bigint[];
  v_rows app.webhook_outcome[];
  v_retry_ids bigint[];
  v_retry_ms int[];
  v_release text[];
  v_release_n int[];
  v_released int;
begin
  perform set_config('synchronous_commit', 'off', true);
  select * into s from app.webhook_settings;

  select array_agg(row(y.msg_id, y.delivery_id, y.ok, y.status_code, y.latency_ms, left(y.error, 1000),
           left(y.response_body, 1024), y.attempted_at, y.finished_at,
           coalesce(y.row_event_id, y.event_id), coalesce(y.row_endpoint_id, y.endpoint_id),
           coalesce(y.row_organization_id, y.organization_id), y.total_attempts + 1,
           y.row_id is null,
           -- a result for a message the delivery no longer waits on (a late duplicate) is kept
           -- as an attempt but changes nothing else
           y.latest and (y.row_id is null or (y.row_status = 'pending' and y.row_msg_id = y.msg_id)),
           not y.ok and (y.attempts + 1 >= s.max_attempts or coalesce(y.final, false)),
           round(app.webhook_backoff_seconds(y.attempts + 1) * (s.backoff_unit_ms / 60.0) * (0.9 + random() * 0.2))::int,
           coalesce(y.probe, false))::app.webhook_outcome
         order by y.finished_at)
  into v_rows
  from (
    select x.*, d.id as row_id, d.event_id as row_event_id, d.endpoint_id as row_endpoint_id,
           d.organization_id as row_organization_id, d.status as row_status, d.msg_id as row_msg_id,
           -- attempts: this round's (since the last redeliver or replay), for the backoff and max_attempts;
           -- total_attempts: the delivery's, for the attempt's number
           coalesce(d.attempts, 0) as attempts, coalesce(d.total_attempts, 0) as total_attempts,
           row_number() over (partition by x.delivery_id order by x.finished_at desc) = 1 as latest
    from json_to_recordset(p_results) as x(msg_id bigint, delivery_id text, event_id text, endpoint_id text,
                                            organization_id text, ok boolean, status_code int, latency_ms int,
                                            error text, response_body text, attempted_at timestamptz, finished_at timestamptz,
                                            final boolean, probe boolean)
    left join app.webhook_deliveries d
      on d.id = x.delivery_id
     and d.id = any (array(select given.result->>'delivery_id' from json_array_elements(p_results) as given(result)))
  ) y;
  if v_rows is null then
    return json_build_object('disabled', '[]'::json);
  end if;

  -- First attempts write their delivery, dated when its event was, unless its event or endpoint
  -- is gone by now; then the attempts of every delivery that has a row.
  with written as (
    insert into app.webhook_deliveries (id, organization_id, endpoint_id, event_id, status, msg_id, attempts, total_attempts,
                                        next_attempt_at, last_attempt_at, last_status_code, last_error, delivered_at, created_at)
    select w.delivery_id, w.organization_id, w.endpoint_id, ev.id,
           case when w.ok then 'succeeded' when w.give_up then 'failed' else 'pending' end,
           case when w.ok or w.give_up then null else w.msg_id end,
           1, 1,
           case when w.ok or w.give_up then ev.created_at else now() + make_interval(secs => w.delay_ms / 1000.0) end,
           w.attempted_at, w.status_code, w.error, case when w.ok then w.finished_at end, ev.created_at
    from unnest(v_rows) w
    join app.webhook_events ev on ev.id = w.event_id and ev.organization_id = w.organization_id
    where w.first and w.current
      and exists (select 1 from app.webhook_endpoints e where e.id = w.endpoint_id and e.organization_id = w.organization_id)
    order by w.delivery_id
    on conflict (id) do nothing
    returning id
  )
  insert into app.webhook_attempts (delivery_id, endpoint_id, organization_id, attempt, attempted_at, succeeded,
                                    status_code, latency_ms, error, response_body)
  select w.delivery_id, w.endpoint_id, w.organization_id, w.attempt, w.attempted_at, w.ok, w.status_code, w.latency_ms,
         w.error, w.response_body
  from unnest(v_rows) w
  where not w.first
     or w.delivery_id in (select id from written)
     -- written by another call meanwhile (two runs handing over)
     or exists (select 1 from app.webhook_deliveries d where d.id = w.delivery_id)
  order by w.finished_at;

  update app.webhook_deliveries d set
    status = case when w.ok then 'succeeded' when w.give_up then 'failed' else 'pending' end,
    msg_id = case when w.ok or w.give_up then null else d.msg_id end,
    attempts = d.attempts + 1,
    total_attempts = d.total_attempts + 1,
    last_attempt_at = w.attempted_at,
    last_status_code = w.status_code,
    last_error = w.error,
    delivered_at = case when w.ok then w.finished_at end,
    next_attempt_at = case when w.ok or w.give_up then d.next_attempt_at else now() + make_interval(secs => w.delay_ms / 1000.0) end
  from unnest(v_rows) w
  where d.id = w.delivery_id and w.current and not w.first
    and d.id = any (array(select c.delivery_id from unnest(v_rows) c where c.current and not c.first));

  -- A first attempt whose event or endpoint is gone is handled like the others here: its message
  -- leaves the queue, or comes back and is then deleted by the claim as an orphan.
  select array_agg(msg_id) filter (where ok), array_agg(msg_id) filter (where give_up)
  into v_success_msgs, v_give_up_msgs
  from unnest(v_rows) where current;
  -- succeeded messages leave the queue by key: pgmq.delete builds its statement anew at each
  -- call (0.47 ms a call, a tenth of the record); the table is pgmq's, as for the claim's read
  if v_success_msgs is not null then
    delete from pgmq.q_webhooks q where q.msg_id = any (v_success_msgs);
  end if;
  if v_give_up_msgs is not null then
    perform pgmq.archive('webhooks'::text, v_give_up_msgs);
  end if;
  -- retries come back after their backoff: pgmq.set_vt's effect, by key, in milliseconds
  select array_agg(msg_id), array_agg(delay_ms) into v_retry_ids, v_retry_ms
  from unnest(v_rows) where current and not ok and not give_up;
  if v_retry_ids is not null then
    update pgmq.q_webhooks q
    set vt = clock_timestamp() + make_interval(secs => v_retry_ms[array_position(v_retry_ids, q.msg_id)] / 1000.0)
    where q.msg_id = any (v_retry_ids);
  end if;

  -- The circuits. Per endpoint of the batch: recovered when its latest result succeeded; else a
  -- failure counts when its circuit was closed (it opens) or its probe failed, once per batch.
  with per_endpoint as (
    select w.endpoint_id, count(*)::int as outcomes,
           (array_agg(w.ok order by w.finished_at desc))[1] as recovered,
           bool_or(w.ok) as any_ok,
           bool_or(not w.ok and w.probe) as probe_failed,
           coalesce(bool_or(w.status_code = 410), false) as gone
    from unnest(v_rows) w
    group by w.endpoint_id
  ), counted as (
    select e.id, e.enabled, p.gone, p.outcomes, p.recovered, e.next_probe_at is not null as was_open,
           case when p.recovered then 0
                -- a success then a failure: a new run of failures
                when p.any_ok then 1
                when e.next_probe_at is null or p.probe_failed then e.consecutive_failures + 1
                else e.consecutive_failures end as failures,
           not p.recovered and (p.any_ok or e.next_probe_at is null or p.probe_failed) as counts
    from app.webhook_endpoints e join per_endpoint p on p.endpoint_id = e.id
    for update of e
  ), decided as (
    select c.*, c.enabled and (c.gone or c.failures >= s.disable_after_failures) as disabling from counted c
  ), updated as (
    update app.webhook_endpoints e set
      consecutive_failures = c.failures,
      next_probe_at = case when c.recovered or c.disabling then null
                           when c.counts then now() + make_interval(secs =>
                             app.webhook_backoff_seconds(c.failures) * (s.backoff_unit_ms / 60000.0) * (0.9 + random() * 0.2))
                           else e.next_probe_at end,
      enabled = e.enabled and not c.disabling,
      disabled_at = case when c.disabling then now() else e.disabled_at end,
      disabled_reason = case when c.disabling then case when c.gone then 'gone' else 'consecutive_failures' end else e.disabled_reason end,
      updated_at = case when c.disabling then now() else e.updated_at end
    from decided c
    where e.id = c.id
    returning e.id, c.disabling, e.enabled and e.next_probe_at is null as closed,
              c.outcomes + case when c.recovered and c.was_open then s.endpoint_concurrency else 0 end as release
  )
  select array_agg(id) filter (where disabling),
         array_agg(id) filter (where closed or disabling),
         -- a disabled endpoint's parked messages all come due: the claim holds them
         array_agg(case when disabling then 2147483647 else release end) filter (where closed or disabling)
  into v_disabled, v_release, v_release_n
  from updated;

  -- a lane's slots freed: as many of its parked messages come due
  if v_release is not null then
    v_released := app.webhook_release_parked(v_release, v_release_n);
  end if;

  if v_disabled is not null then
    with held as (
      update app.webhook_deliveries d set status = 'held', msg_id = null
      from (select id, msg_id from app.webhook_deliveries
            where endpoint_id = any (v_disabled) and status = 'pending' for update) p
      where d.id = p.id
      returning p.msg_id
    )
    select array_agg(msg_id) into v_held_msgs from held;
    if v_held_msgs is not null then
      perform pgmq.archive('webhooks'::text, v_held_msgs);
    end if;
    perform app.webhook_notify_disabled(id) from unnest(v_disabled) id;
  end if;

  return json_build_object('disabled', coalesce(to_json(v_disabled), '[]'));
end
$$;

-- Queues the email to the organization's owner about a disabled endpoint.
create function app.webhook_notify_disabled(p_endpoint_id text) returns void
language sql security definer set search_path = '' as $$
  insert into app.email_outbox (organization_id, to_address, subject, body)
  select e.organization_id, m.email,
    'Aptoria: webhook endpoint disabled (' || left(e.url, 200) || ')',
    format(E'Hello %s,\n\n'
      'Aptoria disabled the webhook endpoint %s of %s\n'
      '  URL: %s\n'
      '  Why: %s\n'
      '  Last response: %s\n\n'
      'Events for this endpoint are kept, not dropped. Once the receiver works again, re-enable the\n'
      'endpoint (POST /api/webhook-endpoints/%s/enable, or Settings -> Developer) and the kept\n'
      'deliveries are sent.\n\n'
      '-- Aptoria\n',
      coalesce(m.name, m.email), e.id, o.name, e.url,
      case e.disabled_reason when 'gone' then 'it answered 410 Gone'
           else e.consecutive_failures || ' consecutive failed deliveries' end,
      coalesce((select coalesce('HTTP ' || a.status_code, a.error) from app.webhook_attempts a
                where a.endpoint_id = e.id order by a.id desc limit 1), 'none'),
      e.id)
  from app.webhook_endpoints e
  join app.organizations o on o.id = e.organization_id
  join app.members m on m.organization_id = e.organization_id and m.role = 'owner'
  where e.id = p_endpoint_id
$$;

-- Whether an open circuit's probe is due with its messages parked (the queue shows nothing due).
create function app.webhook_probe_due() returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  return exists (select 1 from app.webhook_endpoints e
                 where e.next_probe_at <= clock_timestamp() and e.enabled
                   and exists (select 1 from app.webhook_parked p where p.endpoint_id = e.id));
end
$$;

-- Frees the lease at the end of a run, so the next run starts at once; when messages are due
-- still (the run stopped at its CPU budget or run time), asks for the next run: the hand-over.
-- Also when a writer is still open that enqueued while this run held the lease: its messages
-- are not visible here, and it asked for no run, counting on this one. Such a writer holds the
-- writers' lock (app.webhook_writers_lock) shared: it takes it before it looks at the lease and
-- keeps it until it commits, so the lock is not free. True when it asked.
create function app.webhook_release(p_holder text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  delete from app.webhook_dispatcher_lease where holder = p_holder;
  if not pg_try_advisory_xact_lock(app.webhook_writers_lock())
     or exists (select 1 from pgmq.q_webhooks q where q.vt <= now()) or app.webhook_probe_due() then
    return app.webhook_wake_dispatcher();
  end if;
  return false;
end
$$;

-- A run near its CPU budget asks for its successor while it keeps claiming (with its end, now,
-- as p_ends_at): the successor's first claim takes the lease over, and the run then stops
-- claiming and finishes what it has in flight, so the stream of claims has no gap. The wake-up
-- row is marked requested, so writers seeing no lease held do not ask again. True when it asked.
-- Committed without waiting for the flush, as the claim is: the run that calls it claims
-- nothing until it returns (a steady stream's events at a hand-over waited 12-26 ms,
-- docs/decisions/0018), and a request lost in a crash is made again by the minutely safety net.
create function app.webhook_hand_over(p_holder text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  perform set_config('synchronous_commit', 'off', true);
  update app.webhook_dispatcher_lease l set ends_at = clock_timestamp() where l.holder = p_holder;
  if not found then
    return false;
  end if;
  update app.webhook_wake w set requested_at = clock_timestamp() where w.singleton;
  return app.scheduler_request('webhook-dispatcher') is not null;
end
$$;

-- Retention: events, deliveries, attempts and archived queue messages older than
-- app.webhook_settings.retention_days (30 by default) are deleted by the scheduled
-- `webhook-retention` function. Nothing undelivered goes: pending and held deliveries, their
-- events, and events whose messages still wait in the queue are kept whatever their age.
--
-- Deletes at most p_limit of each: finished deliveries (succeeded, or failed and given up)
-- created before the retention and not attempted since, with their attempts; events created
-- before it that have no delivery left and no message in the queue; archived queue messages
-- archived before it. Answers the counts, and whether a limit was reached ("more": call again).
-- Candidates are found by key range (ids are ordered by creation time), and deleted by key
-- (`= any (array(...))`: with `in (...)` the planner hashed the candidates and scanned the table).
create function app.webhook_prune(p_limit int default 5000) returns json
language plpgsql security definer set search_path = '' as $$
declare
  v_cutoff timestamptz := now() - make_interval(days => (select s.retention_days from app.webhook_settings s));
  v_deliveries int;
  v_events int;
  v_archived int;
begin
  if p_limit is null or p_limit < 1 then
    raise invalid_parameter_value using message = 'webhook_prune: p_limit must be at least 1';
  end if;

  delete from app.webhook_deliveries d
  where d.id = any (array(select o.id from app.webhook_deliveries o
                          where o.id < app.id_floor('dlv', v_cutoff)
                            and o.status in ('succeeded', 'failed')
                            and coalesce(o.last_attempt_at, o.created_at) < v_cutoff
                          order by o.id limit p_limit));
  get diagnostics v_deliveries = row_count;

  delete from app.webhook_events v
  where v.id = any (array(select o.id from app.webhook_events o
                          where o.id < app.id_floor('evt', v_cutoff)
                            and not exists (select 1 from app.webhook_deliveries d where d.event_id = o.id)
                            and not exists (select 1 from pgmq.q_webhooks q where q.message->>'event_id' = o.id)
                          order by o.id limit p_limit));
  get diagnostics v_events = row_count;

  -- parked rows whose message is gone (its endpoint deleted, its delivery held or given up)
  delete from app.webhook_parked p where not exists (select 1 from pgmq.q_webhooks q where q.msg_id = p.msg_id);

  delete from pgmq.a_webhooks a
  where a.msg_id = any (array(select o.msg_id from pgmq.a_webhooks o where o.archived_at < v_cutoff
                                order by o.archived_at limit p_limit));
  get diagnostics v_archived = row_count;

  return json_build_object('deliveries', v_deliveries, 'events', v_events, 'archived_messages', v_archived,
                           'more', greatest(v_deliveries, v_events, v_archived) = p_limit);
end
$$;

-- Waits until a message of the pgmq queue `p_queue` is due, for at most p_max_ms, and sets
-- `due` to whether one is (messages waiting on a retry's backoff are not due; for `webhooks`, a
-- probe that is due counts). An idle
-- dispatcher waits here between its claims, one look at the queue's vt index every 10 ms, as
-- pgmq.read_with_poll waits (why: docs/decisions/0004-wait-inside-postgres.md).
-- A procedure, and each look its own transaction: between looks it holds no lock and no
-- snapshot, so it never holds the database's xmin horizon back. Hence also no SECURITY DEFINER
-- or SET (a procedure with either cannot commit): it runs with the caller's rights and names
-- everything by schema. CALL it on its own, not in a transaction.
create procedure app.queue_wait(p_queue text, p_max_ms int, inout due boolean default null, p_look_ms int default 10)
language plpgsql as $$
declare
  v_look text := format('select exists (select 1 from pgmq.%I where vt <= pg_catalog.clock_timestamp())', 'q_' || p_queue);
  v_until timestamptz := pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => greatest(p_max_ms, 0) / 1000.0);
  v_looks int := 0;
begin
  loop
    -- the dispatcher's queue is looked at with a plan kept for the session; any other is
    -- planned again at each look, about 0.1 ms more (1% of a core at 100 looks a second).
    -- A probe coming due (minutes of backoff apart) is looked for at every 20th look only: that
    -- function call was 0.04 ms of a look's 0.1 (docs/decisions/0018)
    if p_queue = 'webhooks' then
      due := exists (select 1 from pgmq.q_webhooks where vt <= pg_catalog.clock_timestamp())
             or (v_looks % 20 = 0 and app.webhook_probe_due());
      v_looks := v_looks + 1;
    else
      execute v_look into due;
    end if;
    commit;
    exit when due or pg_catalog.clock_timestamp() >= v_until;
    -- pg_sleep waits in whole milliseconds, rounded up, and again when woken a hair early: a
    -- 1 ms sleep took 2 ms on average; half a millisecond less is one wait of the interval
    perform pg_catalog.pg_sleep((least(greatest(coalesce(p_look_ms, 10), 1), 100) - 0.5) / 1000.0);
  end loop;
end
$$;

-- The dispatcher's wait and its next claim in one call: waits like app.queue_wait (at most
-- p_max_ms, a look every p_look_ms) and then claims (app.webhook_claim, with the other
-- arguments), due or not, so the claim that follows a message coming due costs no round trip
-- and no wake-up of the dispatcher in between (docs/decisions/0018). A procedure, CALLed on its
-- own, for the reasons app.queue_wait is: the claim is its last transaction.
create procedure app.webhook_wait_claim(p_max_ms int, p_look_ms int, p_holder text, p_qty int, p_vt int,
                                        p_ends_at timestamptz, p_lease_seconds int, p_busy json, p_park text[],
                                        inout result json default null)
language plpgsql as $$
declare
  v_due boolean;
begin
  call app.queue_wait('webhooks', p_max_ms, v_due, p_look_ms);
  result := app.webhook_claim(p_holder, p_qty, p_vt, p_ends_at, p_lease_seconds, p_busy, p_park);
end
$$;

------------------------------------------------------------
-- Views for SQL-savvy teams (see docs/webhooks.md)
------------------------------------------------------------

-- Per endpoint: what is waiting and how old the oldest undelivered delivery is. A message whose
-- delivery has no row yet (waiting for, or in, its first attempt: normally for less than a
-- second; for as long as the dispatcher is not running) counts as pending.
create view app.webhook_backlog as
with unrecorded as (
  select q.message->>'endpoint_id' as endpoint_id, count(*) as pending,
         count(*) filter (where q.vt <= now()) as due_now, min(q.enqueued_at) as oldest
  from pgmq.q_webhooks q
  where q.message ? 'event_id'
    and not exists (select 1 from app.webhook_deliveries d where d.id = q.message->>'delivery_id')
  group by 1
)
select e.organization_id, e.id as endpoint_id, e.url, e.enabled,
       count(d.id) filter (where d.status = 'pending') + coalesce(min(u.pending), 0) as pending,
       count(d.id) filter (where d.status = 'pending' and d.next_attempt_at <= now()) + coalesce(min(u.due_now), 0) as due_now,
       count(d.id) filter (where d.status = 'pending' and d.attempts > 0) as retrying,
       count(d.id) filter (where d.status = 'held') as held,
       count(d.id) filter (where d.status = 'failed') as failed,
       least(min(d.created_at) filter (where d.status in ('pending', 'held')), min(u.oldest)) as oldest_undelivered_at,
       now() - least(min(d.created_at) filter (where d.status in ('pending', 'held')), min(u.oldest)) as oldest_undelivered_age
from app.webhook_endpoints e
left join app.webhook_deliveries d on d.endpoint_id = e.id and d.status <> 'succeeded'
left join unrecorded u on u.endpoint_id = e.id
group by e.organization_id, e.id, e.url, e.enabled;

-- Per endpoint: attempts in the last hour and the share that failed.
create view app.webhook_attempts_last_hour as
select a.organization_id, a.endpoint_id,
       count(*) as attempts,
       count(*) filter (where not a.succeeded) as failures,
       round(count(*) filter (where not a.succeeded)::numeric / count(*), 4) as failure_rate,
       percentile_cont(0.5) within group (order by a.latency_ms) as p50_latency_ms,
       percentile_cont(0.99) within group (order by a.latency_ms) as p99_latency_ms,
       max(a.attempted_at) as last_attempt_at
from app.webhook_attempts a
where a.attempted_at > now() - interval '1 hour'
group by a.organization_id, a.endpoint_id;

create view app.webhook_disabled_endpoints as
select e.organization_id, e.id as endpoint_id, e.url, e.disabled_reason, e.disabled_at, e.consecutive_failures,
       (select count(*) from app.webhook_deliveries d where d.endpoint_id = e.id and d.status = 'held') as held_deliveries
from app.webhook_endpoints e
where not e.enabled;

-- The whole pipeline in one row: the queue as pgmq.metrics would show it and the oldest
-- undelivered age (messages without a delivery row counted as pending, as above). It reads the
-- queue's table and sequence, not pgmq.metrics: pgmq's upgrades drop and recreate functions
-- (1.4.5 -> 1.5.0 drops pgmq.metrics(text) without CASCADE), so a view over one would block
-- `alter extension pgmq update` (tests/hosted.test.ts checks pg_depend).
create view app.webhook_pipeline as
select q.queue_length,
       (select case when s.is_called then s.last_value else 0 end from pgmq.q_webhooks_msg_id_seq s) as total_messages,
       q.oldest_msg_age_sec,
       now() - least((select min(created_at) from app.webhook_deliveries where status = 'pending'),
                     (select min(u.enqueued_at) from pgmq.q_webhooks u
                      where u.message ? 'event_id'
                        and not exists (select 1 from app.webhook_deliveries d where d.id = u.message->>'delivery_id'))) as oldest_pending_age,
       (select count(*) from app.webhook_deliveries where status = 'held') as held,
       (select count(*) from app.webhook_endpoints where not enabled) as disabled_endpoints,
       (select count(*) from app.email_outbox where sent_at is null) as unsent_emails
from (select count(*) as queue_length, extract(epoch from now() - min(m.enqueued_at))::int as oldest_msg_age_sec
      from pgmq.q_webhooks m) q;
