// /api/inspections: unit inspections, scheduled and then completed with findings or cancelled.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, optionalJsonBody, queryParams, serve } from "../_shared/http.ts";
import { isoDate, ref } from "../_shared/fields.ts";
import { pathId } from "../_shared/ids.ts";
import { eq, listPage, readOne } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";

const app = createApp("inspections");

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

app.get("/", requireKey("read:inspections"), async (c) => {
  const q = queryParams(c, Filters);
  return c.json(await listPage(c, "api_inspections", q, [
    eq("unit_id", q.unit_id), eq("property_id", q.property_id), eq("status", q.status),
  ], [["Unit", q.unit_id], ["Property", q.property_id]]));
});

app.get("/:id", requireKey("read:inspections"), async (c) => {
  return c.json(await readOne(c, "api_inspections", pathId(c, "insp", "Inspection"), "Inspection"));
});

app.post("/", requireKey("write:inspections"), async (c) => {
  const body = await jsonBody(c, Schedule);
  const [row] = await sql`select app.inspection_schedule(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.post("/:id/complete", requireKey("write:inspections"), async (c) => {
  const id = pathId(c, "insp", "Inspection");
  const body = await jsonBody(c, Complete);
  // every finding has the same three keys, note null when none was given
  const findings = body.findings.map((f) => ({ area: f.area, condition: f.condition, note: f.note ?? null }));
  const [row] = await sql`select app.inspection_finish(${c.var.caller.organizationId}, ${id}, 'completed',
    ${sql.json(findings)}, ${body.summary ?? null}) as j`;
  return c.json(row.j);
});

app.post("/:id/cancel", requireKey("write:inspections"), async (c) => {
  const id = pathId(c, "insp", "Inspection");
  const body = await optionalJsonBody(c, Cancel);
  const [row] = await sql`select app.inspection_finish(${c.var.caller.organizationId}, ${id}, 'cancelled', null,
    ${body.reason ?? null}) as j`;
  return c.json(row.j);
});

serve(app);
