// GET /api/ar-aging on a generated portfolio: 2,000 units, 24 months of rent history, mostly
// paid, some late and partly paid. scripts/bench/index.ts calls benchArAging next to the
// one-query ceiling; run this file directly to measure it alone on a fresh stack:
//   npx tsx scripts/bench/ar-aging.ts        (BENCH_SECONDS, BENCH_CONNECTIONS)
import type postgres from "postgres";
import { benchKeys, measure } from "./lib.ts";

export interface ArAgingBench {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  roundTrips: number;
  cpu?: string;
}

const PROPERTIES = 40;
const UNITS_PER_PROPERTY = 50; // 2,000 units
const MONTHS = 24;

/**
 * A new organization with the portfolio, built in SQL with the product's own rules: leases
 * start as drafts and are signed, charges come from app.generate_rent_charges, money arrives
 * as payment_receipts (whose trigger marks charges paid), unpaid ones past grace become late.
 * About 3% of leases owe one to four months, 2% paid last month only in part.
 */
export async function generatePortfolio(sql: postgres.Sql): Promise<{ organizationId: string; outstandingCharges: number }> {
  return await sql.begin(async (tx) => {
    const [org] = await tx`insert into app.organizations (name) values (${`Bench A/R ${new Date().toISOString()}`}) returning id`;
    const o = org.id as string;
    await tx`insert into app.properties (organization_id, name, address_line1, city, state)
      select ${o}, 'Property ' || p, p || ' Bench Ave', 'Minneapolis', 'MN' from generate_series(1, ${PROPERTIES}) p`;
    await tx`insert into app.units (organization_id, property_id, label, bedrooms, market_rent_cents)
      select ${o}, pr.id, 'U' || u, 1 + u % 3, 120000 + (u % 7) * 10000
      from app.properties pr, generate_series(1, ${UNITS_PER_PROPERTY}) u where pr.organization_id = ${o}`;
    // one tenant and one lease per unit, numbered alike so they pair up
    await tx`insert into app.tenants (organization_id, name)
      select ${o}, 'Tenant ' || n from generate_series(1, ${PROPERTIES * UNITS_PER_PROPERTY}) n`;
    await tx`
      with m0 as (select date_trunc('month', app.org_today(${o}))::date as d)
      insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, due_day, start_date)
      select ${o}, u.id, u.market_rent_cents, u.market_rent_cents, 1, (m0.d - make_interval(months => ${MONTHS - 1}))::date
      from app.units u, m0 where u.organization_id = ${o}`;
    await tx`
      insert into app.lease_tenants (organization_id, lease_id, tenant_id)
      select ${o}, l.id, t.id
      from (select id, row_number() over (order by id) as n from app.leases where organization_id = ${o}) l
      join (select id, row_number() over (order by id) as n from app.tenants where organization_id = ${o}) t using (n)`;
    await tx`update app.leases set status = 'signed', signed_at = start_date - 7 where organization_id = ${o}`;
    await tx`select app.generate_rent_charges(${o},
      to_char(date_trunc('month', app.org_today(${o})) - make_interval(months => ${MONTHS - 1}), 'YYYY-MM'),
      to_char(app.org_today(${o}), 'YYYY-MM'))`;

    // Which leases fall behind: a stable pick by hash of the lease id.
    await tx`
      create temporary table bench_arrears on commit drop as
      select l.id as lease_id,
             case when abs(hashtext(l.id)) % 100 < 3 then 1 + abs(hashtext(l.id || 'k')) % 4 else 0 end as months_unpaid,
             abs(hashtext(l.id)) % 100 between 3 and 4 as partial_last_month
      from app.leases l where l.organization_id = ${o}`;
    await tx`
      insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at, method)
      select ${o}, p.id,
             case when a.partial_last_month and p.due_date = (date_trunc('month', app.org_today(${o})) - interval '1 month')::date
                  then p.amount_cents / 2 else p.amount_cents end,
             least(p.due_date + (abs(hashtext(p.id)) % 5) + interval '12 hours', now()),
             'ach'
      from app.payments p join bench_arrears a using (lease_id)
      where p.organization_id = ${o}
        and p.due_date < (date_trunc('month', app.org_today(${o})) - make_interval(months => a.months_unpaid - 1))::date
        and p.due_date <= app.org_today(${o})`;
    await tx`update app.payments p set status = 'late', late_at = p.due_date + 6
      where p.organization_id = ${o} and p.status = 'open' and p.due_date + 5 < app.org_today(${o})`;
    const [{ n }] = await tx`select count(*)::int as n from app.payments where organization_id = ${o} and status <> 'paid'`;
    return { organizationId: o, outstandingCharges: n as number };
  });
}

/** The generated portfolio, vacuumed as autovacuum would leave it, and keys to read it with. */
export async function prepareArAging(sql: postgres.Sql): Promise<{ authorizations: string[] }> {
  await sql`create extension if not exists pg_stat_statements`;
  const { organizationId } = await generatePortfolio(sql);
  // A bulk load leaves what autovacuum would clean up in a live database (dead index entries of
  // the charges paid since); measure the steady state.
  await sql`vacuum analyze app.payments, app.payment_receipts, app.leases, app.lease_tenants, app.units, app.tenants, app.properties`;
  return { authorizations: await benchKeys(sql, [organizationId], ["read:payments"]) };
}

/** GET /api/ar-aging of a prepared portfolio, on the functions at `functionsUrl`. */
export async function measureArAging(opts: {
  functionsUrl: string;
  sql: postgres.Sql;
  connections: number;
  durationSeconds: number;
  authorizations: string[];
  labelSuffix?: string;
  cpu?: () => Map<string, number>;
}): Promise<ArAgingBench> {
  const { authorizations } = opts;
  const url = `${opts.functionsUrl}/api/ar-aging`;
  const first = await fetch(url, { headers: { authorization: authorizations[0] } });
  if (first.status !== 200) throw new Error(`GET /api/ar-aging answered ${first.status}: ${await first.text()}`);
  const m = await measure(`GET /api/ar-aging (${PROPERTIES * UNITS_PER_PROPERTY} units, ${MONTHS} months)${opts.labelSuffix ?? ""}`, url, {
    connections: opts.connections,
    seconds: opts.durationSeconds,
    sql: opts.sql,
    authorizations,
    cpu: opts.cpu,
  });
  if (m.errors) throw new Error(`GET /api/ar-aging: ${m.errors} failed requests during the benchmark`);
  return { label: m.label, rps: m.rps, p50: m.p50, p99: m.p99, roundTrips: m.roundTrips ?? Number.NaN, cpu: m.cpu };
}

export async function benchArAging(opts: {
  functionsUrl: string;
  sql: postgres.Sql;
  connections: number;
  durationSeconds: number;
}): Promise<ArAgingBench> {
  const { authorizations } = await prepareArAging(opts.sql);
  return await measureArAging({ ...opts, authorizations });
}

// Run alone: a fresh stack, the portfolio, the measurement and the report's size.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { startStack } = await import("../lib/stack.ts");
  const { freePort } = await import("../lib/ports.ts");
  const dir = mkdtempSync(join(tmpdir(), "aptoria-bench-ar-"));
  const stack = await startStack({
    dataDir: join(dir, "postgres"), persistent: false, postgresPort: await freePort(), functionsPort: await freePort(),
    scheduler: false, log: () => {},
  });
  try {
    const started = Date.now();
    const result = await benchArAging({
      functionsUrl: stack.functionsUrl, sql: stack.sql,
      connections: Number(process.env.BENCH_CONNECTIONS ?? 32), durationSeconds: Number(process.env.BENCH_SECONDS ?? 8),
    });
    console.log(JSON.stringify(result), `(${((Date.now() - started) / 1000).toFixed(1)} s with data generation)`);
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
