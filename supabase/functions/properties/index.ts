// /api/properties: the buildings of a portfolio.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { pathId } from "../_shared/ids.ts";
import { listPage, readOne } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { found, nonEmpty } from "../_shared/fields.ts";

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
  const q = queryParams(c, z.strictObject(pageParams("prop")));
  return c.json(await listPage(c, "api_properties", q));
});

app.get("/:id", requireKey("read:properties"), async (c) => {
  return c.json(await readOne(c, "api_properties", pathId(c, "prop", "Property"), "Property"));
});

app.post("/", requireKey("write:properties"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.property_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:properties"), async (c) => {
  const id = pathId(c, "prop", "Property");
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.property_update(${c.var.caller.organizationId}, ${id}, ${sql.json(body)}) as j`;
  return c.json(found(row.j, "Property"));
});

app.delete("/:id", requireKey("write:properties"), async (c) => {
  const [row] = await sql`select app.property_delete(${c.var.caller.organizationId}, ${pathId(c, "prop", "Property")}) as j`;
  return c.json(row.j);
});

serve(app);
