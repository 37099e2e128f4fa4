// /api/inspections: unit inspections, scheduled and then completed with findings or cancelled.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { isoDate, ref } from "../_shared/fields.ts";
import { createApp, jsonBody, optionalJsonBody, serve } from "../_shared/http.ts";
import { eq } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { Inspection } from "../_shared/records.ts";

const app = createApp("inspections");
const inspections = resource({ what: "Inspection", prefix: "insp", view: "api_inspections", record: Inspection });

const Schedule = z.strictObject({
  unit_id: ref,
  scheduled_for: isoDate,
  kind: z.enum(["move_in", "move_out", "routine"]).optional(),
  inspector: z.string().max(200).optional(),
});
const Finding = z.strictObject({
  area: z.string().trim().min(1).max(100),
  condition: z.enum(["good", "fair", "poor"]),
  note: z.string().max(2000).optional(),
});
const Complete = z.strictObject({
  findings: z.array(Finding).max(500),
  summary: z.string().max(5000).optional(),
});
const Cancel = z.strictObject({ reason: z.string().max(5000).optional() });
const Filters = z.strictObject({
  ...pageParams("insp"),
  unit_id: ref.optional(),
  property_id: ref.optional(),
  status: z.enum(["scheduled", "completed", "cancelled"]).optional(),
});

app.get("/", requireKey("read:inspections"), inspections.list(Filters, (q) => ({
  where: [eq("unit_id", q.unit_id), eq("property_id", q.property_id), eq("status", q.status)],
  require: [["Unit", q.unit_id], ["Property", q.property_id]],
})));
app.get("/:id", requireKey("read:inspections"), inspections.read());
app.post("/", requireKey("write:inspections"), inspections.create(Schedule, "app.inspection_schedule"));

app.post("/:id/complete", requireKey("write:inspections"), documented({ params: inspections.params, body: Complete, responses: { 200: Inspection }, errors: [409, 422] }, async (c) => {
  const id = inspections.id(c);
  const body = await jsonBody(c, Complete);
  // every finding has the same three keys, note null when none was given
  const findings = body.findings.map((f) => ({ area: f.area, condition: f.condition, note: f.note ?? null }));
  const [row] = await sql`select app.inspection_finish(${c.var.caller.organizationId}, ${id}, 'completed',
    ${sql.json(findings)}, ${body.summary ?? null}) as j`;
  return c.json(row.j);
}));

app.post("/:id/cancel", requireKey("write:inspections"), documented({ params: inspections.params, body: Cancel, optionalBody: true, responses: { 200: Inspection }, errors: [409, 422] }, async (c) => {
  const id = inspections.id(c);
  const body = await optionalJsonBody(c, Cancel);
  const [row] = await sql`select app.inspection_finish(${c.var.caller.organizationId}, ${id}, 'cancelled', null,
    ${body.reason ?? null}) as j`;
  return c.json(row.j);
}));

serve(app);
