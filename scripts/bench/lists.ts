// List endpoints on one generated portfolio (scripts/bench/ar-aging.ts: 40 properties, 2,000
// units, tenants and leases, 24 months of charges) plus 2,000 work orders and 20 vendors: the
// portfolio lists next to the operations lists, unfiltered and filtered, 50 rows a page.
// scripts/bench/index.ts runs these as BENCH_ONLY=lists.
import type postgres from "postgres";
import { generatePortfolio } from "./ar-aging.ts";
import { benchKeys, measure, type Measurement } from "./lib.ts";

export async function benchLists(opts: {
  functionsUrl: string;
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
  const rows: Measurement[] = [];
  for (const [label, path] of lists) {
    const url = `${opts.functionsUrl}${path}`;
    const first = await fetch(url, { headers: { authorization: authorizations[0] } });
    if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${await first.text()}`);
    rows.push(await measure(label, url, { connections: opts.connections, seconds: opts.seconds, sql, authorizations }));
  }
  return rows;
}
