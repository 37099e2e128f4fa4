// POST /api/ai-delinquency-prioritizer: the score and its parts on crafted leases, worked out
// by hand; the ranking of a crafted portfolio (an on-schedule payment plan ranks below the same
// debt without one); next steps; property filter; isolation, scopes and bad input.
import { describe, expect, it } from "vitest";
import { writeDelinquencySummary } from "../supabase/functions/_shared/ai/writer.ts";
import { call } from "./helpers.ts";
import {
  newCharge, newKey, newLease, newPaymentPlan, newProperty, newReceipt, newTenant, newTenantOrg, newUnit, orgDay,
} from "./fixtures/index.ts";

interface LeaseSpec {
  unit: string;
  rentCents: number;
  /** end date in days from today; null for no end date */
  endIn: number | null;
  tenants: string[];
  terminated?: boolean;
}

/** A signed (or terminated) lease on a new unit, started 500 days ago, with its tenants (who have contact details). */
async function lease(orgId: string, propertyId: string, s: LeaseSpec): Promise<string> {
  const unitId = await newUnit(orgId, propertyId, { label: s.unit });
  const tenantIds: string[] = [];
  for (const name of s.tenants) {
    const slug = name.toLowerCase().replace(/[^a-z]/g, "");
    tenantIds.push(await newTenant(orgId, { name, email: `${slug}@tenant.example`, phone: "651-555-0199" }));
  }
  return newLease(orgId, unitId, {
    tenantIds, rentCents: s.rentCents, start: -500, end: s.endIn, status: s.terminated ? "terminated" : "signed",
  });
}

interface ChargeSpec {
  /** due date in days from today (negative: past) */
  due: number;
  amountCents: number;
  /** moved to late (late_at set) by the late-marking rule */
  late?: boolean;
  /** money received: amount and when (days from today) */
  received?: { cents: number; at: number };
}

/** A rent charge, and the money received against it. */
async function charge(orgId: string, leaseId: string, c: ChargeSpec): Promise<void> {
  const paymentId = await newCharge(orgId, leaseId, { due: c.due, amountCents: c.amountCents, late: c.late });
  if (c.received) await newReceipt(orgId, paymentId, { amountCents: c.received.cents, at: c.received.at });
}

const prioritize = (key: string, json: unknown = {}) => call("/ai-delinquency-prioritizer", { method: "POST", key, json });

/** The crafted portfolio: five delinquent leases, one within its grace period, one paid up. */
async function portfolio() {
  const org = await newTenantOrg();
  const pine = await newProperty(org.id, { name: "127 Pine" });
  const elm = await newProperty(org.id, { name: "Elm Court" });
  const oak = await newProperty(org.id, { name: "Oak Terrace" });

  // A: 2 late charges (54 and 24 days), a late payment 84 days ago, one on time
  const a = await lease(org.id, pine, { unit: "1B", rentCents: 182500, endIn: 365, tenants: ["Maya R."] });
  // B: the same debt and history as A, with an accepted plan on schedule
  const b = await lease(org.id, pine, { unit: "2A", rentCents: 182500, endIn: 365, tenants: ["Jon B.", "Ada B."] });
  for (const id of [a, b]) {
    await charge(org.id, id, { due: -54, amountCents: 182500, late: true });
    await charge(org.id, id, { due: -24, amountCents: 182500, late: true });
    await charge(org.id, id, { due: -84, amountCents: 182500, late: true, received: { cents: 182500, at: -70 } });
    await charge(org.id, id, { due: -114, amountCents: 182500, received: { cents: 182500, at: -114 } });
  }
  const bPlan = await newPaymentPlan(org.id, b, { status: "accepted", installments: [{ due: -10, cents: 182500, paidCents: 182500 }, { due: 20, cents: 182500 }] });

  // C: 12 days late (never marked late), two late payments in the last 12 months (one only
  // paid after the grace period, one marked late), one on time, one late 400 days ago
  const c = await lease(org.id, elm, { unit: "3", rentCents: 120000, endIn: null, tenants: ["Ana C."] });
  await charge(org.id, c, { due: -12, amountCents: 120000 });
  await charge(org.id, c, { due: -40, amountCents: 120000, received: { cents: 120000, at: -30 } });
  await charge(org.id, c, { due: -70, amountCents: 120000, late: true, received: { cents: 120000, at: -60 } });
  await charge(org.id, c, { due: -100, amountCents: 120000, received: { cents: 120000, at: -99 } });
  await charge(org.id, c, { due: -400, amountCents: 120000, late: true, received: { cents: 120000, at: -390 } });

  // D: 3 days past due, inside the 5-day grace period: not delinquent
  const d = await lease(org.id, elm, { unit: "4", rentCents: 100000, endIn: 30, tenants: ["Dee D."] });
  await charge(org.id, d, { due: -3, amountCents: 100000 });

  // E: $600 of $1,000 paid, 8 days late, lease ends in 30 days
  const e = await lease(org.id, elm, { unit: "5", rentCents: 100000, endIn: 30, tenants: ["Eve E."] });
  await charge(org.id, e, { due: -8, amountCents: 100000, received: { cents: 60000, at: -2 } });

  // F: 45 days late with an accepted plan whose installment 15 days ago is unpaid (broken)
  const f = await lease(org.id, oak, { unit: "1", rentCents: 150000, endIn: 120, tenants: ["Fay F."] });
  await charge(org.id, f, { due: -45, amountCents: 150000, late: true });
  const fPlan = await newPaymentPlan(org.id, f, { status: "accepted", installments: [{ due: -15, cents: 75000 }, { due: 15, cents: 75000 }] });

  // G: paid up
  const g = await lease(org.id, oak, { unit: "2", rentCents: 150000, endIn: 200, tenants: ["Gus G."] });
  await charge(org.id, g, { due: -30, amountCents: 150000, received: { cents: 150000, at: -30 } });

  return { org, pine, elm, oak, a, b, c, d, e, f, g, bPlan, fPlan };
}

describe("POST /api/ai-delinquency-prioritizer", () => {
  it("scores and ranks a crafted portfolio as worked out by hand", async () => {
    const p = await portfolio();
    const { status, body } = await prioritize(p.org.key);
    expect(status).toBe(200);
    expect(body.as_of).toBe(await orgDay(p.org.id));
    expect(body.property_id).toBeNull();
    expect(body.totals).toEqual({ delinquent_leases: 5, amount_owed_usd: 10400 });
    // A 42.7 > F 40.8 > C 28 > B 22.7 > E 16.4; D (in grace) and G (paid) are absent
    expect(body.leases.map((e: any) => e.lease_id)).toEqual([p.a, p.f, p.c, p.b, p.e]);
    expect(body.leases.map((e: any) => e.rank)).toEqual([1, 2, 3, 4, 5]);

    const [a, f, c, b, e] = body.leases;
    expect(a).toMatchObject({
      lease_status: "signed", tenant_name: "Maya R.", property_id: p.pine, property_name: "127 Pine", unit_label: "1B",
      amount_owed_usd: 3650, monthly_rent_usd: 1825, owed_to_rent_ratio: 2, days_late: 54, oldest_due_date: await orgDay(p.org.id, -54),
      unpaid_charges: 2, past_late_payments_12_months: 1, lease_end_date: await orgDay(p.org.id, 365), days_left_on_lease: 365,
      payment_plan: null,
    });
    // 35×54/90 = 21; 25×2/3 = 16.7; one late payment 5; no plan; a year left 0
    expect(a.score).toEqual({ total: 42.7, parts: { days_late: 21, amount_owed: 16.7, late_history: 5, payment_plan: 0, lease_time_left: 0 } });
    expect(a.next_step).toEqual({
      action: "formal_notice",
      text: "$3,650 owed (2× the monthly rent), 54 days late. Send a formal written notice, as your lease and local law require.",
    });

    // the same lease with an accepted plan on schedule: 20 points lower, and below C
    expect(b.score).toEqual({ total: 22.7, parts: { days_late: 21, amount_owed: 16.7, late_history: 5, payment_plan: -20, lease_time_left: 0 } });
    expect(b.tenant_name).toBe("Ada B., Jon B.");
    expect(b.tenants.map((t: any) => t.name)).toEqual(["Ada B.", "Jon B."]);
    expect(b.payment_plan).toEqual({
      id: p.bPlan, status: "accepted", state: "on_schedule", proposed_on: await orgDay(p.org.id), decided_on: await orgDay(p.org.id),
      missed_installment_due_date: null, next_installment_due_date: await orgDay(p.org.id, 20), next_installment_usd: 1825,
    });
    expect(b.next_step).toEqual({
      action: "reminder",
      text: `The payment plan is on schedule. Send a friendly reminder before the next installment of $1,825, due ${await orgDay(p.org.id, 20)}.`,
    });

    // 35×45/90 = 17.5; 25×1/3 = 8.3; broken plan +10; 120 days left 5
    expect(f.score).toEqual({ total: 40.8, parts: { days_late: 17.5, amount_owed: 8.3, late_history: 0, payment_plan: 10, lease_time_left: 5 } });
    expect(f.payment_plan).toMatchObject({ id: p.fPlan, state: "broken", missed_installment_due_date: await orgDay(p.org.id, -15) });
    expect(f.next_step).toEqual({
      action: "formal_notice",
      text: `The payment plan is broken: the installment due ${await orgDay(p.org.id, -15)} was not paid. Send a formal written notice for the $1,500 owed, as your lease and local law require.`,
    });

    // 35×12/90 = 4.7; 25×1/3 = 8.3; two late payments in 12 months 10; no end date 5
    expect(c.score).toEqual({ total: 28, parts: { days_late: 4.7, amount_owed: 8.3, late_history: 10, payment_plan: 0, lease_time_left: 5 } });
    expect(c).toMatchObject({ days_late: 12, past_late_payments_12_months: 2, lease_end_date: null, days_left_on_lease: null });
    expect(c.next_step).toEqual({
      action: "propose_payment_plan",
      text: "$1,200 owed, 12 days late. Propose a payment plan that spreads the balance over the next few months.",
    });

    // $400 left of $1,000: 35×8/90 = 3.1; 25×0.4/3 = 3.3; 30 days left 10
    expect(e).toMatchObject({ amount_owed_usd: 400, days_late: 8, owed_to_rent_ratio: 0.4 });
    expect(e.score).toEqual({ total: 16.4, parts: { days_late: 3.1, amount_owed: 3.3, late_history: 0, payment_plan: 0, lease_time_left: 10 } });
    expect(e.next_step).toEqual({ action: "reminder", text: "Send a friendly reminder: $400 owed, 8 days late." });

    // tenants' contact details never appear
    expect(JSON.stringify(body)).not.toMatch(/tenant\.example|651-555/);

    expect(body.narrative_source).toBe("deterministic");
    expect(body.model).toBeNull();
    expect(body.summary).toBe(writeDelinquencySummary(body));
    expect(body.summary).toBe(
      "5 leases are behind on rent, $10,400 owed in total. " +
        "Start with 127 Pine 1B: $3,650 owed, 54 days late (score 42.7) — send a formal notice. " +
        "Then Oak Terrace 1: $1,500 owed, 45 days late (score 40.8) — send a formal notice. " +
        "Then Elm Court 3: $1,200 owed, 12 days late (score 28) — propose a payment plan. " +
        "2 more leases follow in order of priority.",
    );
  });

  it("filters by property and limits the list, keeping the totals of everything ranked", async () => {
    const p = await portfolio();
    const elm = await prioritize(p.org.key, { property_id: p.elm });
    expect(elm.status).toBe(200);
    expect(elm.body.property_id).toBe(p.elm);
    expect(elm.body.leases.map((e: any) => [e.lease_id, e.rank])).toEqual([[p.c, 1], [p.e, 2]]);
    expect(elm.body.totals).toEqual({ delinquent_leases: 2, amount_owed_usd: 1600 });

    const top = await prioritize(p.org.key, { limit: 2 });
    expect(top.body.leases.map((e: any) => e.lease_id)).toEqual([p.a, p.f]);
    expect(top.body.totals).toEqual({ delinquent_leases: 5, amount_owed_usd: 10400 });
  });

  it("caps each part, counts a terminated lease as out of time, and suggests the next step by rule", async () => {
    const org = await newTenantOrg();
    const prop = await newProperty(org.id, { name: "Birch" });
    // T: terminated, 5 charges unpaid (120..40 days), 6 late payments in the last 12 months
    const t = await lease(org.id, prop, { unit: "T", rentCents: 100000, endIn: 200, tenants: ["Tom T."], terminated: true });
    for (const due of [-120, -100, -80, -60, -40]) await charge(org.id, t, { due, amountCents: 100000, late: true });
    for (const due of [-300, -280, -260, -240, -220, -200]) {
      await charge(org.id, t, { due, amountCents: 100000, late: true, received: { cents: 100000, at: due + 10 } });
    }
    // P: a plan proposed and not yet answered
    const pl = await lease(org.id, prop, { unit: "P", rentCents: 100000, endIn: null, tenants: ["Pat P."] });
    await charge(org.id, pl, { due: -20, amountCents: 100000, late: true });
    await newPaymentPlan(org.id, pl, { status: "proposed", installments: [{ due: 10, cents: 100000 }] });
    // R: a plan declined, 40 days late
    const r = await lease(org.id, prop, { unit: "R", rentCents: 100000, endIn: null, tenants: ["Rae R."] });
    await charge(org.id, r, { due: -40, amountCents: 100000, late: true });
    await newPaymentPlan(org.id, r, { status: "rejected", installments: [{ due: 10, cents: 100000 }] });
    // K: $500 of $2,000 left, 15 days late
    const k = await lease(org.id, prop, { unit: "K", rentCents: 200000, endIn: 365, tenants: ["Kim K."] });
    await charge(org.id, k, { due: -15, amountCents: 200000, late: true, received: { cents: 150000, at: -1 } });

    const { body } = await prioritize(org.key);
    expect(body.leases.map((e: any) => e.lease_id)).toEqual([t, r, pl, k]);
    const [et, er, ep, ek] = body.leases;
    expect(et.lease_status).toBe("terminated");
    // 120 days → 35 (cap 90 days); owed 5× rent → 25 (cap 3×); 6 late payments → 20 (cap 4); terminated 10
    expect(et.score).toEqual({ total: 90, parts: { days_late: 35, amount_owed: 25, late_history: 20, payment_plan: 0, lease_time_left: 10 } });
    expect(et.next_step).toEqual({
      action: "formal_notice",
      text: "$5,000 owed (5× the monthly rent), 120 days late. Send a formal written notice, as your lease and local law require.",
    });
    // 15.6 + 8.3 + 0 + 0 + 5
    expect(er.score.total).toBe(28.9);
    expect(er.payment_plan.state).toBe("rejected");
    expect(er.next_step).toEqual({
      action: "formal_notice",
      text: `A payment plan was declined on ${await orgDay(org.id)} and $1,000 is still owed, 40 days late. Send a formal written notice, as your lease and local law require.`,
    });
    // 7.8 + 8.3 + 0 + 0 + 5
    expect(ep.score.total).toBe(21.1);
    expect(ep.next_step).toEqual({
      action: "call",
      text: `Call the tenant to follow up on the payment plan proposed on ${await orgDay(org.id)}: $1,000 owed, 20 days late.`,
    });
    // 5.8 + 2.1
    expect(ek.score).toEqual({ total: 7.9, parts: { days_late: 5.8, amount_owed: 2.1, late_history: 0, payment_plan: 0, lease_time_left: 0 } });
    expect(ek.next_step).toEqual({ action: "call", text: "Call the tenant: $500 owed, 15 days late." });
  });

  it("answers an organization with nothing late, also for a POST without a body", async () => {
    const org = await newTenantOrg();
    const res = await call("/ai-delinquency-prioritizer", { method: "POST", key: org.key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totals: { delinquent_leases: 0, amount_owed_usd: 0 }, leases: [], narrative_source: "deterministic" });
    expect(res.body.summary).toBe(`No lease is behind on rent as of ${await orgDay(org.id)}.`);
  });

  it("never ranks another organization's leases, and answers 404 alike for a foreign or absent property", async () => {
    const mine = await newTenantOrg();
    const theirs = await portfolio();
    const { body } = await prioritize(mine.key);
    expect(body.leases).toEqual([]);
    for (const property_id of [theirs.elm, "prop_01H..."]) {
      expect(await prioritize(mine.key, { property_id })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    }
  });

  it("requires both ai:run and read:payments", async () => {
    const org = await newTenantOrg(["ai:run", "read:vendors"]);
    expect(await prioritize(org.key)).toMatchObject({ status: 403, body: { error: expect.stringMatching(/lacks the scope read:payments/) } });
    const noAi = await newKey(org.id, ["read:payments"]);
    expect(await prioritize(noAi)).toMatchObject({ status: 403, body: { error: expect.stringMatching(/lacks the scope ai:run/) } });
  });

  it("answers bad input with a clear 400", async () => {
    const org = await newTenantOrg();
    for (const json of [{ limit: 0 }, { limit: 201 }, { limit: "5" }, { limit: 1.5 }, { property_id: "" }, { other: true }, []]) {
      const res = await prioritize(org.key, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(typeof res.body.error).toBe("string");
    }
    const text = await call("/ai-delinquency-prioritizer", { method: "POST", key: org.key, body: "limit=5", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
  });
});
