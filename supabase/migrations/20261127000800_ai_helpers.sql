-- AI helpers (/api/ai-vendor-summary, /api/ai-delinquency-prioritizer), and idempotent replays
-- of their answers (Idempotency-Key).
-- Rules: every number, score, ranking and recommendation is computed here, so answers are
-- reproducible and testable; a language model only words a narrative from these results. An
-- Idempotency-Key is checked in the same call that authenticates the key, and a replay is the
-- stored answer byte for byte.

-- "$1,825" or "$1,825.50": money inside sentences (JSON fields stay plain dollar numbers).
-- Stable, as to_char is, so it is inlined.
create function app.usd_text(cents numeric) returns text
language sql stable parallel safe as $$
  select '$' || case when round(cents) % 100 = 0 then to_char(round(cents) / 100, 'FM999,999,999,990')
                     else to_char(round(cents) / 100.0, 'FM999,999,999,990.00') end
$$;

-- "1 day", "2.5 days".
create function app.days_text(days numeric) returns text
language sql immutable parallel safe as $$
  select trim_scale(days) || case when days = 1 then ' day' else ' days' end
$$;

-- ---------------------------------------------------------------------------------------------
-- Vendor summary
-- ---------------------------------------------------------------------------------------------

-- keep / watch / replace from a vendor's facts (the `facts` object of app.vendor_facts), with
-- the reasons. Thresholds only apply once there are enough jobs to judge (see docs/api/ai.md).
create function app.vendor_recommendation(f jsonb) returns jsonb
language plpgsql immutable as $$
declare
  completed   int     := (f->'work_orders'->>'completed')::int;
  overdue     int     := (f->'work_orders'->>'overdue')::int;
  dated       int     := (f->>'jobs_with_due_date')::int;
  on_time     int     := (f->>'jobs_on_time')::int;
  on_time_pct int     := round((f->>'on_time_rate')::numeric * 100);
  repeats     int     := (f->>'repeat_jobs_90_days')::int;
  median      numeric := (f->>'median_days_to_complete')::numeric;
  org_median  numeric := (f->'organization'->>'median_days_to_complete')::numeric;
  with_cost   int     := (f->>'jobs_with_cost')::int;
  avg_cost    numeric := (f->>'average_cost_per_job_usd')::numeric;
  org_cost    numeric := (f->'organization'->>'average_cost_per_job_usd')::numeric;
  serious     text[]  := '{}';
  concerns    text[]  := '{}';
  strengths   text[]  := '{}';
  action      text;
begin
  if dated >= 3 then
    if on_time_pct < 60 then
      serious := serious || format('Only %s of %s jobs with a due date were done on time (%s%%).', on_time, dated, on_time_pct);
    elsif on_time_pct < 80 then
      concerns := concerns || format('%s of %s jobs with a due date were done on time (%s%%).', on_time, dated, on_time_pct);
    else
      strengths := strengths || format('%s of %s jobs with a due date were done on time (%s%%).', on_time, dated, on_time_pct);
    end if;
  end if;

  if repeats > 0 and completed >= 3 and repeats * 4 >= completed then
    serious := serious || format('%s repeat visit%s to the same unit within 90 days, for %s completed jobs.',
      repeats, case when repeats = 1 then '' else 's' end, completed);
  elsif repeats > 0 then
    concerns := concerns || format('%s repeat visit%s to the same unit within 90 days.', repeats, case when repeats = 1 then '' else 's' end);
  elsif completed >= 3 then
    strengths := strengths || 'No repeat visits to the same unit within 90 days.'::text;
  end if;

  if overdue >= 2 then
    serious := serious || format('%s open jobs are past their due date.', overdue);
  elsif overdue = 1 then
    concerns := concerns || '1 open job is past its due date.'::text;
  end if;

  if completed >= 3 and org_median > 0 and median > 1.5 * org_median then
    concerns := concerns || format('Median time to complete is %s, against %s across your vendors.', app.days_text(median), app.days_text(org_median));
  elsif completed >= 3 and median is not null then
    strengths := strengths || format('Median time to complete is %s (%s across your vendors).', app.days_text(median), app.days_text(org_median));
  end if;

  if with_cost >= 3 and org_cost > 0 and avg_cost > 1.5 * org_cost then
    concerns := concerns || format('Average cost per job is %s, against %s across your vendors.',
      app.usd_text(avg_cost * 100), app.usd_text(org_cost * 100));
  end if;

  action := case when cardinality(serious) > 0 or cardinality(concerns) >= 3 then 'replace'
                 when cardinality(concerns) > 0 or completed < 3 then 'watch'
                 else 'keep' end;
  return jsonb_build_object('action', action, 'reasons', to_jsonb(
    case when action = 'keep' then strengths
         else serious || concerns || case when completed < 3 then array[format(
           'Only %s completed job%s so far: too few to judge.', completed, case when completed = 1 then '' else 's' end)]
           else '{}'::text[] end
    end));
end
$$;

-- A vendor's record in the organization, with the recommendation; null when the vendor is
-- absent or belongs to another organization. Times to complete run from assignment (or
-- creation, when never assigned) to completion; "this year" is the organization's calendar year.
create function app.vendor_facts(p_organization_id text, p_vendor_id text) returns jsonb
language sql stable as $$
  with org as (
    select o.timezone as tz, app.org_today(o.id) as today from app.organizations o where o.id = p_organization_id
  ),
  vendor as (
    select v.id, v.name, v.trade from app.vendors v where v.organization_id = p_organization_id and v.id = p_vendor_id
  ),
  wo as (
    select w.*, (w.completed_at at time zone org.tz)::date as completed_on,
           extract(epoch from w.completed_at - coalesce(w.assigned_at, w.created_at)) / 86400 as days_to_complete
    from app.work_orders w, org
    where w.organization_id = p_organization_id and w.vendor_id = p_vendor_id
  ),
  stats as (
    select count(*) as total,
           count(*) filter (where w.status = 'open') as open,
           count(*) filter (where w.status = 'assigned') as assigned,
           count(*) filter (where w.status = 'completed') as completed,
           count(*) filter (where w.status <> 'completed' and w.due_date < org.today) as overdue,
           percentile_cont(0.5) within group (order by w.days_to_complete) filter (where w.status = 'completed') as median_days,
           round(avg(w.cost_cents) filter (where w.status = 'completed' and w.cost_cents is not null)) as avg_cost,
           count(*) filter (where w.status = 'completed' and w.cost_cents is not null) as with_cost,
           coalesce(sum(w.cost_cents) filter (where w.status = 'completed' and w.completed_on >= date_trunc('year', org.today)::date), 0) as spend_year,
           count(*) filter (where w.status = 'completed' and w.completed_on >= date_trunc('year', org.today)::date) as completed_year,
           count(*) filter (where w.status = 'completed' and w.due_date is not null) as dated,
           count(*) filter (where w.status = 'completed' and w.completed_on <= w.due_date) as on_time,
           -- a job is a repeat when the vendor had completed another job on the same unit in the 90 days before it was opened
           count(*) filter (where exists (
             select 1 from wo a where a.id <> w.id and a.unit_id = w.unit_id and a.status = 'completed'
               and a.completed_at <= w.created_at and w.created_at < a.completed_at + interval '90 days')) as repeats
    from wo w, org
  ),
  org_stats as (
    select percentile_cont(0.5) within group (order by extract(epoch from w.completed_at - coalesce(w.assigned_at, w.created_at)) / 86400) as median_days,
           round(avg(w.cost_cents) filter (where w.cost_cents is not null)) as avg_cost
    from app.work_orders w
    where w.organization_id = p_organization_id and w.status = 'completed'
  ),
  notes as (
    select coalesce(jsonb_agg(jsonb_build_object(
             'work_order_id', n.id, 'title', n.title,
             'date', coalesce(n.completed_on, (n.created_at at time zone org.tz)::date), 'note', n.notes)
             order by coalesce(n.completed_at, n.created_at) desc, n.id desc), '[]') as latest
    from org, (select * from wo where btrim(coalesce(wo.notes, '')) <> ''
               order by coalesce(wo.completed_at, wo.created_at) desc, wo.id desc limit 3) n
  ),
  facts as (
    select jsonb_build_object(
      'work_orders', jsonb_build_object('total', s.total, 'open', s.open, 'assigned', s.assigned,
                                        'completed', s.completed, 'overdue', s.overdue),
      'median_days_to_complete', round(s.median_days::numeric, 1),
      'average_cost_per_job_usd', app.usd(s.avg_cost),
      'jobs_with_cost', s.with_cost,
      'spend_this_year_usd', app.usd(s.spend_year),
      'jobs_completed_this_year', s.completed_year,
      'jobs_with_due_date', s.dated,
      'jobs_on_time', s.on_time,
      'on_time_rate', case when s.dated = 0 then null else round(s.on_time::numeric / s.dated, 4) end,
      'repeat_jobs_90_days', s.repeats,
      'latest_notes', notes.latest,
      'organization', jsonb_build_object(
        'median_days_to_complete', round(o.median_days::numeric, 1),
        'average_cost_per_job_usd', app.usd(o.avg_cost))) as f
    from stats s, org_stats o, notes
  )
  select jsonb_build_object(
    'vendor', jsonb_build_object('id', vendor.id, 'name', vendor.name, 'trade', vendor.trade),
    'as_of', org.today,
    'facts', facts.f,
    'recommendation', app.vendor_recommendation(facts.f))
  from vendor, org, facts
$$;

-- ---------------------------------------------------------------------------------------------
-- Delinquency prioritizer
-- ---------------------------------------------------------------------------------------------

-- The priority score of a delinquent lease, 0-100, as the sum of its parts (each shown):
--   days_late        35 × min(days late, 90) / 90
--   amount_owed      25 × min(owed / monthly rent, 3) / 3          (25 when the rent is 0)
--   late_history     5 per late payment in the last 12 months, at most 20
--   payment_plan     −20 accepted and on schedule, +10 accepted and broken, else 0
--   lease_time_left  10 if terminated or ending within 60 days, 5 within 180 days or no end date, else 0
-- The total is never below 0.
create function app.delinquency_score(
  p_days_late    int,
  p_owed_cents   bigint,
  p_rent_cents   bigint,
  p_past_late    int,
  p_plan_state   text,
  p_lease_status text,
  p_days_left    int
) returns jsonb
language sql immutable parallel safe as $$
  with parts as (
    select round(35 * least(greatest(p_days_late, 0), 90) / 90.0, 1) as days_late,
           case when p_rent_cents > 0 then round(25 * least(p_owed_cents::numeric / p_rent_cents, 3) / 3, 1)
                when p_owed_cents > 0 then 25 else 0 end::numeric as amount_owed,
           (5 * least(greatest(p_past_late, 0), 4))::numeric as late_history,
           case p_plan_state when 'on_schedule' then -20 when 'broken' then 10 else 0 end::numeric as payment_plan,
           case when p_lease_status = 'terminated' or p_days_left <= 60 then 10
                when p_days_left is null or p_days_left <= 180 then 5
                else 0 end::numeric as lease_time_left
  )
  select jsonb_build_object(
    'total', trim_scale(greatest(days_late + amount_owed + late_history + payment_plan + lease_time_left, 0)),
    'parts', jsonb_build_object(
      'days_late', trim_scale(days_late), 'amount_owed', trim_scale(amount_owed), 'late_history', late_history,
      'payment_plan', payment_plan, 'lease_time_left', lease_time_left))
  from parts
$$;

-- The suggested next step for one ranked entry (as built by app.delinquency_ranking), by the
-- first rule that matches; see docs/api/ai.md.
create function app.delinquency_next_step(e jsonb) returns jsonb
language plpgsql immutable as $$
declare
  plan  jsonb   := e->'payment_plan';
  state text    := plan->>'state';
  days  int     := (e->>'days_late')::int;
  ratio numeric := (e->>'owed_to_rent_ratio')::numeric;
  past  int     := (e->>'past_late_payments_12_months')::int;
  owed  text    := app.usd_text((e->>'amount_owed_usd')::numeric * 100);
  late  text    := days || case when days = 1 then ' day' else ' days' end || ' late';
begin
  if state = 'broken' then
    return jsonb_build_object('action', 'formal_notice', 'text', format(
      'The payment plan is broken: the installment due %s was not paid. Send a formal written notice for the %s owed, as your lease and local law require.',
      plan->>'missed_installment_due_date', owed));
  elsif state = 'on_schedule' then
    return jsonb_build_object('action', 'reminder', 'text', case when plan->>'next_installment_due_date' is null
      then format('The payment plan is on schedule. Send a friendly reminder about the %s still owed.', owed)
      else format('The payment plan is on schedule. Send a friendly reminder before the next installment of %s, due %s.',
        app.usd_text((plan->>'next_installment_usd')::numeric * 100), plan->>'next_installment_due_date') end);
  elsif state = 'proposed' then
    return jsonb_build_object('action', 'call', 'text', format(
      'Call the tenant to follow up on the payment plan proposed on %s: %s owed, %s.', plan->>'proposed_on', owed, late));
  elsif days > 60 or ratio >= 2 then
    return jsonb_build_object('action', 'formal_notice', 'text', format(
      '%s owed%s, %s. Send a formal written notice, as your lease and local law require.',
      owed, case when ratio is null then '' else format(' (%s× the monthly rent)', trim_scale(round(ratio, 1))) end, late));
  elsif state = 'rejected' and days > 30 then
    return jsonb_build_object('action', 'formal_notice', 'text', format(
      'A payment plan was declined on %s and %s is still owed, %s. Send a formal written notice, as your lease and local law require.',
      plan->>'decided_on', owed, late));
  elsif days > 30 or ratio >= 1 then
    return jsonb_build_object('action', 'propose_payment_plan', 'text', format(
      '%s owed, %s. Propose a payment plan that spreads the balance over the next few months.', owed, late));
  elsif days > 10 or past >= 2 then
    return jsonb_build_object('action', 'call', 'text', format(
      'Call the tenant: %s owed, %s%s.', owed, late, case when past >= 2
        then format(', after %s late payments in the last 12 months', past) else '' end));
  end if;
  return jsonb_build_object('action', 'reminder', 'text', format('Send a friendly reminder: %s owed, %s.', owed, late));
end
$$;

-- The organization's delinquent leases (optionally of one property), ranked by score; the first
-- p_limit entries in full, the totals over all. A lease is delinquent when one of its charges is
-- unpaid past the grace period (or marked late); what it owes is every unpaid charge past its
-- due date, and it is as many days late as its oldest one.
create function app.delinquency_ranking(p_organization_id text, p_property_id text default null, p_limit int default 50)
returns jsonb
language plpgsql stable as $$
declare
  tz    text;
  grace int;
  today date;
begin
  select o.timezone, o.late_grace_days, app.org_today(o.id) into tz, grace, today
  from app.organizations o where o.id = p_organization_id;
  if not found then
    perform app.fail('AP404', 'Organization not found.');
  end if;
  if p_property_id is not null and not exists (
    select 1 from app.properties p where p.organization_id = p_organization_id and p.id = p_property_id) then
    perform app.fail('AP404', 'Property not found.');
  end if;

  return (
    with due as (
      select p.lease_id, sum(p.amount_cents - p.paid_cents)::bigint as owed_cents, min(p.due_date) as oldest_due, count(*) as charges
      from app.payments p
      where p.organization_id = p_organization_id and p.status <> 'paid' and p.due_date < today
      group by p.lease_id
      having bool_or(p.status = 'late' or p.due_date + grace < today)
    ),
    delinquent as (
      select l.id, l.status, l.rent_cents, l.end_date, l.unit_id, u.label as unit_label, u.property_id, pr.name as property_name,
             d.owed_cents, d.oldest_due, d.charges, today - d.oldest_due as days_late, l.end_date - today as days_left
      from due d
      join app.leases l on l.id = d.lease_id and l.organization_id = p_organization_id
      join app.units u on u.id = l.unit_id
      join app.properties pr on pr.id = u.property_id
      where p_property_id is null or u.property_id = p_property_id
    ),
    entries as (
      select d.*, h.past_late, pl.*, t.tenants, t.tenant_name,
             app.delinquency_score(d.days_late, d.owed_cents, d.rent_cents, h.past_late::int,
                                   coalesce(pl.plan_state, 'none'), d.status, d.days_left) as score
      from delinquent d
      cross join lateral (
        select count(*) as past_late from app.payments p
        where p.lease_id = d.id and p.status = 'paid' and p.due_date >= today - 365 and p.due_date < today
          and (p.late_at is not null or (p.paid_at at time zone tz)::date > p.due_date + grace)
      ) h
      cross join lateral (
        select coalesce(jsonb_agg(jsonb_build_object('id', te.id, 'name', te.name) order by te.name, te.id), '[]') as tenants,
               string_agg(te.name, ', ' order by te.name, te.id) as tenant_name
        from app.lease_tenants lt join app.tenants te on te.id = lt.tenant_id
        where lt.lease_id = d.id
      ) t
      left join lateral (
        -- the live plan (proposed or accepted; at most one), else one declined in the last 12 months.
        -- An accepted plan is broken once an installment due on or before today is not paid in
        -- full (the payment-plans API's on_schedule = false), completed once all are paid.
        select pp.id as plan_id, pp.status as plan_status, pp.proposed_at, pp.decided_at,
               case when pp.status in ('proposed', 'rejected') then pp.status
                    when bool_or(i.due_date <= today and i.paid_cents < i.amount_cents) then 'broken'
                    when count(i.seq) > 0 and bool_and(i.paid_cents >= i.amount_cents) then 'completed'
                    else 'on_schedule' end as plan_state,
               min(i.due_date) filter (where i.due_date <= today and i.paid_cents < i.amount_cents) as missed_due,
               min(i.due_date) filter (where i.paid_cents < i.amount_cents) as next_due,
               (array_agg(i.amount_cents - i.paid_cents order by i.due_date) filter (where i.paid_cents < i.amount_cents))[1] as next_cents
        from app.payment_plans pp
        left join app.payment_plan_installments i on i.payment_plan_id = pp.id
        where pp.lease_id = d.id and pp.organization_id = p_organization_id
          and (pp.status in ('proposed', 'accepted') or (pp.status = 'rejected' and pp.decided_at >= now() - interval '12 months'))
        group by pp.id
        order by pp.status = 'rejected', pp.created_at desc
        limit 1
      ) pl on true
    ),
    ranked as (
      select e.*, row_number() over (order by (e.score->>'total')::numeric desc, e.owed_cents desc, e.days_late desc, e.id) as rank
      from entries e
    ),
    built as (
      select r.rank, r.owed_cents, jsonb_build_object(
        'rank', r.rank,
        'lease_id', r.id,
        'lease_status', r.status,
        'tenant_name', r.tenant_name,
        'tenants', r.tenants,
        'property_id', r.property_id,
        'property_name', r.property_name,
        'unit_id', r.unit_id,
        'unit_label', r.unit_label,
        'amount_owed_usd', app.usd(r.owed_cents),
        'monthly_rent_usd', app.usd(r.rent_cents),
        'owed_to_rent_ratio', case when r.rent_cents > 0 then round(r.owed_cents::numeric / r.rent_cents, 2) end,
        'days_late', r.days_late,
        'oldest_due_date', r.oldest_due,
        'unpaid_charges', r.charges,
        'past_late_payments_12_months', r.past_late,
        'lease_end_date', r.end_date,
        'days_left_on_lease', r.days_left,
        'payment_plan', case when r.plan_id is not null then jsonb_build_object(
          'id', r.plan_id, 'status', r.plan_status, 'state', r.plan_state,
          'proposed_on', (r.proposed_at at time zone tz)::date,
          'decided_on', (r.decided_at at time zone tz)::date,
          'missed_installment_due_date', r.missed_due,
          'next_installment_due_date', r.next_due,
          'next_installment_usd', app.usd(r.next_cents)) end,
        'score', r.score) as entry
      from ranked r
    )
    select jsonb_build_object(
      'as_of', today,
      'property_id', p_property_id,
      'totals', jsonb_build_object('delinquent_leases', count(*), 'amount_owed_usd', app.usd(coalesce(sum(b.owed_cents), 0))),
      'leases', coalesce(jsonb_agg(b.entry || jsonb_build_object('next_step', app.delinquency_next_step(b.entry)) order by b.rank)
                         filter (where b.rank <= p_limit), '[]'))
    from built b
  );
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Idempotency-Key
-- ---------------------------------------------------------------------------------------------

-- Answers kept for replay, per API key or, for a session, per membership (`subject`). A row
-- without a response is a request in progress; its reservation lapses at locked_until, so a
-- crashed request does not block the key for a day.
create table app.idempotency_keys (
  key_id           text references app.api_keys on delete cascade,
  member_id        text references app.members on delete cascade,
  subject          text not null generated always as (coalesce(key_id, member_id)) stored,
  idempotency_key  text not null check (length(idempotency_key) between 1 and 255),
  -- SHA-256 (hex) of the route and the canonical JSON body
  request_hash     text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  response_status  int,
  -- kept as sent, so a replay is byte for byte the original answer
  response_body    text,
  locked_until     timestamptz,
  created_at       timestamptz not null default now(),
  constraint idempotency_keys_one_subject check (num_nonnulls(key_id, member_id) = 1),
  constraint idempotency_keys_pkey primary key (subject, idempotency_key)
);

-- app.authenticate with an Idempotency-Key, in the same single call. When an answer for
-- (key or membership, idempotency key) from the last 24 hours exists, or that request is still
-- running, or the key was used for another request, the caller is authenticated WITHOUT the
-- route quota (the general per-minute/hour limits still count) and the result is:
--   the stored answer (replay_status, replay_body), or 409 (different request / in progress).
-- Otherwise this is app.authenticate with the quota, and on success the idempotency key is
-- reserved for this request. An advisory lock serializes requests sharing an idempotency key.
create function app.authenticate_idempotent(
  p_prefix          text,
  p_secret_hash     bytea,
  p_client          text,
  p_scopes          text[],
  p_quota           text,
  p_idempotency_key text,
  p_request_hash    text,
  p_user_id         uuid default null,
  p_organization_id text default null
) returns table (status int, error text, organization_id text, key_id text, member_id text, role text, retry_after int, limits jsonb,
                 replay_status int, replay_body text, quota_window_number bigint)
language plpgsql as $$
declare
  stored app.idempotency_keys;
  auth record;
begin
  perform pg_advisory_xact_lock(hashtextextended('idempotency:' || coalesce(p_prefix, p_user_id::text) || ':' || p_idempotency_key, 0));
  if p_user_id is null then
    select i.* into stored from app.idempotency_keys i join app.api_keys k on k.id = i.key_id
    where k.prefix = p_prefix and i.idempotency_key = p_idempotency_key and i.created_at > now() - interval '24 hours';
  else
    -- the membership the session acts as when it has exactly one to act as
    select i.* into stored from app.idempotency_keys i
    where i.member_id = (select min(m.id) from app.members m
                         where m.user_id = p_user_id and (p_organization_id is null or m.organization_id = p_organization_id)
                         having count(*) = 1)
      and i.idempotency_key = p_idempotency_key and i.created_at > now() - interval '24 hours';
  end if;

  if found and (stored.response_status is not null or stored.locked_until > now() or stored.request_hash <> p_request_hash) then
    select * into auth from app.authenticate(p_prefix, p_secret_hash, p_client, p_scopes, null, p_user_id, p_organization_id);
    if auth.status <> 200 then
      return query select auth.status, auth.error, auth.organization_id, auth.key_id, auth.member_id, auth.role, auth.retry_after, auth.limits,
        null::int, null::text, null::bigint;
    elsif stored.request_hash <> p_request_hash then
      return query select 409, 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
        auth.organization_id, auth.key_id, auth.member_id, auth.role, null::int, auth.limits, null::int, null::text, null::bigint;
    elsif stored.response_status is not null then
      return query select 200, null::text, auth.organization_id, auth.key_id, auth.member_id, auth.role, null::int, auth.limits,
        stored.response_status, stored.response_body, null::bigint;
    else
      return query select 409, 'A request with this Idempotency-Key is still in progress; retry in a moment.',
        auth.organization_id, auth.key_id, auth.member_id, auth.role, 1, auth.limits, null::int, null::text, null::bigint;
    end if;
    return;
  end if;

  select * into auth from app.authenticate(p_prefix, p_secret_hash, p_client, p_scopes, p_quota, p_user_id, p_organization_id);
  if auth.status = 200 then
    delete from app.idempotency_keys i where i.subject = coalesce(auth.key_id, auth.member_id) and i.created_at <= now() - interval '24 hours';
    insert into app.idempotency_keys as i (key_id, member_id, idempotency_key, request_hash, locked_until)
    values (auth.key_id, auth.member_id, p_idempotency_key, p_request_hash, now() + interval '2 minutes')
    on conflict on constraint idempotency_keys_pkey do update set
      request_hash = excluded.request_hash, locked_until = excluded.locked_until,
      response_status = null, response_body = null, created_at = now();
  end if;
  return query select auth.status, auth.error, auth.organization_id, auth.key_id, auth.member_id, auth.role, auth.retry_after, auth.limits,
    null::int, null::text, auth.quota_window_number;
end
$$;
