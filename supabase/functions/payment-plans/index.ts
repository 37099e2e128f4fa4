// /api/payment-plans: installment plans for a delinquent lease, proposed and then accepted or
// rejected; payments received under an accepted plan are recorded against its installments.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, optionalJsonBody, queryParams, serve } from "../_shared/http.ts";
import { found, isoDate, positiveUsd, ref } from "../_shared/fields.ts";
import { pathId } from "../_shared/ids.ts";
import { eq, listPage } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";

const app = createApp("payment-plans");

const Installment = z.strictObject({ due_date: isoDate, amount_usd: positiveUsd });
const Propose = z.strictObject({
  lease_id: ref,
  installments: z.array(Installment).min(1).max(120).refine(
    (list) => list.every((x, i) => i === 0 || list[i - 1].due_date < x.due_date),
    "due dates must be distinct and in increasing order",
  ),
  note: z.string().max(2000).optional(),
});
const Payment = z.strictObject({ amount_usd: positiveUsd, paid_on: isoDate.optional() });
const Filters = z.strictObject({
  ...pageParams("pp"),
  lease_id: ref.optional(),
  status: z.enum(["proposed", "accepted", "rejected"]).optional(),
});

app.get("/", requireKey("read:payment_plans"), async (c) => {
  const q = queryParams(c, Filters);
  return c.json(await listPage(c, "api_payment_plans", q, [eq("lease_id", q.lease_id), eq("status", q.status)], [
    ["Lease", q.lease_id],
  ]));
});

app.get("/:id", requireKey("read:payment_plans"), async (c) => {
  const id = pathId(c, "pp", "Payment plan");
  const [row] = await sql`select app.payment_plan_detail(${c.var.caller.organizationId}, ${id}) as j`;
  return c.json(found(row?.j, "Payment plan"));
});

app.post("/", requireKey("write:payment_plans"), async (c) => {
  const body = await jsonBody(c, Propose);
  const [row] = await sql`select app.payment_plan_propose(${c.var.caller.organizationId}, ${body.lease_id},
    ${sql.json(body.installments)}, ${body.note ?? null}) as j`;
  return c.json(row.j, 201);
});

for (const [action, status] of [["accept", "accepted"], ["reject", "rejected"]] as const) {
  app.post(`/:id/${action}`, requireKey("write:payment_plans"), async (c) => {
    const id = pathId(c, "pp", "Payment plan");
    await optionalJsonBody(c, z.strictObject({}));
    const [row] = await sql`select app.payment_plan_decide(${c.var.caller.organizationId}, ${id}, ${status}) as j`;
    return c.json(row.j);
  });
}

app.post("/:id/payments", requireKey("write:payment_plans"), async (c) => {
  const id = pathId(c, "pp", "Payment plan");
  const body = await jsonBody(c, Payment);
  const [row] = await sql`select app.payment_plan_record_payment(${c.var.caller.organizationId}, ${id},
    ${body.amount_usd}, ${body.paid_on ?? null}) as j`;
  return c.json(row.j);
});

serve(app);
