// /api/work-orders: repairs on a unit, from open through assigned (a vendor) to completed.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { isoDate, ref, text, usd } from "../_shared/fields.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { eq } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { WorkOrder } from "../_shared/records.ts";

const app = createApp("work-orders");
const workOrders = resource({ what: "Work order", prefix: "wo", view: "api_work_orders", record: WorkOrder });

const priority = z.enum(["low", "normal", "high", "emergency"]);
const fields = {
  title: z.string().trim().min(1).max(200),
  description: text(5000),
  priority: priority.optional(),
  due_date: isoDate.nullable().optional(),
  notes: text(5000),
};
const Create = z.strictObject({ ...fields, unit_id: ref, vendor_id: ref.optional() });
const Update = z.strictObject({ ...fields, title: fields.title.optional(), cost_usd: usd.nullable().optional() });
const Assign = z.strictObject({ vendor_id: ref });
const Complete = z.strictObject({ cost_usd: usd, notes: z.string().max(5000).optional() });
const Filters = z.strictObject({
  ...pageParams("wo"),
  unit_id: ref.optional(),
  property_id: ref.optional(),
  vendor_id: ref.optional(),
  status: z.enum(["open", "assigned", "completed"]).optional(),
  priority: priority.optional(),
});

app.get("/", requireKey("read:work_orders"), workOrders.list(Filters, (q) => ({
  where: [
    eq("unit_id", q.unit_id), eq("property_id", q.property_id), eq("vendor_id", q.vendor_id),
    eq("status", q.status), eq("priority", q.priority),
  ],
  require: [["Unit", q.unit_id], ["Property", q.property_id], ["Vendor", q.vendor_id]],
})));
app.get("/:id", requireKey("read:work_orders"), workOrders.read());
app.post("/", requireKey("write:work_orders"), workOrders.create(Create, "app.work_order_create"));
app.patch("/:id", requireKey("write:work_orders"), workOrders.update(Update, "app.work_order_update"));

app.post("/:id/assign", requireKey("write:work_orders"), documented({ params: workOrders.params, body: Assign, responses: { 200: WorkOrder }, errors: [409, 422] }, async (c) => {
  const id = workOrders.id(c);
  const body = await jsonBody(c, Assign);
  const [row] = await sql`select app.work_order_assign(${c.var.caller.organizationId}, ${id}, ${body.vendor_id}) as j`;
  return c.json(row.j);
}));

app.post("/:id/complete", requireKey("write:work_orders"), documented({ params: workOrders.params, body: Complete, responses: { 200: WorkOrder }, errors: [409, 422] }, async (c) => {
  const id = workOrders.id(c);
  const body = await jsonBody(c, Complete);
  const [row] = await sql`select app.work_order_complete(${c.var.caller.organizationId}, ${id}, ${body.cost_usd},
    ${body.notes ?? null}) as j`;
  return c.json(row.j);
}));

serve(app);
