// /api/tenants: the people who rent. Removing a tenant keeps the record for history.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { page, pageParams } from "../_shared/pagination.ts";
import { boolParam, email, found, jsonRows, nonEmpty } from "../_shared/fields.ts";

const app = createApp("tenants");

const fields = {
  name: z.string().trim().min(1).max(200),
  email: email.nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });

app.get("/", requireKey("read:tenants"), async (c) => {
  const q = queryParams(c, z.strictObject({ ...pageParams, include_removed: boolParam.default(false) }));
  const rows = await sql<{ j: { id: string } }[]>`
    select app.tenant_json(t) as j from app.tenants t
    where t.organization_id = ${c.var.caller.organizationId}
      and (${q.include_removed} or t.removed_at is null)
      and (${q.cursor ?? null}::text is null or t.id < ${q.cursor ?? null})
    order by t.id desc limit ${q.limit + 1}`;
  return c.json(page(c, jsonRows(rows), q.limit));
});

app.get("/:id", requireKey("read:tenants"), async (c) => {
  const [row] = await sql`select app.tenant_json(t) as j from app.tenants t
    where t.id = ${c.req.param("id")} and t.organization_id = ${c.var.caller.organizationId}`;
  return c.json(found(row?.j, "Tenant"));
});

app.post("/", requireKey("write:tenants"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.tenant_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:tenants"), async (c) => {
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.tenant_update(${c.var.caller.organizationId}, ${c.req.param("id")}, ${sql.json(body)}) as j`;
  return c.json(found(row.j, "Tenant"));
});

app.post("/:id/remove", requireKey("write:tenants"), async (c) => {
  const [row] = await sql`select app.tenant_remove(${c.var.caller.organizationId}, ${c.req.param("id")}) as j`;
  return c.json(row.j);
});

serve(app);
