// /api/properties: the buildings of a portfolio.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { page, pageParams } from "../_shared/pagination.ts";
import { found, jsonRows, nonEmpty } from "../_shared/fields.ts";

const app = createApp("properties");

const fields = {
  name: z.string().trim().min(1).max(200),
  address_line1: z.string().max(200).nullable().optional(),
  address_line2: z.string().max(200).nullable().optional(),
  city: z.string().max(100).nullable().optional(),
  state: z.string().max(50).nullable().optional(),
  postal_code: z.string().max(20).nullable().optional(),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });

app.get("/", requireKey("read:properties"), async (c) => {
  const q = queryParams(c, z.strictObject({ ...pageParams }));
  const rows = await sql<{ j: { id: string } }[]>`
    select app.property_json(p) as j from app.properties p
    where p.organization_id = ${c.var.caller.organizationId}
      and (${q.cursor ?? null}::text is null or p.id < ${q.cursor ?? null})
    order by p.id desc limit ${q.limit + 1}`;
  return c.json(page(c, jsonRows(rows), q.limit));
});

app.get("/:id", requireKey("read:properties"), async (c) => {
  const [row] = await sql`select app.property_json(p) as j from app.properties p
    where p.id = ${c.req.param("id")} and p.organization_id = ${c.var.caller.organizationId}`;
  return c.json(found(row?.j, "Property"));
});

app.post("/", requireKey("write:properties"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.property_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:properties"), async (c) => {
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.property_update(${c.var.caller.organizationId}, ${c.req.param("id")}, ${sql.json(body)}) as j`;
  return c.json(found(row.j, "Property"));
});

app.delete("/:id", requireKey("write:properties"), async (c) => {
  const [row] = await sql`select app.property_delete(${c.var.caller.organizationId}, ${c.req.param("id")}) as j`;
  return c.json(row.j);
});

serve(app);
