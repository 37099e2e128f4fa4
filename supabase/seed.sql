-- Demo portfolio, loaded by `supabase db reset` and by the Docker-free stack on first start
-- (scripts/lib/demo.ts finds the organization by its name, 'Demo Rentals').
--
-- Three properties, eight units, seven signed leases, a terminated one and a draft; seven
-- months of rent, mostly paid, with late charges in every A/R aging bucket (0-30, 31-60,
-- 61-90, 90+) whatever today is, and a partial payment; vendors, work orders, applications,
-- inspections, a payment plan and a year of expenses. Dates are relative to today, so the
-- demo always has late rent. Rows start in their initial status and are then UPDATEd along
-- the allowed transitions, as the status triggers require (and as webhook triggers observe).
do $seed$
declare
  org text;
  tz constant text := 'America/Chicago';
  today date := (now() at time zone 'America/Chicago')::date;
  m0 date := date_trunc('month', (now() at time zone 'America/Chicago'))::date;  -- this month
  p_pine text; p_lake text; p_elm text;
  u_1a text; u_1b text; u_2a text; u_2b text; u_upper text; u_lower text; u_101 text; u_102 text;
  t_maya text; t_jordan text; t_alex text; t_priya text; t_sam text; t_chris text; t_dana text; t_lee text; t_robin text; t_taylor text;
  l_maya text; l_jordan text; l_priya text; l_sam text; l_chris text; l_dana text; l_lee text; l_robin text; l_taylor text;
  v_plow text; v_plumb text; v_spark text; v_hvac text;
  wo text;
  a text;
  insp text;
  plan text;
begin
  insert into app.organizations (name, timezone, late_grace_days) values ('Demo Rentals', tz, 5) returning id into org;
  -- Fixed auth user ids, so local sign-in (npm start, npm run sign-in) and browser tests can act
  -- as each role; with Supabase Auth, link members to their auth.users ids instead.
  insert into app.members (organization_id, email, name, role, user_id) values
    (org, 'owner@demo-rentals.test', 'Dana Owner', 'owner', 'd3a0f1e2-0000-4000-8000-000000000001'),
    (org, 'admin@demo-rentals.test', 'Ari Admin', 'admin', 'd3a0f1e2-0000-4000-8000-000000000002'),
    (org, 'member@demo-rentals.test', 'Max Member', 'member', 'd3a0f1e2-0000-4000-8000-000000000003');

  -- ── properties and units ──────────────────────────────────────────────────────────────
  insert into app.properties (organization_id, name, address_line1, city, state, postal_code)
  values (org, '127 Pine', '127 Pine St', 'Minneapolis', 'MN', '55401') returning id into p_pine;
  insert into app.properties (organization_id, name, address_line1, city, state, postal_code)
  values (org, '48 Lake', '48 W Lake St', 'Minneapolis', 'MN', '55408') returning id into p_lake;
  insert into app.properties (organization_id, name, address_line1, address_line2, city, state, postal_code)
  values (org, '9 Elm Court', '9 Elm Ct', 'Building B', 'Saint Paul', 'MN', '55102') returning id into p_elm;

  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_pine, '1A', 2, 1, 850, 165000) returning id into u_1a;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_pine, '1B', 2, 1.5, 900, 182500) returning id into u_1b;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_pine, '2A', 2, 1, 850, 175000) returning id into u_2a;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_pine, '2B', 1, 1, 640, 170000) returning id into u_2b;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_lake, 'Upper', 3, 2, 1400, 210000) returning id into u_upper;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_lake, 'Lower', 3, 1.5, 1300, 195000) returning id into u_lower;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_elm, '101', 1, 1, 600, 140000) returning id into u_101;
  insert into app.units (organization_id, property_id, label, bedrooms, bathrooms, square_feet, market_rent_cents)
  values (org, p_elm, '102', 1, 1, 620, 145000) returning id into u_102;

  -- ── tenants ───────────────────────────────────────────────────────────────────────────
  insert into app.tenants (organization_id, name, email, phone) values (org, 'Maya R.', 'maya.r@example.com', '+1 612 555 0101') returning id into t_maya;
  insert into app.tenants (organization_id, name, email, phone) values (org, 'Jordan P.', 'jordan.p@example.com', '+1 612 555 0102') returning id into t_jordan;
  insert into app.tenants (organization_id, name, email) values (org, 'Alex P.', 'alex.p@example.com') returning id into t_alex;
  insert into app.tenants (organization_id, name, email, phone) values (org, 'Priya S.', 'priya.s@example.com', '+1 612 555 0104') returning id into t_priya;
  insert into app.tenants (organization_id, name, email, phone) values (org, 'Sam O.', 'sam.o@example.com', '+1 612 555 0105') returning id into t_sam;
  insert into app.tenants (organization_id, name, email) values (org, 'Chris L.', 'chris.l@example.com') returning id into t_chris;
  insert into app.tenants (organization_id, name, email, phone) values (org, 'Dana W.', 'dana.w@example.com', '+1 651 555 0107') returning id into t_dana;
  insert into app.tenants (organization_id, name, email) values (org, 'Lee H.', 'lee.h@example.com') returning id into t_lee;
  insert into app.tenants (organization_id, name, email) values (org, 'Robin K.', 'robin.k@example.com') returning id into t_robin;
  insert into app.tenants (organization_id, name, email, phone) values (org, 'Taylor M.', 'taylor.m@example.com', '+1 651 555 0110') returning id into t_taylor;

  -- ── leases: drafts first, then signed (and one terminated) ───────────────────────────
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_1b, 182500, 182500, 1, (m0 - interval '14 months')::date, (m0 + interval '10 months')::date - 1) returning id into l_maya;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_1a, 165000, 165000, 1, (m0 - interval '20 months')::date, (m0 + interval '4 months')::date - 1) returning id into l_jordan;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_2a, 175000, 175000, 1, (m0 - interval '9 months')::date, (m0 + interval '3 months')::date - 1) returning id into l_priya;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_2b, 170000, 170000, 15, (m0 - interval '11 months')::date + 14, (m0 + interval '13 months')::date + 13) returning id into l_sam;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_upper, 210000, 210000, 1, (m0 - interval '3 months')::date, (m0 + interval '9 months')::date - 1) returning id into l_chris;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_lower, 195000, 195000, 1, (m0 - interval '26 months')::date, null) returning id into l_dana;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_101, 140000, 140000, 1, (m0 - interval '8 months')::date, (m0 + interval '4 months')::date - 1) returning id into l_lee;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_102, 145000, 145000, 1, (m0 - interval '16 months')::date, (m0 + interval '8 months')::date - 1) returning id into l_robin;
  insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date, end_date)
  values (org, u_102, 149500, 149500, 1, (m0 + interval '1 month')::date, (m0 + interval '13 months')::date - 1) returning id into l_taylor;

  insert into app.lease_tenants (organization_id, lease_id, tenant_id) values
    (org, l_maya, t_maya), (org, l_jordan, t_jordan), (org, l_jordan, t_alex), (org, l_priya, t_priya),
    (org, l_sam, t_sam), (org, l_chris, t_chris), (org, l_dana, t_dana), (org, l_lee, t_lee),
    (org, l_robin, t_robin), (org, l_taylor, t_taylor);

  update app.leases l set status = 'signed', signed_at = (l.start_date - 10)::timestamp at time zone tz
  where l.organization_id = org and l.id <> l_taylor;
  -- Robin moved out early: the lease ended on the last day of the fourth month back
  update app.leases set status = 'terminated', terminated_at = ((m0 - interval '3 months')::date - 20)::timestamp at time zone tz,
    termination_reason = 'Tenant relocated for work; ended early by mutual agreement.', end_date = (m0 - interval '3 months')::date - 1
  where id = l_robin;
  update app.tenants set removed_at = ((m0 - interval '3 months')::date + 2)::timestamp at time zone tz where id = t_robin;

  -- ── rent: seven months of charges, from six months back to this month ────────────────
  perform app.generate_rent_charges(org, to_char(m0 - interval '6 months', 'YYYY-MM'), to_char(m0, 'YYYY-MM'));

  -- Paid in full, a few days after the due date (never later than now), except:
  --   Maya (1B, due the 1st): nothing for the last five months;
  --   Sam (2B, due the 15th): nothing for the last four months;
  --   Jordan and Alex (1A): last month's rent only partly paid.
  -- Together the two delinquent leases have charges in every aging bucket on any day of the year.
  insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at, method, reference)
  select org, p.id, p.amount_cents,
         least((p.due_date + (abs(hashtext(p.id)) % 4))::timestamp at time zone tz + interval '10 hours', now() - interval '1 minute'),
         (array['ach', 'ach', 'check', 'card'])[1 + abs(hashtext(p.id || 'm')) % 4],
         'Demo ' || p.period_label
  from app.payments p join app.leases l on l.id = p.lease_id
  where p.organization_id = org
    and not (l.id = l_maya and p.due_date >= (m0 - interval '4 months')::date)
    and not (l.id = l_sam and p.due_date >= (m0 - interval '3 months')::date)
    and not (l.id = l_jordan and p.period_label = to_char(m0 - interval '1 month', 'YYYY-MM'))
  order by p.due_date, p.id;

  insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at, method, reference)
  select org, p.id, 90000, (p.due_date + 3)::timestamp at time zone tz + interval '16 hours', 'check', 'Check #1042 (partial)'
  from app.payments p where p.lease_id = l_jordan and p.period_label = to_char(m0 - interval '1 month', 'YYYY-MM');

  -- past the grace period: late (rent.late)
  update app.payments p set status = 'late', late_at = (p.due_date + 6)::timestamp at time zone tz
  where p.organization_id = org and p.status = 'open' and p.due_date + 5 < today;

  -- ── vendors and work orders ──────────────────────────────────────────────────────────
  insert into app.vendors (organization_id, name, trade, email, phone, notes)
  values (org, 'Twin Cities Plow Co.', 'snow removal', 'dispatch@tcplow.example.com', '+1 612 555 0200', 'Seasonal contract, Nov-Mar.') returning id into v_plow;
  insert into app.vendors (organization_id, name, trade, email, phone)
  values (org, 'Northside Plumbing', 'plumbing', 'jobs@northside-plumbing.example.com', '+1 612 555 0201') returning id into v_plumb;
  insert into app.vendors (organization_id, name, trade, email, phone)
  values (org, 'Bright Spark Electric', 'electrical', 'office@brightspark.example.com', '+1 651 555 0202') returning id into v_spark;
  insert into app.vendors (organization_id, name, trade, email, phone)
  values (org, 'Lakeside HVAC', 'hvac', 'service@lakesidehvac.example.com', '+1 612 555 0203') returning id into v_hvac;

  insert into app.work_orders (organization_id, unit_id, title, description, priority, created_at)
  values (org, u_1b, 'Leaking kitchen faucet', 'Drips constantly; tenant reports water under the sink.', 'normal', now() - interval '40 days')
  returning id into wo;
  update app.work_orders set status = 'assigned', vendor_id = v_plumb, assigned_at = now() - interval '39 days' where id = wo;
  update app.work_orders set status = 'completed', cost_cents = 18500, completed_at = now() - interval '36 days',
    notes = 'Replaced cartridge and supply lines.' where id = wo;

  insert into app.work_orders (organization_id, unit_id, title, description, priority, created_at)
  values (org, u_2b, 'Outlet sparking in bathroom', 'GFCI outlet sparks when used; breaker tripped.', 'emergency', now() - interval '12 days')
  returning id into wo;
  update app.work_orders set status = 'assigned', vendor_id = v_spark, assigned_at = now() - interval '12 days' where id = wo;
  update app.work_orders set status = 'completed', cost_cents = 24000, completed_at = now() - interval '11 days',
    notes = 'Replaced GFCI outlet; checked the circuit.' where id = wo;

  insert into app.work_orders (organization_id, unit_id, title, description, priority, due_date, created_at)
  values (org, u_upper, 'Furnace not heating', 'Furnace runs but blows cold air.', 'high', today + 1, now() - interval '2 days')
  returning id into wo;
  update app.work_orders set status = 'assigned', vendor_id = v_hvac, assigned_at = now() - interval '1 day' where id = wo;

  insert into app.work_orders (organization_id, unit_id, title, description, priority, due_date, created_at)
  values (org, u_2a, 'Replace hallway light fixture', 'Fixture flickers; cover is cracked.', 'low', today + 14, now() - interval '5 days');

  insert into app.work_orders (organization_id, unit_id, title, priority, created_at)
  values (org, u_101, 'Clear ice dam over entry', 'normal', now() - interval '1 day');

  -- ── applications for 102: one approved (Taylor, now on a draft lease), one denied, one new
  insert into app.applications (organization_id, property_id, unit_id, applicant_name, applicant_email, applicant_phone,
                                desired_move_in, monthly_income_cents, submitted_at)
  values (org, p_elm, u_102, 'Taylor M.', 'taylor.m@example.com', '+1 651 555 0110', (m0 + interval '1 month')::date, 620000, now() - interval '21 days')
  returning id into a;
  update app.applications set status = 'approved', decided_at = now() - interval '18 days',
    decision_reason = 'Income 4x rent, references confirmed.' where id = a;

  insert into app.applications (organization_id, property_id, unit_id, applicant_name, applicant_email,
                                desired_move_in, monthly_income_cents, submitted_at)
  values (org, p_elm, u_102, 'Casey N.', 'casey.n@example.com', (m0 + interval '1 month')::date, 250000, now() - interval '20 days')
  returning id into a;
  update app.applications set status = 'denied', decided_at = now() - interval '18 days',
    decision_reason = 'Income below 2.5x rent; unit offered to another applicant.' where id = a;

  insert into app.applications (organization_id, property_id, applicant_name, applicant_email, desired_move_in, monthly_income_cents, submitted_at)
  values (org, p_lake, 'Jamie F.', 'jamie.f@example.com', (m0 + interval '4 months')::date, 710000, now() - interval '2 days');

  -- ── inspections ──────────────────────────────────────────────────────────────────────
  insert into app.inspections (organization_id, unit_id, kind, scheduled_for, inspector, created_at)
  values (org, u_102, 'move_out', (m0 - interval '3 months')::date + 1, 'Dana Owner', now() - interval '100 days')
  returning id into insp;
  update app.inspections set status = 'completed', completed_at = ((m0 - interval '3 months')::date + 1)::timestamp at time zone tz + interval '11 hours',
    findings = '[{"area": "kitchen", "condition": "good", "note": "Appliances clean and working."},
                 {"area": "bedroom", "condition": "fair", "note": "Two nail holes; touch-up paint needed."},
                 {"area": "bathroom", "condition": "poor", "note": "Cracked tile by the tub."}]',
    summary = 'Normal wear except the bathroom tile; deduct repair from the deposit.' where id = insp;

  insert into app.inspections (organization_id, unit_id, kind, scheduled_for, inspector)
  values (org, u_1b, 'routine', today + 7, 'Dana Owner');

  -- ── payment plan: Maya catches up over three months ──────────────────────────────────
  insert into app.payment_plans (organization_id, lease_id, total_cents, note, proposed_at)
  values (org, l_maya, 547500, 'Three installments to clear the oldest arrears.', now() - interval '15 days')
  returning id into plan;
  update app.payment_plans set status = 'accepted', decided_at = now() - interval '14 days' where id = plan;
  insert into app.payment_plan_installments (payment_plan_id, seq, due_date, amount_cents, paid_cents, paid_at) values
    (plan, 1, today - 10, 182500, 182500, now() - interval '10 days'),
    (plan, 2, today + 20, 182500, 0, null),
    (plan, 3, today + 50, 182500, 0, null);
  -- the day paid and the payment's record (columns of migration 0220, when present)
  if exists (select 1 from information_schema.columns where table_schema = 'app' and table_name = 'payment_plan_installments' and column_name = 'paid_on') then
    execute 'update app.payment_plan_installments set paid_on = $1 where payment_plan_id = $2 and seq = 1' using today - 10, plan;
  end if;
  if to_regclass('app.payment_plan_payments') is not null then
    execute 'insert into app.payment_plan_payments (organization_id, payment_plan_id, amount_cents, paid_on) values ($1, $2, 182500, $3)'
      using org, plan, today - 10;
  end if;

  -- ── expenses, this year and last (Schedule E categories) ─────────────────────────────
  insert into app.expenses (organization_id, property_id, category_id, label, amount_cents, paid_on, vendor, vendor_id) values
    (org, p_pine, 'repairs', 'Snow removal — driveway', 38000, today - 25, 'Twin Cities Plow Co.', v_plow),
    (org, p_pine, 'repairs', 'Kitchen faucet repair, 1B', 18500, today - 36, 'Northside Plumbing', v_plumb),
    (org, p_pine, 'repairs', 'GFCI outlet replacement, 2B', 24000, today - 11, 'Bright Spark Electric', v_spark),
    (org, p_pine, 'insurance', 'Landlord policy, annual premium', 240000, today - 120, 'North Star Mutual', null),
    (org, p_pine, 'utilities', 'Water and sewer', 31245, today - 60, 'Minneapolis Utility Billing', null),
    (org, p_pine, 'utilities', 'Water and sewer', 29810, today - 30, 'Minneapolis Utility Billing', null),
    (org, p_lake, 'taxes', 'Property tax, first half', 310000, today - 150, 'Hennepin County', null),
    (org, p_lake, 'management_fees', 'Leasing fee, Upper', 105000, (m0 - interval '3 months')::date + 2, 'Lakes Leasing LLC', null),
    (org, p_lake, 'advertising', 'Listing, Upper', 4900, (m0 - interval '4 months')::date + 10, 'Zillow', null),
    (org, p_elm, 'cleaning_maintenance', 'Turnover cleaning, 102', 27500, (m0 - interval '3 months')::date + 4, 'Sparkle Cleaning', null),
    (org, p_elm, 'supplies', 'Paint and patching, 102', 6240, (m0 - interval '3 months')::date + 5, 'Menards', null),
    (org, p_elm, 'insurance', 'Landlord policy, annual premium', 168000, today - 400, 'North Star Mutual', null),
    (org, p_lake, 'taxes', 'Property tax, second half', 310000, today - 330, 'Hennepin County', null);
end
$seed$;
