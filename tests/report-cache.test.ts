// The A/R aging cache: computed once, served while nothing it shows has changed, and never
// stale, whoever wrote and however the transactions interleaved.
import { describe, expect, it } from "vitest";
import postgres from "postgres";
import { call, databaseUrl, sql } from "./helpers.ts";
import {
  newCharge, newLease, newProperty, newReceipt, newTenant, newTenantOrg, newUnit, newWorkOrder,
} from "./fixtures/index.ts";

/** An organization owing two charges at 127 Pine 1B, and its report's cache state. */
async function owingOrg() {
  const org = await newTenantOrg();
  const propertyId = await newProperty(org.id, { name: "127 Pine" });
  const unitId = await newUnit(org.id, propertyId, { label: "1B" });
  const tenantId = await newTenant(org.id, { name: "Maya R." });
  const leaseId = await newLease(org.id, unitId, { tenantIds: [tenantId] });
  const first = await newCharge(org.id, leaseId, { period: "2026-04", due: "2026-04-01", amountCents: 100000 });
  const second = await newCharge(org.id, leaseId, { period: "2026-05", due: "2026-05-01", amountCents: 120000 });
  const report = async () => {
    const res = await call("/ar-aging?as_of=2026-06-30", { key: org.key });
    expect(res.status).toBe(200);
    return res.body;
  };
  const computedAt = async () => {
    const [row] = await sql`select computed_at from app.report_cache where organization_id = ${org.id} and report = 'ar_aging'`;
    return row?.computed_at?.toISOString() as string | undefined;
  };
  return { ...org, propertyId, unitId, tenantId, leaseId, first, second, report, computedAt };
}

/**
 * When the cached entry is served: a report computed while other files' transactions were in
 * flight cannot prove it saw them all, so the next read computes it again; once one could, the
 * entry stays. Returns its computed_at.
 */
async function settled(read: () => Promise<unknown>, computedAt: () => Promise<string | undefined>, body: unknown) {
  let at = await computedAt();
  for (let i = 0; i < 20; i++) {
    expect(await read()).toEqual(body);
    const now = await computedAt();
    if (now === at) break;
    at = now;
  }
  expect(at).toBeDefined();
  expect(await read()).toEqual(body);
  expect(await computedAt()).toBe(at);
  return at;
}

describe("the A/R aging cache", () => {
  it("computes a report once and serves it while nothing changed, also after another organization's writes", async () => {
    const o = await owingOrg();
    const fresh = await o.report();
    const at = await settled(o.report, o.computedAt, fresh);
    const other = await owingOrg();
    await newReceipt(other.id, other.first, { amountCents: 100000, at: "2026-06-01T12:00:00Z" });
    expect(await o.report()).toEqual(fresh);
    expect(await o.computedAt()).toBe(at);
  });

  it("is never stale after a write to any table the report reads", async () => {
    const o = await owingOrg();
    expect((await o.report()).totals.total).toBe(2200);
    await newReceipt(o.id, o.first, { amountCents: 40000, at: "2026-06-01T12:00:00Z" });
    expect((await o.report()).totals.total).toBe(1800);
    await sql`update app.tenants set name = 'Maya Rivera' where id = ${o.tenantId}`;
    expect((await o.report()).rows[0].tenant_name).toBe("Maya Rivera");
    await sql`update app.properties set name = '127 Pine Street' where id = ${o.propertyId}`;
    expect((await o.report()).rows[0].property_name).toBe("127 Pine Street");
    await sql`update app.units set label = '1B-rear' where id = ${o.unitId}`;
    expect((await o.report()).rows[0].unit_label).toBe("1B-rear");
    const second = await newTenant(o.id, { name: "Ari B." });
    await sql`insert into app.lease_tenants (organization_id, lease_id, tenant_id) values (${o.id}, ${o.leaseId}, ${second})`;
    expect((await o.report()).rows[0].tenant_name).toBe("Ari B., Maya Rivera");
    await sql`update app.organizations set timezone = 'America/New_York' where id = ${o.id}`;
    const [{ entries }] = await sql`select count(*)::int as entries from app.report_cache where organization_id = ${o.id}`;
    expect(entries).toBe(1);
  });

  it("does not serve a report computed under a snapshot that missed a commit", async () => {
    const o = await owingOrg();
    // A reader whose snapshot predates a receipt fills the cache after the receipt commits.
    const reader = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await reader.begin("isolation level repeatable read", async (tx) => {
        await tx`select 1`; // the snapshot is taken here
        await newReceipt(o.id, o.second, { amountCents: 120000, at: "2026-06-02T12:00:00Z" }); // another connection commits
        const [{ body }] = await tx`select app.ar_aging_cached(${o.id}, '2026-06-30', null) as body`;
        expect(JSON.parse(body).totals.total).toBe(2200); // what that snapshot sees
      });
    } finally {
      await reader.end();
    }
    const [{ n }] = await sql`select count(*)::int as n from app.report_cache where organization_id = ${o.id}`;
    expect(n).toBe(1); // the stale-snapshot report is there, and is not served:
    expect((await o.report()).totals.total).toBe(1000);
  });

  it("does not show a change before it commits, and shows it once it has", async () => {
    const o = await owingOrg();
    await o.report();
    const writer = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await writer.begin(async (tx) => {
        await newReceipt(o.id, o.first, { amountCents: 100000, at: "2026-06-03T12:00:00Z" }, tx);
        expect((await o.report()).totals.total).toBe(2200);
      });
    } finally {
      await writer.end();
    }
    expect((await o.report()).totals.total).toBe(1200);
  });

  it("prunes the change log; a report older than the pruned log is recomputed, not trusted", async () => {
    const o = await owingOrg();
    const before = await o.report();
    const at = await o.computedAt();
    await newReceipt(o.id, o.first, { amountCents: 100000, at: "2026-06-04T12:00:00Z" });
    await sql`select app.prune_organization_changes()`;
    const [{ left }] = await sql`select count(*)::int as left from app.organization_changes where organization_id = ${o.id}`;
    expect(left).toBe(0);
    const after = await o.report();
    expect(after.totals.total).toBe(before.totals.total - 1000);
    expect(await o.computedAt()).not.toBe(at);
  });

  it("keeps no entry for an unknown property, and drops a day-old entry at the next miss", async () => {
    const o = await owingOrg();
    const res = await call("/ar-aging?property_id=prop_01HZZZZZZZZZZZZZZZZZZZZZZZ", { key: o.key });
    expect(res.status).toBe(404);
    await call("/ar-aging?as_of=2026-06-01", { key: o.key });
    await sql`update app.report_cache set computed_at = now() - interval '25 hours' where organization_id = ${o.id}`;
    await o.report(); // another day: a miss
    const entries = await sql`select params from app.report_cache where organization_id = ${o.id} order by params`;
    expect(entries.map((e) => e.params)).toEqual(["2026-06-30 "]);
  });
});

describe("the dashboard cache", () => {
  it("computes the dashboard once, serves it while nothing changed, and is never stale after a write to any table it reads", async () => {
    const org = await newTenantOrg();
    const dashboard = async () => {
      const res = await call("/dashboard", { key: org.key });
      expect(res.status).toBe(200);
      return res.body;
    };
    const computedAt = async () => {
      // the latest: a new day (a new time zone, say) makes a new entry
      const [row] = await sql`select max(computed_at) as computed_at from app.report_cache where organization_id = ${org.id} and report = 'dashboard'`;
      return row?.computed_at?.toISOString() as string | undefined;
    };
    const empty = await dashboard();
    await settled(dashboard, computedAt, empty);

    const propertyId = await newProperty(org.id);
    expect((await dashboard()).properties).toBe(1);
    const unitId = await newUnit(org.id, propertyId);
    expect(await dashboard()).toMatchObject({ units: 1, occupied_units: 0 });
    const leaseId = await newLease(org.id, unitId, { tenantIds: [await newTenant(org.id)] });
    expect((await dashboard()).occupied_units).toBe(1);
    const month = (empty.as_of as string).slice(0, 7);
    const charge = await newCharge(org.id, leaseId, { period: month, due: `${month}-01`, amountCents: 100000 });
    expect(await dashboard()).toMatchObject({ rent_due_this_month_usd: 1000, rent_collected_this_month_usd: 0 });
    await newReceipt(org.id, charge, { amountCents: 40000, at: new Date().toISOString() });
    expect(await dashboard()).toMatchObject({ rent_collected_this_month_usd: 400, outstanding_balance_usd: 600 });
    await newWorkOrder(org.id, unitId, { title: "Leaking tap" });
    expect((await dashboard()).open_work_orders).toBe(1);
    await sql`delete from app.work_orders where organization_id = ${org.id}`;
    expect((await dashboard()).open_work_orders).toBe(0);
    const before = await computedAt();
    await sql`update app.organizations set timezone = 'Pacific/Kiritimati' where id = ${org.id}`;
    await dashboard();
    expect(await computedAt()).not.toBe(before);
  });
});
