// /api/units: the rentable units of a property.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { page, pageParams } from "../_shared/pagination.ts";
import { found, idOf, jsonRows, nonEmpty, usd } from "../_shared/fields.ts";

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

app.get("/", requireKey("read:units"), async (c) => {
  const q = queryParams(c, z.strictObject({ ...pageParams, property_id: idOf("prop").optional() }));
  const rows = await sql<{ j: { id: string } }[]>`
    select app.unit_json(u) as j from app.units u
    where u.organization_id = ${c.var.caller.organizationId}
      and (${q.property_id ?? null}::text is null or u.property_id = ${q.property_id ?? null})
      and (${q.cursor ?? null}::text is null or u.id < ${q.cursor ?? null})
    order by u.id desc limit ${q.limit + 1}`;
  return c.json(page(c, jsonRows(rows), q.limit));
});

app.get("/:id", requireKey("read:units"), async (c) => {
  const [row] = await sql`select app.unit_json(u) as j from app.units u
    where u.id = ${c.req.param("id")} and u.organization_id = ${c.var.caller.organizationId}`;
  return c.json(found(row?.j, "Unit"));
});

app.post("/", requireKey("write:units"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.unit_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:units"), async (c) => {
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.unit_update(${c.var.caller.organizationId}, ${c.req.param("id")}, ${sql.json(body)}) as j`;
  return c.json(row.j);
});

app.delete("/:id", requireKey("write:units"), async (c) => {
  const [row] = await sql`select app.unit_delete(${c.var.caller.organizationId}, ${c.req.param("id")}) as j`;
  return c.json(row.j);
});

serve(app);
