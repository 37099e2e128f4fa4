// List endpoints on one generated portfolio (scripts/bench/ar-aging.ts: 40 properties, 2,000
// units, tenants and leases, 24 months of charges) plus 2,000 work orders and 20 vendors: the
// portfolio lists next to the operations lists, unfiltered and filtered, 50 rows a page; and
// the two list patterns this code has had, A/B in one process (servers/lists.ts), in rounds of
// rotating order, the median of three. scripts/bench/index.ts runs these as BENCH_ONLY=lists.
import type postgres from "postgres";
import { generatePortfolio } from "./ar-aging.ts";
import { benchKeys, measure, type Measurement, startDeno } from "./lib.ts";
import { freePort } from "../lib/ports.ts";

// The pattern the portfolio lists had before the app.api_<resource> views (migration
// 20261127000210_portfolio_operations, before the migrations were one file per concern): the
// record's JSON from a function of the row, per row.
const ROW_FUNCTIONS = [
  `create or replace function bench_rows.property_json(p app.properties) returns jsonb
  language sql stable as $$
    select jsonb_build_object(
      'id', p.id, 'name', p.name, 'address_line1', p.address_line1, 'address_line2', p.address_line2,
      'city', p.city, 'state', p.state, 'postal_code', p.postal_code,
      'created_at', app.iso_instant(p.created_at))
  $$`,
  `create or replace function bench_rows.unit_json(u app.units) returns jsonb
  language sql stable as $$
    select jsonb_build_object(
      'id', u.id, 'property_id', u.property_id, 'label', u.label, 'bedrooms', u.bedrooms,
      'bathrooms', u.bathrooms, 'square_feet', u.square_feet, 'market_rent', app.usd(u.market_rent_cents),
      'created_at', app.iso_instant(u.created_at))
  $$`,
  `create or replace function bench_rows.lease_json(l app.leases) returns jsonb
  language sql stable as $$
    select jsonb_build_object(
      'id', l.id, 'unit_id', l.unit_id,
      'property_id', (select u.property_id from app.units u where u.id = l.unit_id),
      'tenant_ids', coalesce((select jsonb_agg(lt.tenant_id order by lt.tenant_id) from app.lease_tenants lt where lt.lease_id = l.id), '[]'),
      'status', l.status, 'rent', app.usd(l.rent_cents), 'deposit', app.usd(l.deposit_cents), 'due_day', l.due_day,
      'start_date', l.start_date, 'end_date', l.end_date,
      'signed_at', app.iso_instant(l.signed_at), 'terminated_at', app.iso_instant(l.terminated_at),
      'termination_reason', l.termination_reason, 'created_at', app.iso_instant(l.created_at))
  $$`,
];

/** The same page from both patterns, measured in `rounds` rounds of rotating order; the median of each. */
async function abPatterns(
  sql: postgres.Sql,
  databaseUrl: string,
  organizationId: string,
  opts: { connections: number; seconds: number },
): Promise<Measurement[]> {
  await sql`create schema if not exists bench_rows`;
  for (const definition of ROW_FUNCTIONS) await sql.unsafe(definition);
  const port = await freePort();
  const server = await startDeno("scripts/bench/servers/lists.ts", { PORT: String(port), DATABASE_URL: databaseUrl, ORGANIZATION_ID: organizationId });
  try {
    const paths = ["properties", "units", "leases", "leases?status=signed"];
    const results = new Map<string, Measurement[]>();
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ["rows", "view"] : ["view", "rows"];
      for (const path of paths) {
        for (const pattern of order) {
          const label = `A/B ${pattern === "rows" ? "per-row function" : "view + listPage"}: ${path}`;
          const url = `http://127.0.0.1:${port}/${pattern}/${path}`;
          const first = await fetch(url);
          if (first.status !== 200) throw new Error(`${url} answered ${first.status}: ${await first.text()}`);
          const m = await measure(label, url, { connections: opts.connections, seconds: opts.seconds, sql });
          results.set(label, [...(results.get(label) ?? []), m]);
        }
      }
    }
    return [...results].map(([label, ms]) => {
      const sorted = [...ms].sort((a, b) => a.rps - b.rps);
      const median = sorted[Math.floor(sorted.length / 2)];
      return { ...median, label: `${label} (median of ${rounds}: ${sorted.map((m) => m.rps.toFixed(0)).join(", ")})` };
    });
  } finally {
    server.kill();
  }
}

export async function benchLists(opts: {
  functionsUrl: string;
  databaseUrl: string;
  sql: postgres.Sql;
  connections: number;
  seconds: number;
}): Promise<Measurement[]> {
  const { sql } = opts;
  const { organizationId: o } = await generatePortfolio(sql);
  await sql`insert into app.vendors (organization_id, name, trade)
    select ${o}, 'Vendor ' || g, (array['plumbing', 'hvac', 'electrical', 'general'])[1 + g % 4] from generate_series(1, 20) g`;
  // one work order per unit, a third still open, a third assigned, a third completed
  await sql`
    with v as (select array_agg(id order by id) as ids from app.vendors where organization_id = ${o})
    insert into app.work_orders (organization_id, unit_id, vendor_id, title, priority, status, assigned_at)
    select ${o}, u.id, case when n % 3 > 0 then v.ids[1 + n % 20] end, 'Fix ' || u.label,
           (array['low', 'normal', 'high', 'emergency'])[1 + n % 4],
           case when n % 3 > 0 then 'assigned' else 'open' end, case when n % 3 > 0 then now() end
    from (select id, label, row_number() over (order by id) as n from app.units where organization_id = ${o}) u, v`;
  await sql`
    update app.work_orders set status = 'completed', completed_at = now(), cost_cents = 12500
    where id in (select id from (select id, row_number() over (order by id) as n from app.work_orders
                                 where organization_id = ${o} and status = 'assigned') w where n % 2 = 0)`;
  await sql`vacuum analyze app.work_orders, app.vendors, app.payments, app.leases, app.lease_tenants, app.units, app.tenants, app.properties`;
  const [{ property }] = await sql`select id as property from app.properties where organization_id = ${o} order by id limit 1`;
  const authorizations = await benchKeys(sql, [o], ["read:properties", "read:units", "read:leases", "read:payments", "read:work_orders"]);

  const lists: [string, string][] = [
    ["GET /api/properties?limit=50 (40 properties)", "/api/properties?limit=50"],
    ["GET /api/units?limit=50", "/api/units?limit=50"],
    ["GET /api/leases?limit=50", "/api/leases?limit=50"],
    ["GET /api/leases?status=signed&property_id=…", `/api/leases?status=signed&property_id=${property}&limit=50`],
    ["GET /api/payments?status=late&limit=50", "/api/payments?status=late&limit=50"],
    ["GET /api/work-orders?limit=50", "/api/work-orders?limit=50"],
    ["GET /api/work-orders?status=open&limit=50", "/api/work-orders?status=open&limit=50"],
  ];
  const rows: Measurement[] = await abPatterns(sql, opts.databaseUrl, o, opts);
  for (const [label, path] of lists) {
    const url = `${opts.functionsUrl}${path}`;
    const first = await fetch(url, { headers: { authorization: authorizations[0] } });
    if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${await first.text()}`);
    rows.push(await measure(label, url, { connections: opts.connections, seconds: opts.seconds, sql, authorizations }));
  }
  return rows;
}
