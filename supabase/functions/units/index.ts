// /api/units: the rentable units of a property.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { idOf, pathId } from "../_shared/ids.ts";
import { eq, listPage, readOne } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { nonEmpty, usd } from "../_shared/fields.ts";

const app = createApp("units");

const fields = {
  label: z.string().trim().min(1).max(50),
  bedrooms: z.number().int().min(0).max(50).nullable().optional(),
  bathrooms: z.number().min(0).max(50).multipleOf(0.5).nullable().optional(),
  square_feet: z.number().int().min(0).max(1_000_000).nullable().optional(),
  market_rent: usd.nullable().optional(),
};
const Create = z.strictObject({ property_id: idOf("prop"), ...fields });
const Update = z.strictObject({ ...fields, label: fields.label.optional() });
const Filters = z.strictObject({ ...pageParams("unit"), property_id: idOf("prop").optional() });

app.get("/", requireKey("read:units"), async (c) => {
  const q = queryParams(c, Filters);
  return c.json(await listPage(c, "api_units", q, [eq("property_id", q.property_id)]));
});

app.get("/:id", requireKey("read:units"), async (c) => {
  return c.json(await readOne(c, "api_units", pathId(c, "unit", "Unit"), "Unit"));
});

app.post("/", requireKey("write:units"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.unit_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:units"), async (c) => {
  const id = pathId(c, "unit", "Unit");
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.unit_update(${c.var.caller.organizationId}, ${id}, ${sql.json(body)}) as j`;
  return c.json(row.j);
});

app.delete("/:id", requireKey("write:units"), async (c) => {
  const [row] = await sql`select app.unit_delete(${c.var.caller.organizationId}, ${pathId(c, "unit", "Unit")}) as j`;
  return c.json(row.j);
});

serve(app);
