// /api/payment-plans: propose, list (by lease, status), get (installments, on schedule),
// accept, reject, record installment payments.
import { describe, expect, it } from "vitest";
import { call, sql } from "./helpers.ts";
import { newDelinquentLease, newKey, newLease, newPropertyWithUnit, newTenantOrg } from "./fixtures/index.ts";

/** A date `days` from today (UTC), far enough from today that time zones do not matter. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function propose(key: string, json: Record<string, unknown>) {
  const res = await call("/payment-plans", { method: "POST", key, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const action = (key: string, id: string, what: string, json?: unknown) =>
  call(`/payment-plans/${id}/${what}`, { method: "POST", key, json });

describe("POST /api/payment-plans", () => {
  it("proposes a plan whose total is the sum of its installments", async () => {
    const org = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const plan = await propose(org.key, {
      lease_id: leaseId, note: "Two halves",
      installments: [{ due_date: day(10), amount_usd: 912.5 }, { due_date: day(40), amount_usd: 912.5 }],
    });
    expect(plan).toMatchObject({
      lease_id: leaseId, status: "proposed", total_usd: 1825, paid_usd: 0, remaining_usd: 1825, note: "Two halves",
      on_schedule: null, decided_at: null, payments: [],
      installments: [
        { seq: 1, due_date: day(10), amount_usd: 912.5, paid_usd: 0, paid_on: null },
        { seq: 2, due_date: day(40), amount_usd: 912.5, paid_usd: 0, paid_on: null },
      ],
    });
    expect(plan.id).toMatch(/^pp_/);
    const [row] = await sql`select total_cents, status from app.payment_plans where id = ${plan.id}`;
    expect(row).toEqual({ total_cents: "182500", status: "proposed" });
  });

  it("answers 409 for a lease that already has a live plan, and allows a new one once it is rejected", async () => {
    const org = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const body = { lease_id: leaseId, installments: [{ due_date: day(10), amount_usd: 100 }] };
    const first = await propose(org.key, body);
    let res = await call("/payment-plans", { method: "POST", key: org.key, json: body });
    expect(res).toMatchObject({ status: 409, body: { error: `This lease already has a proposed payment plan (${first.id}); it must be rejected before another is proposed.` } });
    await action(org.key, first.id, "accept");
    res = await call("/payment-plans", { method: "POST", key: org.key, json: body });
    expect(res).toMatchObject({ status: 409, body: { error: `This lease already has an accepted payment plan (${first.id}); a lease has one accepted plan, and it cannot be replaced.` } });

    const { leaseId: second } = await newDelinquentLease(org.id);
    const rejected = await propose(org.key, { ...body, lease_id: second });
    await action(org.key, rejected.id, "reject");
    expect((await call("/payment-plans", { method: "POST", key: org.key, json: { ...body, lease_id: second } })).status).toBe(201);
  });

  it("answers 409 for a lease with no overdue rent", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const current = await newLease(org.id, unitId, { start: -365 });
    expect(await call("/payment-plans", { method: "POST", key: org.key, json: { lease_id: current, installments: [{ due_date: day(5), amount_usd: 10 }] } }))
      .toMatchObject({ status: 409, body: { error: "This lease has no overdue rent; a payment plan is for a delinquent lease." } });
  });

  it("validates installments and rejects unknown fields", async () => {
    const org = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const post = (json: unknown) => call("/payment-plans", { method: "POST", key: org.key, json });
    expect((await post({ lease_id: leaseId, installments: [] })).body.error).toMatch(/^installments /);
    expect((await post({ lease_id: leaseId, installments: [{ due_date: day(9), amount_usd: 1 }, { due_date: day(2), amount_usd: 1 }] })).body.error)
      .toBe("installments: due dates must be distinct and in increasing order.");
    expect((await post({ lease_id: leaseId, installments: [{ due_date: day(9), amount_usd: 0 }] })).body.error).toMatch(/^installments\.0\.amount_usd: /);
    expect((await post({ lease_id: leaseId, installments: [{ due_date: day(9), amount_usd: 10.001 }] })).body.error).toMatch(/two decimals/);
    expect(await post({ lease_id: leaseId, installments: [{ due_date: day(9), amount_usd: 1, memo: "x" }] }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: memo." } });
    expect(await post({ lease_id: leaseId, installments: [{ due_date: day(9), amount_usd: 1 }], total_usd: 1 }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: total_usd." } });
    const [{ count }] = await sql`select count(*)::int as count from app.payment_plans where lease_id = ${leaseId}`;
    expect(count).toBe(0);
  });

  it("answers 404 for another organization's lease and needs write:payment_plans", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newDelinquentLease(other.id);
    const body = { lease_id: foreign.leaseId, installments: [{ due_date: day(10), amount_usd: 100 }] };
    expect(await call("/payment-plans", { method: "POST", key: org.key, json: body })).toMatchObject({ status: 404, body: { error: "Lease not found." } });
    const readOnly = await newKey(other.id, ["read:payment_plans"]);
    expect(await call("/payment-plans", { method: "POST", key: readOnly, json: body }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:payment_plans required here." } });
  });
});

describe("accept, reject", () => {
  it("accepts or rejects a proposed plan, and answers 409 saying why otherwise", async () => {
    const org = await newTenantOrg();
    const a = await newDelinquentLease(org.id);
    const b = await newDelinquentLease(org.id);
    const installments = [{ due_date: day(10), amount_usd: 100 }];
    const accepted = await propose(org.key, { lease_id: a.leaseId, installments });
    const rejected = await propose(org.key, { lease_id: b.leaseId, installments });

    let res = await action(org.key, accepted.id, "accept");
    expect(res).toMatchObject({ status: 200, body: { status: "accepted", on_schedule: true } });
    expect(res.body.decided_at).toMatch(/Z$/);
    expect(await action(org.key, rejected.id, "reject", {})).toMatchObject({ status: 200, body: { status: "rejected", on_schedule: null } });

    expect(await action(org.key, accepted.id, "accept")).toMatchObject({ status: 409, body: { error: "This payment plan is already accepted." } });
    expect(await action(org.key, accepted.id, "reject")).toMatchObject({ status: 409, body: { error: "This payment plan was accepted; only a proposed plan can be rejected." } });
    expect(await action(org.key, rejected.id, "accept")).toMatchObject({ status: 409, body: { error: "This payment plan was rejected; only a proposed plan can be accepted." } });
  });

  it("answers 404 across organizations and 403 without write:payment_plans", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const plan = await propose(org.key, { lease_id: leaseId, installments: [{ due_date: day(10), amount_usd: 100 }] });
    expect(await action(other.key, plan.id, "accept")).toMatchObject({ status: 404, body: { error: "Payment plan not found." } });
    expect(await action(org.key, plan.id, "accept", { why: 1 })).toMatchObject({ status: 400, body: { error: "Unknown field: why." } });
    const readOnly = await newKey(org.id, ["read:payment_plans"]);
    expect(await action(readOnly, plan.id, "reject"))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:payment_plans required here." } });
    expect((await call(`/payment-plans/${plan.id}`, { key: org.key })).body.status).toBe("proposed");
  });
});

describe("POST /api/payment-plans/:id/payments", () => {
  it("applies payments to the oldest installments first and tracks whether the plan is on schedule", async () => {
    const org = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const plan = await propose(org.key, {
      lease_id: leaseId,
      installments: [{ due_date: day(-10), amount_usd: 500 }, { due_date: day(-3), amount_usd: 500 }, { due_date: day(20), amount_usd: 825 }],
    });
    await action(org.key, plan.id, "accept");
    expect((await call(`/payment-plans/${plan.id}`, { key: org.key })).body.on_schedule).toBe(false);

    let res = await action(org.key, plan.id, "payments", { amount_usd: 600, paid_on: day(-2) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      paid_usd: 600, remaining_usd: 1225, on_schedule: false,
      installments: [
        { seq: 1, paid_usd: 500, paid_on: day(-2) },
        { seq: 2, paid_usd: 100, paid_on: null },
        { seq: 3, paid_usd: 0, paid_on: null },
      ],
      payments: [{ amount_usd: 600, paid_on: day(-2) }],
    });
    expect(res.body.payments[0].id).toMatch(/^ppay_/);

    res = await action(org.key, plan.id, "payments", { amount_usd: 400 });
    expect(res.body).toMatchObject({ paid_usd: 1000, on_schedule: true, installments: [{ paid_usd: 500 }, { paid_usd: 500 }, { paid_usd: 0 }] });
    expect(res.body.payments.map((p: { amount_usd: number }) => p.amount_usd)).toEqual([400, 600]);

    expect(await action(org.key, plan.id, "payments", { amount_usd: 825.01 }))
      .toMatchObject({ status: 422, body: { error: "The amount exceeds the 825 USD still owed on this plan." } });
    res = await action(org.key, plan.id, "payments", { amount_usd: 825 });
    expect(res.body).toMatchObject({ paid_usd: 1825, remaining_usd: 0, on_schedule: true });
    expect(await action(org.key, plan.id, "payments", { amount_usd: 1 }))
      .toMatchObject({ status: 409, body: { error: "This payment plan is already paid in full." } });

    const rows = await sql`select seq, paid_cents from app.payment_plan_installments where payment_plan_id = ${plan.id} order by seq`;
    expect(rows).toEqual([{ seq: 1, paid_cents: "50000" }, { seq: 2, paid_cents: "50000" }, { seq: 3, paid_cents: "82500" }]);
  });

  it("takes payments only on an accepted plan and not in the future", async () => {
    const org = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const plan = await propose(org.key, { lease_id: leaseId, installments: [{ due_date: day(10), amount_usd: 100 }] });
    expect(await action(org.key, plan.id, "payments", { amount_usd: 10 }))
      .toMatchObject({ status: 409, body: { error: "This payment plan is proposed; payments are recorded only against an accepted plan." } });
    await action(org.key, plan.id, "accept");
    const res = await action(org.key, plan.id, "payments", { amount_usd: 10, paid_on: day(30) });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/^paid_on \(\d{4}-\d{2}-\d{2}\) is in the future/);
    expect((await action(org.key, plan.id, "payments", { amount_usd: 10, method: "cash" })).body.error).toBe("Unknown field: method.");
    expect((await action(org.key, plan.id, "payments", { amount_usd: -5 })).status).toBe(400);
    const [{ count }] = await sql`select count(*)::int as count from app.payment_plan_payments where payment_plan_id = ${plan.id}`;
    expect(count).toBe(0);
  });

  it("answers 404 across organizations and 403 without write:payment_plans", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { leaseId } = await newDelinquentLease(org.id);
    const plan = await propose(org.key, { lease_id: leaseId, installments: [{ due_date: day(10), amount_usd: 100 }] });
    await action(org.key, plan.id, "accept");
    expect(await action(other.key, plan.id, "payments", { amount_usd: 10 })).toMatchObject({ status: 404, body: { error: "Payment plan not found." } });
    const readOnly = await newKey(org.id, ["read:payment_plans"]);
    expect((await action(readOnly, plan.id, "payments", { amount_usd: 10 })).status).toBe(403);
  });
});

describe("GET /api/payment-plans", () => {
  it("filters by lease and status, and pages", async () => {
    const org = await newTenantOrg();
    const installments = [{ due_date: day(10), amount_usd: 100 }];
    const plans: { id: string; lease_id: string }[] = [];
    for (let i = 0; i < 3; i++) plans.push(await propose(org.key, { lease_id: (await newDelinquentLease(org.id)).leaseId, installments }));
    await action(org.key, plans[1].id, "accept");

    const ids = async (q: string) => (await call(`/payment-plans?${q}`, { key: org.key })).body.data.map((x: { id: string }) => x.id);
    expect(await ids(`lease_id=${plans[0].lease_id}`)).toEqual([plans[0].id]);
    expect(await ids("status=accepted")).toEqual([plans[1].id]);
    expect(await ids("status=proposed")).toEqual([plans[2].id, plans[0].id]);

    const p1 = await call("/payment-plans?limit=2", { key: org.key });
    expect(p1.body.data[0].installments).toHaveLength(1);
    expect(p1.body).toMatchObject({ has_more: true, next_cursor: plans[1].id });
    const p2 = await call(p1.body.next_url.replace(/^\/api/, ""), { key: org.key });
    expect(p2.body.data.map((x: { id: string }) => x.id)).toEqual([plans[0].id]);
    expect(p2.body.has_more).toBe(false);
  });

  it("answers 404 for another organization's lease filter or plan, 403 without read:payment_plans", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newDelinquentLease(other.id);
    const plan = await propose(other.key, { lease_id: foreign.leaseId, installments: [{ due_date: day(10), amount_usd: 100 }] });
    expect(await call(`/payment-plans?lease_id=${foreign.leaseId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Lease not found." } });
    expect(await call(`/payment-plans/${plan.id}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Payment plan not found." } });
    expect((await call(`/payment-plans/${plan.id}`, { key: other.key })).body.id).toBe(plan.id);
    const writeOnly = await newKey(org.id, ["write:payment_plans"]);
    expect(await call("/payment-plans", { key: writeOnly }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:payment_plans required here." } });
  });
});
