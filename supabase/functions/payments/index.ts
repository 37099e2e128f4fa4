// /api/payments: rent charges (one per lease per month) and the money received against them.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { page, pageParams } from "../_shared/pagination.ts";
import { found, idOf, jsonRows, period, positiveUsd } from "../_shared/fields.ts";

const app = createApp("payments");

const Receipt = z.strictObject({
  amount: positiveUsd,
  received_at: z.iso.datetime({ offset: true, error: "an ISO 8601 instant such as 2026-05-25T15:42:14Z" }).optional(),
  method: z.enum(["ach", "card", "check", "cash", "other"]).optional(),
  reference: z.string().max(200).nullable().optional(),
});

app.get("/", requireKey("read:payments"), async (c) => {
  const q = queryParams(c, z.strictObject({
    ...pageParams,
    lease_id: idOf("l").optional(),
    property_id: idOf("prop").optional(),
    tenant_id: idOf("ten").optional(),
    period: period.optional(),
    status: z.enum(["open", "late", "paid"]).optional(),
  }));
  const rows = await sql<{ j: { id: string } }[]>`
    select app.payment_json(p) as j from app.payments p
    where p.organization_id = ${c.var.caller.organizationId}
      and (${q.lease_id ?? null}::text is null or p.lease_id = ${q.lease_id ?? null})
      and (${q.period ?? null}::text is null or p.period_label = ${q.period ?? null})
      and (${q.status ?? null}::text is null or p.status = ${q.status ?? null})
      and (${q.property_id ?? null}::text is null or p.lease_id in (
        select l.id from app.leases l join app.units u on u.id = l.unit_id where u.property_id = ${q.property_id ?? null}))
      and (${q.tenant_id ?? null}::text is null or p.lease_id in (
        select lt.lease_id from app.lease_tenants lt where lt.tenant_id = ${q.tenant_id ?? null}))
      and (${q.cursor ?? null}::text is null or p.id < ${q.cursor ?? null})
    order by p.id desc limit ${q.limit + 1}`;
  return c.json(page(c, jsonRows(rows), q.limit));
});

app.get("/:id", requireKey("read:payments"), async (c) => {
  const [row] = await sql`select app.payment_with_receipts_json(p) as j from app.payments p
    where p.id = ${c.req.param("id")} and p.organization_id = ${c.var.caller.organizationId}`;
  return c.json(found(row?.j, "Payment"));
});

app.post("/:id/receipts", requireKey("write:payments"), async (c) => {
  const body = await jsonBody(c, Receipt);
  const [row] = await sql`select app.payment_record(${c.var.caller.organizationId}, ${c.req.param("id")}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

serve(app);
