// Webhooks, part 3: every one of the thirteen event kinds, end to end, from its SQL change
// (as any writer would make it) to a delivery whose signature verifies, with its payload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call, dispatchUntil, functionsUrl, newTenantOrg, schedulerSecret, sql, startReceiver, verifySignature, type Receiver,
} from "./helpers.ts";

let r: Receiver;
let org: { id: string; key: string };
let secret: string;

beforeAll(async () => {
  r = await startReceiver();
  org = await newTenantOrg();
  const res = await call("/webhook-endpoints", { method: "POST", key: org.key, json: { url: r.url } });
  secret = res.body.secret;
});
afterAll(() => r.close());

/** The verified deliveries of `kind` (after running the dispatcher until `count` matching `match` arrived). */
async function events(kind: string, count = 1, match: (payload: any) => boolean = () => true): Promise<any[]> {
  const of = () => r.received.filter((x) => JSON.parse(x.body).event === kind && match(JSON.parse(x.body).payload));
  await dispatchUntil(() => of().length >= count);
  return of().map((x) => {
    expect(verifySignature(x.headers["x-pmai-signature"], x.body, secret)).toBe(true);
    const body = JSON.parse(x.body);
    expect(body.organization_id).toBe(org.id);
    expect(x.headers["x-pmai-event-id"]).toBe(body.id);
    return body;
  });
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

async function portfolio() {
  const [p] = await sql`insert into app.properties (organization_id, name) values (${org.id}, '127 Pine') returning id`;
  const [u] = await sql`insert into app.units (organization_id, property_id, label) values (${org.id}, ${p.id}, ${"1B-" + Math.random().toString(36).slice(2, 8)}) returning id`;
  return { propertyId: p.id as string, unitId: u.id as string };
}

async function signedLease() {
  const { unitId, propertyId } = await portfolio();
  const [t] = await sql`insert into app.tenants (organization_id, name) values (${org.id}, 'Lease Tenant') returning id`;
  const [l] = await sql`insert into app.leases (organization_id, unit_id, rent_cents, deposit_cents, start_date)
    values (${org.id}, ${unitId}, 182500, 182500, '2026-01-01') returning id`;
  await sql`insert into app.lease_tenants (organization_id, lease_id, tenant_id) values (${org.id}, ${l.id}, ${t.id})`;
  await sql`update app.leases set status = 'signed', signed_at = now() where id = ${l.id}`;
  return { leaseId: l.id as string, tenantId: t.id as string, unitId, propertyId };
}

describe("event kinds", () => {
  it("rent.paid: a receipt that pays the charge in full, with the reference's payload fields", async () => {
    const { leaseId } = await signedLease();
    const [p] = await sql`insert into app.payments (organization_id, lease_id, period_label, due_date, amount_cents)
      values (${org.id}, ${leaseId}, '2026-05', '2026-05-01', 182500) returning id`;
    await sql`insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at) values (${org.id}, ${p.id}, 100000, '2026-05-20T10:00:00Z')`;
    await sql`insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at) values (${org.id}, ${p.id}, 82500, '2026-05-25T15:42:14Z')`;
    const [e] = await events("rent.paid");
    expect(Object.keys(e.payload)).toEqual(["payment_id", "lease_id", "amount_usd", "period_label", "paid_at"]);
    expect(e.payload).toEqual({ payment_id: p.id, lease_id: leaseId, amount_usd: 1825, period_label: "2026-05", paid_at: "2026-05-25T15:42:14Z" });
  });

  it("rent.late: once per charge, after the due date plus the organization's grace period", async () => {
    const { leaseId } = await signedLease();
    const [{ today, grace }] = await sql`select app.org_today(${org.id}) as today, late_grace_days as grace from app.organizations where id = ${org.id}`;
    const day = (offset: number) => new Date(new Date(today).getTime() + offset * 86400_000).toISOString().slice(0, 10);
    const [late] = await sql`insert into app.payments (organization_id, lease_id, period_label, due_date, amount_cents, paid_cents)
      values (${org.id}, ${leaseId}, '2026-03', ${day(-grace - 1)}, 182500, 0) returning id`;
    const [notYet] = await sql`insert into app.payments (organization_id, lease_id, period_label, due_date, amount_cents)
      values (${org.id}, ${leaseId}, '2026-04', ${day(-grace)}, 182500) returning id`;
    const runMarker = async () => {
      const res = await fetch(`${functionsUrl}/functions/v1/rent-late`, {
        method: "POST", headers: { authorization: `Bearer ${schedulerSecret}`, "content-type": "application/json" }, body: "{}",
      });
      expect(res.status).toBe(200);
    };
    await runMarker();
    await runMarker();
    const [e] = await events("rent.late");
    expect(e.payload).toMatchObject({ payment_id: late.id, lease_id: leaseId, amount_usd: 1825, balance_usd: 1825, period_label: "2026-03", due_date: day(-grace - 1) });
    expect(e.payload.late_at).toMatch(ISO);
    const statuses = await sql`select id, status from app.payments where id in (${late.id}, ${notYet.id}) order by period_label`;
    expect(statuses.map((s) => s.status)).toEqual(["late", "open"]);
    const [{ n }] = await sql`select count(*)::int as n from app.webhook_events where organization_id = ${org.id} and kind = 'rent.late'`;
    expect(n).toBe(1);
  });

  it("application.submitted, application.approved, application.denied", async () => {
    const { propertyId, unitId } = await portfolio();
    const [a] = await sql`insert into app.applications (organization_id, property_id, unit_id, applicant_name, applicant_email, desired_move_in)
      values (${org.id}, ${propertyId}, ${unitId}, 'Jo Applicant', 'jo@example.test', '2026-07-01') returning id`;
    const [b] = await sql`insert into app.applications (organization_id, property_id, applicant_name) values (${org.id}, ${propertyId}, 'Sam Applicant') returning id`;
    await sql`update app.applications set status = 'approved', decided_at = now() where id = ${a.id}`;
    await sql`update app.applications set status = 'denied', decided_at = now(), decision_reason = 'Income below 3x rent' where id = ${b.id}`;
    const submitted = await events("application.submitted", 2);
    expect(submitted.find((e) => e.payload.application_id === a.id).payload).toMatchObject({
      property_id: propertyId, unit_id: unitId, applicant_name: "Jo Applicant", applicant_email: "jo@example.test", desired_move_in: "2026-07-01",
    });
    const [approved] = await events("application.approved");
    expect(approved.payload).toMatchObject({ application_id: a.id, applicant_name: "Jo Applicant" });
    expect(approved.payload.decided_at).toMatch(ISO);
    const [denied] = await events("application.denied");
    expect(denied.payload).toMatchObject({ application_id: b.id, decision_reason: "Income below 3x rent" });
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
    const [v] = await sql`insert into app.vendors (organization_id, name) values (${org.id}, 'Twin Cities Plow Co.') returning id`;
    const [w] = await sql`insert into app.work_orders (organization_id, unit_id, title, priority) values (${org.id}, ${unitId}, 'Leaking faucet', 'high') returning id`;
    await sql`update app.work_orders set status = 'assigned', vendor_id = ${v.id}, assigned_at = now() where id = ${w.id}`;
    await sql`update app.work_orders set status = 'completed', completed_at = now(), cost_cents = 38050 where id = ${w.id}`;
    const [created] = await events("work_order.created");
    expect(created.payload).toMatchObject({ work_order_id: w.id, unit_id: unitId, vendor_id: null, title: "Leaking faucet", priority: "high", status: "open" });
    const [completed] = await events("work_order.completed");
    expect(completed.payload).toMatchObject({ work_order_id: w.id, vendor_id: v.id, cost_usd: 380.5 });
  });

  it("tenant.added and tenant.removed", async () => {
    const [t] = await sql`insert into app.tenants (organization_id, name, email, phone) values (${org.id}, 'Maya R.', 'maya@example.test', '555-0100') returning id`;
    await sql`update app.tenants set removed_at = now() where id = ${t.id}`;
    await sql`update app.tenants set name = 'Maya Renamed' where id = ${t.id}`;
    const [added] = await events("tenant.added", 1, (p) => p.tenant_id === t.id);
    expect(added.payload).toMatchObject({ name: "Maya R.", email: "maya@example.test", phone: "555-0100" });
    const removed = await events("tenant.removed");
    expect(removed).toHaveLength(1);
    expect(removed[0].payload).toMatchObject({ tenant_id: t.id, name: "Maya R." });
  });

  it("inspection.completed", async () => {
    const { unitId } = await portfolio();
    const [i] = await sql`insert into app.inspections (organization_id, unit_id, kind, scheduled_for, inspector) values (${org.id}, ${unitId}, 'move_out', '2026-06-30', 'Pat Inspector') returning id`;
    const findings = [{ area: "kitchen", condition: "fair", note: "scuffed floor" }];
    await sql`update app.inspections set status = 'completed', completed_at = now(), findings = ${sql.json(findings)}, summary = 'OK' where id = ${i.id}`;
    const [e] = await events("inspection.completed");
    expect(e.payload).toMatchObject({ inspection_id: i.id, unit_id: unitId, kind: "move_out", scheduled_for: "2026-06-30", inspector: "Pat Inspector", summary: "OK", findings });
  });

  it("payment_plan.proposed, with the installments written in the same transaction", async () => {
    const { leaseId } = await signedLease();
    const planId = await sql.begin(async (tx) => {
      const [pp] = await tx`insert into app.payment_plans (organization_id, lease_id, total_cents, note) values (${org.id}, ${leaseId}, 300000, 'Two halves') returning id`;
      await tx`insert into app.payment_plan_installments (payment_plan_id, seq, due_date, amount_cents) values
        (${pp.id}, 1, '2026-06-15', 150000), (${pp.id}, 2, '2026-07-15', 150000)`;
      return pp.id as string;
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
