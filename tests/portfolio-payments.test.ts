// /api/payments over the real stack: rent charges and recording money received.
import { describe, expect, it } from "vitest";
import { allPages, call, sql } from "./helpers.ts";
import {
  newCharge, newLease, newProperty, newReceipt, newSmallPortfolio, newTenant, newTenantOrg, newUnit,
} from "./fixtures/index.ts";

describe("/api/payments", () => {
  it("records a partial payment, then the rest; the charge becomes paid with its receipts", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const { leaseId } = await newSmallPortfolio(orgId);
    const chargeId = await newCharge(orgId, leaseId, { period: "2026-04", due: "2026-04-01", amountCents: 182500 });

    const partial = await call(`/payments/${chargeId}/receipts`, {
      key, method: "POST", json: { amount: 1000.25, received_at: "2026-04-03T15:00:00Z", method: "ach", reference: "ACH 991" },
    });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({
      id: chargeId, lease_id: leaseId, period_label: "2026-04", due_date: "2026-04-01",
      amount: 1825, paid_amount: 1000.25, balance: 824.75, status: "open", paid_at: null,
    });
    expect(partial.body.receipts).toEqual([
      expect.objectContaining({ amount: 1000.25, received_at: "2026-04-03T15:00:00.000Z", method: "ach", reference: "ACH 991" }),
    ]);
    expect(partial.body.receipts[0].id).toMatch(/^rcpt_/);

    const rest = await call(`/payments/${chargeId}/receipts`, { key, method: "POST", json: { amount: 824.75, received_at: "2026-04-10T09:30:00-05:00" } });
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ status: "paid", paid_amount: 1825, balance: 0, paid_at: "2026-04-10T14:30:00.000Z" });
    expect(rest.body.receipts.map((r: any) => [r.amount, r.method])).toEqual([[1000.25, "ach"], [824.75, "other"]]);

    const [row] = await sql`select status, paid_cents::int as paid from app.payments where id = ${chargeId}`;
    expect(row).toEqual({ status: "paid", paid: 182500 });
    expect(await call(`/payments/${chargeId}`, { key })).toMatchObject({ status: 200, body: rest.body });

    expect(await call(`/payments/${chargeId}/receipts`, { key, method: "POST", json: { amount: 1 } }))
      .toMatchObject({ status: 409, body: { error: "This charge is already paid in full." } });
  });

  it("refuses an overpayment (422) and money from the future (422), recording nothing", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const { leaseId } = await newSmallPortfolio(orgId);
    const chargeId = await newCharge(orgId, leaseId, { period: "2026-04", due: "2026-04-01", amountCents: 182500 });
    await call(`/payments/${chargeId}/receipts`, { key, method: "POST", json: { amount: 1800 } });
    expect(await call(`/payments/${chargeId}/receipts`, { key, method: "POST", json: { amount: 25.01 } }))
      .toMatchObject({ status: 422, body: { error: "The amount exceeds the outstanding balance of 25 USD." } });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await call(`/payments/${chargeId}/receipts`, { key, method: "POST", json: { amount: 1, received_at: future } }))
      .toMatchObject({ status: 422, body: { error: "received_at is in the future; record money when it has been received." } });
    const [{ n }] = await sql`select count(*)::int as n from app.payment_receipts where payment_id = ${chargeId}`;
    expect(n).toBe(1);
  });

  it("validates receipts", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const { leaseId } = await newSmallPortfolio(orgId);
    const chargeId = await newCharge(orgId, leaseId, { period: "2026-04", due: "2026-04-01", amountCents: 182500 });
    const post = (json: unknown) => call(`/payments/${chargeId}/receipts`, { key, method: "POST", json });
    expect(await post({ amount: 10, tip: 2 })).toMatchObject({ status: 400, body: { error: "Unknown field: tip." } });
    expect((await post({ amount: 0 })).body.error).toMatch(/^amount: /);
    expect((await post({ amount: 1.234 })).body.error).toMatch(/^amount: at most two decimals/);
    expect((await post({ amount: "10" })).status).toBe(400);
    expect((await post({ amount: 10, method: "bitcoin" })).body.error).toMatch(/^method /);
    expect((await post({ amount: 10, received_at: "yesterday" })).body.error).toMatch(/^received_at: /);
    expect((await call("/payments?status=overdue", { key })).status).toBe(400);
    expect((await call("/payments?period=2026-4", { key })).status).toBe(400);
  });

  it("answers 403 naming the scope", async () => {
    const { key } = await newTenantOrg(["read:payments"]);
    expect(await call("/payments/p_01H00000000000000000000000/receipts", { key, method: "POST", json: { amount: 1 } }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:payments required here." } });
    const { key: none } = await newTenantOrg(["read:leases"]);
    expect((await call("/payments", { key: none })).body.error).toBe("This API key lacks the scope read:payments required here.");
  });

  it("answers 404 for another organization's charge and records nothing against it", async () => {
    const other = await newTenantOrg();
    const { leaseId } = await newSmallPortfolio(other.id);
    const foreign = await newCharge(other.id, leaseId, { period: "2026-04", due: "2026-04-01", amountCents: 182500 });
    const { key } = await newTenantOrg();
    expect(await call(`/payments/${foreign}`, { key })).toMatchObject({ status: 404, body: { error: "Payment not found." } });
    expect(await call(`/payments/${foreign}/receipts`, { key, method: "POST", json: { amount: 1 } }))
      .toMatchObject({ status: 404, body: { error: "Payment not found." } });
    const [{ n }] = await sql`select count(*)::int as n from app.payment_receipts where payment_id = ${foreign}`;
    expect(n).toBe(0);
    expect(await call(`/payments?lease_id=${leaseId}`, { key })).toMatchObject({ status: 404, body: { error: "Lease not found." } });
  });

  it("lists by lease, period, status, property and tenant, and pages", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const pine = await newSmallPortfolio(orgId);
    const elm = await newProperty(orgId, { name: "9 Elm" });
    const elmUnit = await newUnit(orgId, elm, { label: "A" });
    const jo = await newTenant(orgId, { name: "Jo" });
    const elmLease = await newLease(orgId, elmUnit, { tenantIds: [jo] });
    const pineCharges: string[] = [];
    for (const m of ["01", "02", "03"]) pineCharges.push(await newCharge(orgId, pine.leaseId, { period: `2026-${m}`, due: `2026-${m}-01`, amountCents: 100000 }));
    const elmMarch = await newCharge(orgId, elmLease, { period: "2026-03", due: "2026-03-01", amountCents: 90000 });
    await newReceipt(orgId, pineCharges[0], { amountCents: 100000 });
    await sql`update app.payments set status = 'late', late_at = now() where id = ${pineCharges[1]}`;

    const ids = async (q: string) => (await call(`/payments?${q}`, { key })).body.data.map((p: any) => p.id).sort();
    expect(await ids(`lease_id=${pine.leaseId}`)).toEqual([...pineCharges].sort());
    expect(await ids("period=2026-03")).toEqual([pineCharges[2], elmMarch].sort());
    expect(await ids("status=paid")).toEqual([pineCharges[0]]);
    expect(await ids("status=late")).toEqual([pineCharges[1]]);
    expect(await ids(`property_id=${elm}`)).toEqual([elmMarch]);
    expect(await ids(`tenant_id=${pine.tenantId}&status=open`)).toEqual([pineCharges[2]]);
    const { ids: all, pages } = await allPages("/payments?limit=3", key);
    expect(pages).toBe(2);
    expect(all.sort()).toEqual([...pineCharges, elmMarch].sort());
  });
});
