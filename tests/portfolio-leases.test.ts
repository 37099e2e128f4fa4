// /api/leases over the real stack: drafts, signing, overlap, termination, rent charges.
import { describe, expect, it } from "vitest";
import { allPages, call, sql } from "./helpers.ts";
import { newCharge, newLease, newProperty, newReceipt, newTenant, newTenantOrg, newUnit } from "./fixtures/index.ts";

async function setup() {
  const org = await newTenantOrg();
  const propertyId = await newProperty(org.id);
  const unitId = await newUnit(org.id, propertyId, { label: "1B" });
  const tenantA = await newTenant(org.id, { name: "Maya R." });
  const tenantB = await newTenant(org.id, { name: "Jon R." });
  return { ...org, propertyId, unitId, tenantA, tenantB };
}

const draft = (s: { unitId: string; tenantA: string }, extra: Record<string, unknown> = {}) => ({
  unit_id: s.unitId, tenant_ids: [s.tenantA], rent: 1825, deposit: 1825, due_day: 1, start_date: "2026-01-01", end_date: "2026-12-31", ...extra,
});

describe("/api/leases", () => {
  it("creates a draft, changes it, signs it; a signed lease cannot change or be signed again", async () => {
    const s = await setup();
    const created = await call("/leases", { key: s.key, method: "POST", json: draft(s, { tenant_ids: [s.tenantA, s.tenantB, s.tenantA] }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unit_id: s.unitId, property_id: s.propertyId, status: "draft", rent: 1825, deposit: 1825, due_day: 1,
      start_date: "2026-01-01", end_date: "2026-12-31", signed_at: null, terminated_at: null,
    });
    expect(created.body.id).toMatch(/^l_/);
    expect(created.body.tenant_ids).toEqual([s.tenantA, s.tenantB].sort());

    const changed = await call(`/leases/${created.body.id}`, { key: s.key, method: "PATCH", json: { rent: 1900.5, tenant_ids: [s.tenantB] } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rent: 1900.5, tenant_ids: [s.tenantB], status: "draft" });
    const [row] = await sql`select rent_cents from app.leases where id = ${created.body.id}`;
    expect(Number(row.rent_cents)).toBe(190050);

    const signed = await call(`/leases/${created.body.id}/sign`, { key: s.key, method: "POST" });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe("signed");
    expect(signed.body.signed_at).toMatch(/Z$/);
    expect(await call(`/leases/${created.body.id}`, { key: s.key })).toMatchObject({ status: 200, body: signed.body });

    expect(await call(`/leases/${created.body.id}/sign`, { key: s.key, method: "POST" }))
      .toMatchObject({ status: 409, body: { error: "This lease is already signed; only a draft lease can be signed." } });
    expect(await call(`/leases/${created.body.id}`, { key: s.key, method: "PATCH", json: { rent: 1 } }))
      .toMatchObject({ status: 409, body: { error: "This lease is signed; only a draft lease can be changed." } });
  });

  it("refuses to sign a lease that overlaps a signed lease on the same unit, with a clear 409", async () => {
    const s = await setup();
    const first = await newLease(s.id, s.unitId, { tenantIds: [s.tenantA], start: "2026-01-01", end: "2026-06-30" });
    const { body: overlapping } = await call("/leases", { key: s.key, method: "POST", json: draft(s, { start_date: "2026-06-30", end_date: null }) });
    const res = await call(`/leases/${overlapping.id}/sign`, { key: s.key, method: "POST" });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe(
      `Unit 1B already has a signed lease ${first} from 2026-01-01 to 2026-06-30 that overlaps 2026-06-30 to open-ended; terminate it or change these dates first.`,
    );
    const [row] = await sql`select status from app.leases where id = ${overlapping.id}`;
    expect(row.status).toBe("draft");

    // the day after the first lease ends is free
    await call(`/leases/${overlapping.id}`, { key: s.key, method: "PATCH", json: { start_date: "2026-07-01" } });
    expect((await call(`/leases/${overlapping.id}/sign`, { key: s.key, method: "POST" })).body.status).toBe("signed");
  });

  it("terminates a signed lease with a reason and date, withdrawing unpaid charges for later months", async () => {
    const s = await setup();
    const leaseId = await newLease(s.id, s.unitId, { tenantIds: [s.tenantA], start: "2026-01-01", end: "2026-12-31" });
    const march = await newCharge(s.id, leaseId, { period: "2026-03", due: "2026-03-01", amountCents: 182500 });
    const april = await newCharge(s.id, leaseId, { period: "2026-04", due: "2026-04-01", amountCents: 182500 });
    const may = await newCharge(s.id, leaseId, { period: "2026-05", due: "2026-05-01", amountCents: 182500 });
    await newReceipt(s.id, may, { amountCents: 10000, at: "2026-03-10T12:00:00Z" });

    const res = await call(`/leases/${leaseId}/terminate`, { key: s.key, method: "POST", json: { reason: "Tenant moved out", effective_date: "2026-03-15" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "terminated", termination_reason: "Tenant moved out", end_date: "2026-03-15" });
    expect(res.body.terminated_at).toMatch(/Z$/);
    const left = await sql`select id from app.payments where lease_id = ${leaseId} order by due_date`;
    // March stays (the lease covered part of it), April goes, May has money against it and stays
    expect(left.map((r) => r.id)).toEqual([march, may]);
    void april;

    expect(await call(`/leases/${leaseId}/terminate`, { key: s.key, method: "POST", json: { reason: "again" } }))
      .toMatchObject({ status: 409, body: { error: "This lease is terminated; only a signed lease can be terminated." } });
    const { body: d } = await call("/leases", { key: s.key, method: "POST", json: draft(s) });
    expect(await call(`/leases/${d.id}/terminate`, { key: s.key, method: "POST", json: { reason: "x" } }))
      .toMatchObject({ status: 409, body: { error: "This lease is draft; only a signed lease can be terminated." } });
    expect(await call(`/leases/${leaseId}/sign`, { key: s.key, method: "POST" })).toMatchObject({ status: 409 });
  });

  it("refuses termination dates outside the lease (422) and requires a reason (400)", async () => {
    const s = await setup();
    const leaseId = await newLease(s.id, s.unitId, { tenantIds: [s.tenantA], start: "2026-01-01", end: "2026-12-31" });
    const early = await call(`/leases/${leaseId}/terminate`, { key: s.key, method: "POST", json: { reason: "x", effective_date: "2025-12-31" } });
    expect(early).toMatchObject({ status: 422, body: { error: "effective_date (2025-12-31) is before the lease starts (2026-01-01)." } });
    const late = await call(`/leases/${leaseId}/terminate`, { key: s.key, method: "POST", json: { reason: "x", effective_date: "2027-01-01" } });
    expect(late.status).toBe(422);
    const none = await call(`/leases/${leaseId}/terminate`, { key: s.key, method: "POST", json: {} });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatch(/^reason /);
  });

  it("generates one charge per lease per month, idempotently", async () => {
    const s = await setup();
    const unit2 = await newUnit(s.id, s.propertyId, { label: "2A" });
    const a = await newLease(s.id, s.unitId, { tenantIds: [s.tenantA], rentCents: 182500, start: "2026-01-01", end: null });
    // starts mid-February: February is charged (the lease covers part of it); ends in April
    const b = await newLease(s.id, unit2, { tenantIds: [s.tenantB], rentCents: 95000, dueDay: 5, start: "2026-02-15", end: "2026-04-10" });
    // a draft gets nothing
    await call("/leases", { key: s.key, method: "POST", json: draft(s, { unit_id: unit2, start_date: "2026-05-01", end_date: null }) });

    const first = await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2026-01", to: "2026-06" } });
    expect(first).toMatchObject({ status: 200, body: { from: "2026-01", to: "2026-06", leases: 2, created: 9, existing: 0 } });
    const rows = await sql`select lease_id, period_label, to_char(due_date, 'YYYY-MM-DD') as due, amount_cents::int as cents, status
      from app.payments where organization_id = ${s.id} order by lease_id, period_label`;
    expect(rows.filter((r) => r.lease_id === b).map((r) => [r.period_label, r.due, r.cents])).toEqual([
      ["2026-02", "2026-02-05", 95000], ["2026-03", "2026-03-05", 95000], ["2026-04", "2026-04-05", 95000],
    ]);
    expect(rows.filter((r) => r.lease_id === a).map((r) => r.period_label)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["open"]));

    const again = await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2026-01", to: "2026-07", lease_id: a } });
    expect(again.body).toMatchObject({ leases: 1, created: 1, existing: 6 });
    const [{ n }] = await sql`select count(*)::int as n from app.payments where organization_id = ${s.id}`;
    expect(n).toBe(10);
  });

  it("validates charge generation input", async () => {
    const s = await setup();
    expect((await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2026-13", to: "2026-01" } })).status).toBe(400);
    expect(await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2026-05", to: "2026-01" } }))
      .toMatchObject({ status: 400, body: { error: "to (2026-01) is before from (2026-05)." } });
    expect(await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2020-01", to: "2026-01" } }))
      .toMatchObject({ status: 400, body: { error: "A range covers at most 36 months." } });
    const { body: d } = await call("/leases", { key: s.key, method: "POST", json: draft(s) });
    expect(await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2026-01", to: "2026-01", lease_id: d.id } }))
      .toMatchObject({ status: 409, body: { error: "This lease is a draft; rent is charged on signed leases only." } });
  });

  it("validates lease bodies", async () => {
    const s = await setup();
    expect(await call("/leases", { key: s.key, method: "POST", json: { ...draft(s), pets: true } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: pets." } });
    const dueDay = await call("/leases", { key: s.key, method: "POST", json: draft(s, { due_day: 31 }) });
    expect(dueDay.status).toBe(400);
    expect(dueDay.body.error).toMatch(/^due_day /);
    const noTenants = await call("/leases", { key: s.key, method: "POST", json: draft(s, { tenant_ids: [] }) });
    expect(noTenants.body.error).toMatch(/^tenant_ids /);
    expect((await call("/leases", { key: s.key, method: "POST", json: draft(s, { start_date: "2026-02-30" }) })).status).toBe(400);
    expect(await call("/leases", { key: s.key, method: "POST", json: draft(s, { start_date: "2026-05-01", end_date: "2026-04-30" }) }))
      .toMatchObject({ status: 422, body: { error: "end_date (2026-04-30) is before start_date (2026-05-01)." } });
    await sql`update app.tenants set removed_at = now() where id = ${s.tenantB}`;
    expect(await call("/leases", { key: s.key, method: "POST", json: draft(s, { tenant_ids: [s.tenantB] }) }))
      .toMatchObject({ status: 409, body: { error: `Removed tenants cannot join a lease: ${s.tenantB}.` } });
    expect((await call("/leases?status=active", { key: s.key })).status).toBe(400);
  });

  it("answers 403 naming the scope", async () => {
    const { key } = await newTenantOrg(["read:leases"]);
    expect((await call("/leases/l_01H00000000000000000000000/sign", { key, method: "POST" })).body.error)
      .toBe("This API key lacks the scope write:leases required here.");
    expect((await call("/leases/generate-charges", { key, method: "POST", json: { from: "2026-01", to: "2026-01" } })).status).toBe(403);
    const { key: none } = await newTenantOrg(["read:units"]);
    expect(await call("/leases", { key: none })).toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:leases required here." } });
  });

  it("answers 404 for another organization's leases, units and tenants", async () => {
    const other = await setup();
    const foreignLease = await newLease(other.id, other.unitId, { tenantIds: [other.tenantA] });
    const s = await setup();
    for (const [path, init] of [
      [`/leases/${foreignLease}`, {}],
      [`/leases/${foreignLease}`, { method: "PATCH", json: { rent: 1 } }],
      [`/leases/${foreignLease}/sign`, { method: "POST" }],
      [`/leases/${foreignLease}/terminate`, { method: "POST", json: { reason: "x" } }],
    ] as const) {
      expect(await call(path, { key: s.key, ...init })).toMatchObject({ status: 404, body: { error: "Lease not found." } });
    }
    expect(await call("/leases/generate-charges", { key: s.key, method: "POST", json: { from: "2026-01", to: "2026-01", lease_id: foreignLease } }))
      .toMatchObject({ status: 404, body: { error: "Lease not found." } });
    expect(await call("/leases", { key: s.key, method: "POST", json: draft({ unitId: other.unitId, tenantA: s.tenantA }) }))
      .toMatchObject({ status: 404, body: { error: "Unit not found." } });
    expect(await call("/leases", { key: s.key, method: "POST", json: draft({ unitId: s.unitId, tenantA: other.tenantA }) }))
      .toMatchObject({ status: 404, body: { error: `Tenant not found: ${other.tenantA}.` } });
    const [row] = await sql`select status from app.leases where id = ${foreignLease}`;
    expect(row.status).toBe("signed");
    expect(await call(`/leases?unit_id=${other.unitId}`, { key: s.key })).toMatchObject({ status: 404, body: { error: "Unit not found." } });
  });

  it("filters by unit, property, status and tenant, and pages", async () => {
    const s = await setup();
    const otherProperty = await newProperty(s.id, { name: "9 Elm" });
    const otherUnit = await newUnit(s.id, otherProperty, { label: "A" });
    const l1 = await newLease(s.id, s.unitId, { tenantIds: [s.tenantA], start: "2025-01-01", end: "2025-12-31" });
    const l2 = await newLease(s.id, otherUnit, { tenantIds: [s.tenantB], start: "2025-01-01", end: null });
    const { body: d } = await call("/leases", { key: s.key, method: "POST", json: draft(s, { tenant_ids: [s.tenantA, s.tenantB] }) });
    const ids = async (q: string) => (await call(`/leases?${q}`, { key: s.key })).body.data.map((l: any) => l.id).sort();
    expect(await ids(`unit_id=${s.unitId}`)).toEqual([l1, d.id].sort());
    expect(await ids(`property_id=${otherProperty}`)).toEqual([l2]);
    expect(await ids("status=draft")).toEqual([d.id]);
    expect(await ids(`tenant_id=${s.tenantB}`)).toEqual([l2, d.id].sort());
    expect(await ids(`tenant_id=${s.tenantA}&status=signed`)).toEqual([l1]);
    const { ids: all, pages } = await allPages("/leases?limit=2", s.key);
    expect(pages).toBe(2);
    expect(all.sort()).toEqual([l1, l2, d.id].sort());
  });
});
