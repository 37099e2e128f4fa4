// /api/leases: drafts, signing, termination, and the monthly rent charges of signed leases.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { isoDate, period, usd } from "../_shared/fields.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { idOf } from "../_shared/ids.ts";
import { eq, when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { Lease, RentChargesGenerated } from "../_shared/records.ts";

const app = createApp("leases");
const leases = resource({ what: "Lease", prefix: "l", view: "api_leases", record: Lease });

const fields = {
  unit_id: idOf("unit"),
  tenant_ids: z.array(idOf("ten")).min(1).max(20),
  rent: usd,
  deposit: usd.optional(),
  due_day: z.number().int().min(1).max(28).optional(),
  start_date: isoDate,
  end_date: isoDate.nullable().optional(),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({
  ...fields,
  unit_id: fields.unit_id.optional(),
  tenant_ids: fields.tenant_ids.optional(),
  rent: fields.rent.optional(),
  start_date: fields.start_date.optional(),
});
const Terminate = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
  effective_date: isoDate.optional(),
});
const Charges = z.strictObject({ from: period, to: period, lease_id: idOf("l").optional() });
const Filters = z.strictObject({
  ...pageParams("l"),
  unit_id: idOf("unit").optional(),
  property_id: idOf("prop").optional(),
  tenant_id: idOf("ten").optional(),
  status: z.enum(["draft", "signed", "terminated"]).optional(),
});

app.get("/", requireKey("read:leases"), leases.list(Filters, (q) => ({
  where: [
    eq("unit_id", q.unit_id), eq("status", q.status),
    // the keys spelled out: an index scan of just these, not a scan of every lease (docs/conventions.md, SQL)
    when(q.property_id, (p) => sql`unit_id = any (array(select u.id from app.units u where u.property_id = ${p}))`),
    when(q.tenant_id, (t) => sql`id = any (array(select lt.lease_id from app.lease_tenants lt where lt.tenant_id = ${t}))`),
  ],
  require: [["Unit", q.unit_id], ["Property", q.property_id], ["Tenant", q.tenant_id]],
})));
app.get("/:id", requireKey("read:leases"), leases.read());
app.post("/", requireKey("write:leases"), leases.create(Create, "app.lease_create"));
app.patch("/:id", requireKey("write:leases"), leases.update(Update, "app.lease_update"));

app.post("/:id/sign", requireKey("write:leases"), leases.act("app.lease_sign"));

app.post("/:id/terminate", requireKey("write:leases"), documented({ params: leases.params, body: Terminate, responses: { 200: Lease }, errors: [409, 422] }, async (c) => {
  const id = leases.id(c);
  const body = await jsonBody(c, Terminate);
  const [row] = await sql`select app.lease_terminate(${c.var.caller.organizationId}, ${id}, ${sql.json(body)}) as j`;
  return c.json(row.j);
}));

app.post("/generate-charges", requireKey("write:leases"), documented({ body: Charges, responses: { 200: RentChargesGenerated }, errors: [404, 409, 422] }, async (c) => {
  const body = await jsonBody(c, Charges);
  const [row] = await sql`select app.generate_rent_charges(${c.var.caller.organizationId}, ${body.from}, ${body.to}, ${body.lease_id ?? null}) as j`;
  return c.json(row.j);
}));

serve(app);
