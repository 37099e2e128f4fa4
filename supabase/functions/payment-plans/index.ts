// /api/payment-plans: installment plans for a delinquent lease, proposed and then accepted or
// rejected; payments received under an accepted plan are recorded against its installments.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { isoDate, positiveUsd, ref } from "../_shared/fields.ts";
import { createApp, jsonBody, optionalJsonBody, serve } from "../_shared/http.ts";
import { eq } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { PaymentPlan, PaymentPlanWithPayments } from "../_shared/records.ts";

const app = createApp("payment-plans");
const plans = resource({ what: "Payment plan", prefix: "pp", view: "api_payment_plans", record: PaymentPlan });

const Installment = z.strictObject({ due_date: isoDate, amount_usd: positiveUsd });
const Propose = z.strictObject({
  lease_id: ref,
  installments: z.array(Installment).min(1).max(120).refine(
    (list) => list.every((x, i) => i === 0 || list[i - 1].due_date < x.due_date),
    "due dates must be distinct and in increasing order",
  ),
  note: z.string().max(2000).optional(),
});
const Decide = z.strictObject({});
const Payment = z.strictObject({ amount_usd: positiveUsd, paid_on: isoDate.optional() });
const Filters = z.strictObject({
  ...pageParams("pp"),
  lease_id: ref.optional(),
  status: z.enum(["proposed", "accepted", "rejected"]).optional(),
});

app.get("/", requireKey("read:payment_plans"), plans.list(Filters, (q) => ({
  where: [eq("lease_id", q.lease_id), eq("status", q.status)],
  require: [["Lease", q.lease_id]],
})));
// with the payments received under it, which the view does not carry
app.get("/:id", requireKey("read:payment_plans"), plans.read("app.payment_plan_detail", PaymentPlanWithPayments));

app.post("/", requireKey("write:payment_plans"), documented({ body: Propose, responses: { 201: PaymentPlanWithPayments }, errors: [404, 409, 422] }, async (c) => {
  const body = await jsonBody(c, Propose);
  const [row] = await sql`select app.payment_plan_propose(${c.var.caller.organizationId}, ${body.lease_id},
    ${sql.json(body.installments)}, ${body.note ?? null}) as j`;
  return c.json(row.j, 201);
}));

for (const [action, status] of [["accept", "accepted"], ["reject", "rejected"]] as const) {
  app.post(`/:id/${action}`, requireKey("write:payment_plans"), documented({ params: plans.params, body: Decide, optionalBody: true, responses: { 200: PaymentPlanWithPayments }, errors: [409, 422] }, async (c) => {
    const id = plans.id(c);
    await optionalJsonBody(c, Decide);
    const [row] = await sql`select app.payment_plan_decide(${c.var.caller.organizationId}, ${id}, ${status}) as j`;
    return c.json(row.j);
  }));
}

app.post("/:id/payments", requireKey("write:payment_plans"), documented({ params: plans.params, body: Payment, responses: { 200: PaymentPlanWithPayments }, errors: [409, 422] }, async (c) => {
  const id = plans.id(c);
  const body = await jsonBody(c, Payment);
  const [row] = await sql`select app.payment_plan_record_payment(${c.var.caller.organizationId}, ${id},
    ${body.amount_usd}, ${body.paid_on ?? null}) as j`;
  return c.json(row.j);
}));

serve(app);
