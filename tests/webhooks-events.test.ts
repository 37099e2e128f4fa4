// Webhooks, part 3: every one of the thirteen event kinds, end to end, from its SQL change
// (as any writer would make it) to a delivery whose signature verifies, with its payload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchUntil, functionsUrl, type Receiver, schedulerSecret, sql, startReceiver, verifiedEvent } from "./helpers.ts";
import {
  newApplication, newCharge, newInspection, newLease, newPaymentPlan, newPropertyWithUnit, newReceipt, newTenant, newTenantOrg, newVendor, newWebhookEndpoint, newWorkOrder,
} from "./fixtures/index.ts";

let r: Receiver;
let org: { id: string; key: string };
let secret: string;

beforeAll(async () => {
  r = await startReceiver();
  org = await newTenantOrg();
  secret = (await newWebhookEndpoint(org.key, r.url)).secret;
});
afterAll(() => r.close());

/** The verified deliveries of `kind` (after running the dispatcher until `count` matching `match` arrived). */
async function events(kind: string, count = 1, match: (payload: any) => boolean = () => true): Promise<any[]> {
  const of = () => r.received.filter((x) => JSON.parse(x.body).event === kind && match(JSON.parse(x.body).payload));
  await dispatchUntil(() => of().length >= count);
  return await Promise.all(of().map(async (x) => {
    const body: any = await verifiedEvent(x, secret);
    expect(body.organization_id).toBe(org.id);
    expect(x.headers["x-pmai-event-id"]).toBe(body.id);
    return body;
  }));
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** A property with a unit of its own label (the events of one test never match another's). */
const portfolio = () => newPropertyWithUnit(org.id, { unit: `1B-${Math.random().toString(36).slice(2, 8)}` });

async function signedLease() {
  const { unitId, propertyId } = await portfolio();
  const tenantId = await newTenant(org.id, { name: "Lease Tenant" });
  const leaseId = await newLease(org.id, unitId, { tenantIds: [tenantId], rentCents: 182500, depositCents: 182500, start: "2026-01-01" });
  return { leaseId, tenantId, unitId, propertyId };
}

describe("event kinds", () => {
  it("rent.paid: a receipt that pays the charge in full, with the reference's payload fields", async () => {
    const { leaseId } = await signedLease();
    const paymentId = await newCharge(org.id, leaseId, { period: "2026-05", due: "2026-05-01", amountCents: 182500 });
    await newReceipt(org.id, paymentId, { amountCents: 100000, at: "2026-05-20T10:00:00Z" });
    await newReceipt(org.id, paymentId, { amountCents: 82500, at: "2026-05-25T15:42:14Z" });
    const [e] = await events("rent.paid");
    expect(Object.keys(e.payload)).toEqual(["payment_id", "lease_id", "amount_usd", "period_label", "paid_at"]);
    expect(e.payload).toEqual({ payment_id: paymentId, lease_id: leaseId, amount_usd: 1825, period_label: "2026-05", paid_at: "2026-05-25T15:42:14Z" });
  });

  it("rent.late: once per charge, after the due date plus the organization's grace period", async () => {
    const { leaseId } = await signedLease();
    const [{ today, grace }] = await sql`select app.org_today(${org.id}) as today, late_grace_days as grace from app.organizations where id = ${org.id}`;
    const day = (offset: number) => new Date(new Date(today).getTime() + offset * 86400_000).toISOString().slice(0, 10);
    const late = await newCharge(org.id, leaseId, { period: "2026-03", due: day(-grace - 1), amountCents: 182500 });
    const notYet = await newCharge(org.id, leaseId, { period: "2026-04", due: day(-grace), amountCents: 182500 });
    const runMarker = async () => {
      const res = await fetch(`${functionsUrl}/functions/v1/rent-late`, {
        method: "POST", headers: { authorization: `Bearer ${schedulerSecret}`, "content-type": "application/json" }, body: "{}",
      });
      expect(res.status).toBe(200);
    };
    await runMarker();
    await runMarker();
    const [e] = await events("rent.late");
    expect(e.payload).toMatchObject({ payment_id: late, lease_id: leaseId, amount_usd: 1825, balance_usd: 1825, period_label: "2026-03", due_date: day(-grace - 1) });
    expect(e.payload.late_at).toMatch(ISO);
    const statuses = await sql`select id, status from app.payments where id in (${late}, ${notYet}) order by period_label`;
    expect(statuses.map((s) => s.status)).toEqual(["late", "open"]);
    const [{ n }] = await sql`select count(*)::int as n from app.webhook_events where organization_id = ${org.id} and kind = 'rent.late'`;
    expect(n).toBe(1);
  });

  it("application.submitted, application.approved, application.denied", async () => {
    const { propertyId, unitId } = await portfolio();
    const a = await newApplication(org.id, propertyId, {
      unitId, applicantName: "Jo Applicant", applicantEmail: "jo@example.test", desiredMoveIn: "2026-07-01",
    });
    const b = await newApplication(org.id, propertyId, { applicantName: "Sam Applicant" });
    await sql`update app.applications set status = 'approved', decided_at = now() where id = ${a}`;
    await sql`update app.applications set status = 'denied', decided_at = now(), decision_reason = 'Income below 3x rent' where id = ${b}`;
    const submitted = await events("application.submitted", 2);
    expect(submitted.find((e) => e.payload.application_id === a).payload).toMatchObject({
      property_id: propertyId, unit_id: unitId, applicant_name: "Jo Applicant", applicant_email: "jo@example.test", desired_move_in: "2026-07-01",
    });
    const [approved] = await events("application.approved");
    expect(approved.payload).toMatchObject({ application_id: a, applicant_name: "Jo Applicant" });
    expect(approved.payload.decided_at).toMatch(ISO);
    const [denied] = await events("application.denied");
    expect(denied.payload).toMatchObject({ application_id: b, decision_reason: "Income below 3x rent" });
  });

  it("lease.signed and lease.terminated", async () => {
    const { leaseId, tenantId, unitId } = await signedLease();
    await sql`update app.leases set status = 'terminated', terminated_at = now(), termination_reason = 'Moved out early' where id = ${leaseId}`;
    const [signed] = await events("lease.signed", 1, (p) => p.lease_id === leaseId);
    expect(signed.payload).toMatchObject({ unit_id: unitId, tenant_ids: [tenantId], rent_usd: 1825, deposit_usd: 1825, start_date: "2026-01-01" });
    expect(signed.payload.signed_at).toMatch(ISO);
    const [terminated] = await events("lease.terminated");
    expect(terminated.payload).toMatchObject({ lease_id: leaseId, termination_reason: "Moved out early", tenant_ids: [tenantId] });
  });

  it("work_order.created and work_order.completed", async () => {
    const { unitId } = await portfolio();
    const vendorId = await newVendor(org.id, { name: "Twin Cities Plow Co." });
    const workOrderId = await newWorkOrder(org.id, unitId, { title: "Leaking faucet", priority: "high" });
    await sql`update app.work_orders set status = 'assigned', vendor_id = ${vendorId}, assigned_at = now() where id = ${workOrderId}`;
    await sql`update app.work_orders set status = 'completed', completed_at = now(), cost_cents = 38050 where id = ${workOrderId}`;
    const [created] = await events("work_order.created");
    expect(created.payload).toMatchObject({ work_order_id: workOrderId, unit_id: unitId, vendor_id: null, title: "Leaking faucet", priority: "high", status: "open" });
    const [completed] = await events("work_order.completed");
    expect(completed.payload).toMatchObject({ work_order_id: workOrderId, vendor_id: vendorId, cost_usd: 380.5 });
  });

  it("tenant.added and tenant.removed", async () => {
    const tenantId = await newTenant(org.id, { name: "Maya R.", email: "maya@example.test", phone: "555-0100" });
    await sql`update app.tenants set removed_at = now() where id = ${tenantId}`;
    await sql`update app.tenants set name = 'Maya Renamed' where id = ${tenantId}`;
    const [added] = await events("tenant.added", 1, (p) => p.tenant_id === tenantId);
    expect(added.payload).toMatchObject({ name: "Maya R.", email: "maya@example.test", phone: "555-0100" });
    const removed = await events("tenant.removed");
    expect(removed).toHaveLength(1);
    expect(removed[0].payload).toMatchObject({ tenant_id: tenantId, name: "Maya R." });
  });

  it("inspection.completed", async () => {
    const { unitId } = await portfolio();
    const inspectionId = await newInspection(org.id, unitId, { kind: "move_out", scheduledFor: "2026-06-30", inspector: "Pat Inspector" });
    const findings = [{ area: "kitchen", condition: "fair", note: "scuffed floor" }];
    await sql`update app.inspections set status = 'completed', completed_at = now(), findings = ${sql.json(findings)}, summary = 'OK' where id = ${inspectionId}`;
    const [e] = await events("inspection.completed");
    expect(e.payload).toMatchObject({ inspection_id: inspectionId, unit_id: unitId, kind: "move_out", scheduled_for: "2026-06-30", inspector: "Pat Inspector", summary: "OK", findings });
  });

  it("payment_plan.proposed, with the installments written in the same transaction", async () => {
    const { leaseId } = await signedLease();
    // newPaymentPlan writes the plan and its installments in one transaction
    const planId = await newPaymentPlan(org.id, leaseId, {
      note: "Two halves", installments: [{ due: "2026-06-15", cents: 150000 }, { due: "2026-07-15", cents: 150000 }],
    });
    const [e] = await events("payment_plan.proposed");
    expect(e.payload).toMatchObject({
      payment_plan_id: planId, lease_id: leaseId, total_usd: 3000, note: "Two halves",
      installments: [{ seq: 1, due_date: "2026-06-15", amount_usd: 1500 }, { seq: 2, due_date: "2026-07-15", amount_usd: 1500 }],
    });
  });

  it("covers all thirteen kinds the reference lists", async () => {
    const kinds = (await sql`select name from app.webhook_event_kinds where subscribable order by name`).map((k) => k.name);
    expect(kinds).toHaveLength(13);
    const seen = new Set(r.received.map((x) => JSON.parse(x.body).event));
    expect([...seen].filter((k) => kinds.includes(k)).sort()).toEqual(kinds);
  });
});
