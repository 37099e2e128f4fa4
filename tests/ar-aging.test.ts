// GET /api/ar-aging: the reference's shape and the aging arithmetic, on hand-computed cases.
import { describe, expect, it } from "vitest";
import { call, functionsUrl, runReferenceCurl, sql } from "./helpers.ts";
import {
  newCharge, newLease, newProperty, newReceipt, newSmallPortfolio, newTenant, newTenantOrg, newUnit,
} from "./fixtures/index.ts";


/**
 * One lease at 127 Pine 1B (tenants Maya R. and Ari B.), charges due at chosen distances
 * before 2026-06-30, in an organization on America/Chicago time.
 */
async function agingCase() {
  const org = await newTenantOrg();
  const propertyId = await newProperty(org.id, { name: "127 Pine" });
  const unitId = await newUnit(org.id, propertyId, { label: "1B" });
  const leaseId = await newLease(org.id, unitId, { tenantIds: [await newTenant(org.id, { name: "Maya R." }), await newTenant(org.id, { name: "Ari B." })] });
  let n = 0;
  // period labels only need to differ here; the due dates are what the report reads
  const charge = async (due: string, dollars: number) =>
    newCharge(org.id, leaseId, { period: `${2010 + Math.floor(n / 12)}-${String((n++ % 12) + 1).padStart(2, "0")}`, due: due, amountCents: dollars * 100 });
  const c = {
    d0: await charge("2026-06-30", 100), // 0 days late: 0-30
    d30: await charge("2026-05-31", 200), // 30: 0-30
    d31: await charge("2026-05-30", 300), // 31: 31-60
    d60: await charge("2026-05-01", 400), // 60: 31-60
    d61: await charge("2026-04-30", 500), // 61: 61-90
    d90: await charge("2026-04-01", 600), // 90: 61-90
    d91: await charge("2026-03-31", 700), // 91: 90+
    notDue: await charge("2026-07-01", 800), // due after as_of: not in the report
    paid: await charge("2026-03-01", 1000), // paid in full before as_of: excluded
    partial: await charge("2026-02-01", 1000), // 149 days, 250.50 received: 749.50 in 90+
    paidLater: await charge("2026-01-01", 1000), // 180 days, paid in full only after as_of: 1000 in 90+
    midnight: await charge("2026-06-01", 1000), // 29 days; receipts either side of midnight in Chicago
    outOfOrder: await charge("2026-06-15", 1000), // 15 days; paid in full, but half of it only after as_of
  };
  // recorded in this order, the charge's paid_at is the earlier date: the report goes by receipts
  await newReceipt(org.id, c.outOfOrder, { amountCents: 50000, at: "2026-07-05T15:00:00Z" });
  await newReceipt(org.id, c.outOfOrder, { amountCents: 50000, at: "2026-06-20T15:00:00Z" });
  await newReceipt(org.id, c.paid, { amountCents: 100000, at: "2026-03-02T15:00:00Z" });
  await newReceipt(org.id, c.partial, { amountCents: 25050, at: "2026-02-05T15:00:00Z" });
  await newReceipt(org.id, c.paidLater, { amountCents: 100000, at: "2026-07-02T15:00:00Z" });
  await newReceipt(org.id, c.midnight, { amountCents: 10000, at: "2026-07-01T03:00:00Z" }); // 22:00 on June 30 in Chicago: counts
  await newReceipt(org.id, c.midnight, { amountCents: 20000, at: "2026-07-01T06:00:00Z" }); // 01:00 on July 1 in Chicago: too late
  return { ...org, propertyId, unitId, leaseId, c };
}

describe("GET /api/ar-aging", () => {
  it("ages every outstanding charge into the right bucket, with the reference's exact shape", async () => {
    const { key, c } = await agingCase();
    const res = await call("/ar-aging?as_of=2026-06-30", { key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(["rows", "totals"]);
    const row = (id: string, amount: number, due_date: string, days_late: number) => ({
      payment_id: id, tenant_name: "Ari B., Maya R.", property_name: "127 Pine", unit_label: "1B", amount, due_date, days_late,
    });
    // ordered by days late, most first
    expect(res.body.rows).toEqual([
      row(c.paidLater, 1000, "2026-01-01", 180),
      row(c.partial, 749.5, "2026-02-01", 149),
      row(c.d91, 700, "2026-03-31", 91),
      row(c.d90, 600, "2026-04-01", 90),
      row(c.d61, 500, "2026-04-30", 61),
      row(c.d60, 400, "2026-05-01", 60),
      row(c.d31, 300, "2026-05-30", 31),
      row(c.d30, 200, "2026-05-31", 30),
      row(c.midnight, 900, "2026-06-01", 29),
      row(c.outOfOrder, 500, "2026-06-15", 15),
      row(c.d0, 100, "2026-06-30", 0),
    ]);
    expect(Object.keys(res.body.rows[0])).toEqual(["payment_id", "tenant_name", "property_name", "unit_label", "amount", "due_date", "days_late"]);
    expect(res.body.totals).toEqual({ "0-30": 1700, "31-60": 700, "61-90": 1100, "90+": 2449.5, total: 5949.5 });
    expect(Object.keys(res.body.totals)).toEqual(["0-30", "31-60", "61-90", "90+", "total"]);
  });

  it("counts money received after as_of as still outstanding, and a later as_of leaves it out", async () => {
    const { key, c } = await agingCase();
    const before = await call("/ar-aging?as_of=2026-07-01", { key });
    // on July 1 the 01:00 receipt counts too, and the July 1 charge is due (0 days late)
    const ids = before.body.rows.map((r: any) => r.payment_id);
    expect(ids).toContain(c.paidLater);
    expect(before.body.rows.find((r: any) => r.payment_id === c.midnight)).toMatchObject({ amount: 700, days_late: 30 });
    expect(before.body.rows.find((r: any) => r.payment_id === c.notDue)).toMatchObject({ amount: 800, days_late: 0 });

    const after = await call("/ar-aging?as_of=2026-07-05", { key });
    expect(after.body.rows.map((r: any) => r.payment_id)).not.toContain(c.paidLater);
    expect(after.body.totals.total).toBe(5949.5 - 1000 - 200 - 500 + 800);
    expect(after.body.rows.map((r: any) => r.payment_id)).not.toContain(c.outOfOrder);

    const early = await call("/ar-aging?as_of=2026-01-31", { key });
    expect(early.body.rows).toEqual([expect.objectContaining({ payment_id: c.paidLater, amount: 1000, days_late: 30 })]);
    expect(early.body.totals).toEqual({ "0-30": 1000, "31-60": 0, "61-90": 0, "90+": 0, total: 1000 });
  });

  it("defaults as_of to today in the organization's time zone", async () => {
    const org = await newTenantOrg();
    await sql`update app.organizations set timezone = 'Pacific/Kiritimati' where id = ${org.id}`; // UTC+14
    const { leaseId } = await newSmallPortfolio(org.id);
    // today in Kiribati, by the JavaScript runtime's time zone data (not the database's)
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Pacific/Kiritimati" });
    const due = new Date(Date.parse(today) - 45 * 86_400_000).toISOString().slice(0, 10);
    const id = await newCharge(org.id, leaseId, { period: "2026-01", due: due, amountCents: 182500 });
    const res = await call("/ar-aging", { key: org.key });
    expect(res.body.rows).toEqual([{ payment_id: id, tenant_name: "Maya R.", property_name: "127 Pine", unit_label: "1B", amount: 1825, due_date: due, days_late: 45 }]);
    expect(res.body.totals).toEqual({ "0-30": 0, "31-60": 1825, "61-90": 0, "90+": 0, total: 1825 });
    expect((await call(`/ar-aging?as_of=${today}`, { key: org.key })).body).toEqual(res.body);
  });

  it("answers an empty report with zero totals", async () => {
    const { key } = await newTenantOrg();
    expect((await call("/ar-aging", { key })).body).toEqual({ rows: [], totals: { "0-30": 0, "31-60": 0, "61-90": 0, "90+": 0, total: 0 } });
  });

  it("filters by property; another organization's property answers 404 and its charges never appear", async () => {
    const { id: orgId, key, propertyId } = await agingCase();
    const elm = await newProperty(orgId, { name: "9 Elm" });
    const lease = await newLease(orgId, await newUnit(orgId, elm, { label: "A" }), { tenantIds: [await newTenant(orgId, { name: "Jo K." })] });
    const elmCharge = await newCharge(orgId, lease, { period: "2026-06", due: "2026-06-01", amountCents: 95000 });

    const onlyElm = await call(`/ar-aging?as_of=2026-06-30&property_id=${elm}`, { key });
    expect(onlyElm.body).toEqual({
      rows: [{ payment_id: elmCharge, tenant_name: "Jo K.", property_name: "9 Elm", unit_label: "A", amount: 950, due_date: "2026-06-01", days_late: 29 }],
      totals: { "0-30": 950, "31-60": 0, "61-90": 0, "90+": 0, total: 950 },
    });
    expect((await call(`/ar-aging?as_of=2026-06-30&property_id=${propertyId}`, { key })).body.totals.total).toBe(5949.5);

    const stranger = await newTenantOrg();
    expect(await call(`/ar-aging?property_id=${elm}`, { key: stranger.key })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    expect((await call("/ar-aging?as_of=2026-06-30", { key: stranger.key })).body.rows).toEqual([]);
  });

  it("rejects bad query strings and keys without read:payments", async () => {
    const { key } = await newTenantOrg();
    for (const q of ["as_of=2026-02-30", "as_of=today", "property_id=5f...", "page=2"]) {
      const res = await call(`/ar-aging?${q}`, { key });
      expect(res.status, q).toBe(400);
    }
    const unknown = await call("/ar-aging?page=2", { key });
    expect(unknown.body.error).toBe("Unknown parameter: page.");
    expect(unknown.headers.get("x-ratelimit-limit")).toBeTruthy();
    const { key: noScope } = await newTenantOrg(["read:leases", "read:dashboard"]);
    expect(await call("/ar-aging", { key: noScope })).toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:payments required here." } });
    // the key is judged before the parameters: no parameter feedback without a good key
    expect((await call("/ar-aging?page=2", { key: noScope })).status).toBe(403);
    expect((await call("/ar-aging?page=2", { key: `${key.slice(0, 13)}${"B".repeat(43)}` })).status).toBe(401);
    expect((await call("/ar-aging", {})).status).toBe(401);
    expect((await call("/ar-aging", { key, method: "POST" })).status).toBe(405);
  });

  it("runs the reference's curl example verbatim (base URL and key substituted)", async () => {
    const { key } = await agingCase();
    // As printed on the developers page, where the line continuation shows as "\ ".
    const reference = 'curl https://app.aptoria.ai/api/ar-aging \\ -H "Authorization: Bearer apt_..."';
    const parsed = await runReferenceCurl(reference, { "https://app.aptoria.ai": functionsUrl, "apt_...": key });
    expect(Object.keys(parsed)).toEqual(["rows", "totals"]);
    expect(parsed.totals.total).toBeGreaterThan(0);
  });
});
