// /api/tenants: the people who rent. Removing a tenant keeps the record for history.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { pathId } from "../_shared/ids.ts";
import { listPage, readOne } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { boolParam, email, found, nonEmpty } from "../_shared/fields.ts";

const app = createApp("tenants");

const fields = {
  name: z.string().trim().min(1).max(200),
  email: email.nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });
const Filters = z.strictObject({ ...pageParams("ten"), include_removed: boolParam.default(false) });

app.get("/", requireKey("read:tenants"), async (c) => {
  const q = queryParams(c, Filters);
  return c.json(await listPage(c, "api_tenants", q, [q.include_removed ? sql`` : sql`and removed_at is null`]));
});

app.get("/:id", requireKey("read:tenants"), async (c) => {
  return c.json(await readOne(c, "api_tenants", pathId(c, "ten", "Tenant"), "Tenant"));
});

app.post("/", requireKey("write:tenants"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.tenant_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:tenants"), async (c) => {
  const id = pathId(c, "ten", "Tenant");
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.tenant_update(${c.var.caller.organizationId}, ${id}, ${sql.json(body)}) as j`;
  return c.json(found(row.j, "Tenant"));
});

app.post("/:id/remove", requireKey("write:tenants"), async (c) => {
  const [row] = await sql`select app.tenant_remove(${c.var.caller.organizationId}, ${pathId(c, "ten", "Tenant")}) as j`;
  return c.json(row.j);
});

serve(app);
