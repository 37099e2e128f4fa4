// /api/payments: rent charges (one per lease per month) and the money received against them.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { period, positiveUsd } from "../_shared/fields.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { idOf } from "../_shared/ids.ts";
import { eq, when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { Payment, PaymentWithReceipts } from "../_shared/records.ts";

const app = createApp("payments");
const payments = resource({ what: "Payment", prefix: "p", view: "api_payments", record: Payment });

const Receipt = z.strictObject({
  amount: positiveUsd,
  received_at: z.iso.datetime({ offset: true, error: "an ISO 8601 instant such as 2026-05-25T15:42:14Z" }).optional(),
  method: z.enum(["ach", "card", "check", "cash", "other"]).optional(),
  reference: z.string().max(200).nullable().optional(),
});

const Filters = z.strictObject({
  ...pageParams("p"),
  lease_id: idOf("l").optional(),
  property_id: idOf("prop").optional(),
  tenant_id: idOf("ten").optional(),
  period: period.optional(),
  status: z.enum(["open", "late", "paid"]).optional(),
});

app.get("/", requireKey("read:payments"), payments.list(Filters, (q) => ({
  where: [
    eq("lease_id", q.lease_id), eq("period_label", q.period), eq("status", q.status),
    // the keys spelled out: an index scan of just these, not a scan of every charge (docs/conventions.md, SQL)
    when(q.property_id, (p) => sql`lease_id = any (array(
      select l.id from app.leases l join app.units u on u.id = l.unit_id where u.property_id = ${p}))`),
    when(q.tenant_id, (t) => sql`lease_id = any (array(select lt.lease_id from app.lease_tenants lt where lt.tenant_id = ${t}))`),
  ],
  require: [["Lease", q.lease_id], ["Property", q.property_id], ["Tenant", q.tenant_id]],
})));
// with its receipts, which the view does not carry
app.get("/:id", requireKey("read:payments"), payments.read("app.payment_detail", PaymentWithReceipts));

app.post("/:id/receipts", requireKey("write:payments"), documented({ params: payments.params, body: Receipt, responses: { 201: PaymentWithReceipts }, errors: [409, 422] }, async (c) => {
  const id = payments.id(c);
  const body = await jsonBody(c, Receipt);
  const [row] = await sql`select app.payment_record(${c.var.caller.organizationId}, ${id}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
}));

serve(app);
