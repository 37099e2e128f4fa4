// /api/applications: rental applications, submitted and then approved or denied.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { badRequest } from "../_shared/errors.ts";
import { email, isoDate, ref, usd } from "../_shared/fields.ts";
import { createApp, jsonBody, optionalJsonBody, serve } from "../_shared/http.ts";
import { eq } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { Application } from "../_shared/records.ts";

const app = createApp("applications");
const applications = resource({ what: "Application", prefix: "appl", view: "api_applications", record: Application });

const Submit = z.strictObject({
  property_id: ref.optional(),
  unit_id: ref.optional(),
  applicant_name: z.string().trim().min(1).max(200),
  applicant_email: email.optional(),
  applicant_phone: z.string().max(40).optional(),
  desired_move_in: isoDate.optional(),
  monthly_income_usd: usd.optional(),
});
const Approve = z.strictObject({ reason: z.string().max(2000).optional() });
const Deny = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
const Filters = z.strictObject({
  ...pageParams("appl"),
  status: z.enum(["submitted", "approved", "denied"]).optional(),
  property_id: ref.optional(),
  unit_id: ref.optional(),
});

app.get("/", requireKey("read:applications"), applications.list(Filters, (q) => ({
  where: [eq("status", q.status), eq("property_id", q.property_id), eq("unit_id", q.unit_id)],
  require: [["Property", q.property_id], ["Unit", q.unit_id]],
})));
app.get("/:id", requireKey("read:applications"), applications.read());

app.post("/", requireKey("write:applications"), documented({ body: Submit, responses: { 201: Application }, errors: [404, 409, 422] }, async (c) => {
  const body = await jsonBody(c, Submit);
  // not a refine of Submit: zod would report it beside the other fields' errors, not after them
  if (!body.property_id && !body.unit_id) throw badRequest("body: property_id or unit_id is required.");
  const [row] = await sql`select app.application_submit(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
}));

app.post("/:id/approve", requireKey("write:applications"), documented({ params: applications.params, body: Approve, optionalBody: true, responses: { 200: Application }, errors: [409, 422] }, async (c) => {
  const id = applications.id(c);
  const body = await optionalJsonBody(c, Approve);
  const [row] = await sql`select app.application_decide(${c.var.caller.organizationId}, ${id}, 'approved',
    ${body.reason ?? null}) as j`;
  return c.json(row.j);
}));

app.post("/:id/deny", requireKey("write:applications"), documented({ params: applications.params, body: Deny, responses: { 200: Application }, errors: [409, 422] }, async (c) => {
  const id = applications.id(c);
  const body = await jsonBody(c, Deny);
  const [row] = await sql`select app.application_decide(${c.var.caller.organizationId}, ${id}, 'denied', ${body.reason}) as j`;
  return c.json(row.j);
}));

serve(app);
