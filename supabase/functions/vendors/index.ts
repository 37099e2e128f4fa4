// /api/vendors: the contractors work orders are assigned to.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { email, nonEmpty, text } from "../_shared/fields.ts";
import { pathId } from "../_shared/ids.ts";
import { listPage, readOne, when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";

const app = createApp("vendors");

const fields = {
  name: z.string().trim().min(1).max(200),
  trade: text(100),
  email: email.nullable().optional(),
  phone: text(40),
  notes: text(5000),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });

app.get("/", requireKey("read:vendors"), async (c) => {
  const q = queryParams(c, z.strictObject({ ...pageParams("v"), trade: z.string().min(1).max(100).optional() }));
  return c.json(await listPage(c, "api_vendors", q, [when(q.trade, (t) => sql`lower(trade) = lower(${t})`)]));
});

app.get("/:id", requireKey("read:vendors"), async (c) => {
  return c.json(await readOne(c, "api_vendors", pathId(c, "v", "Vendor"), "Vendor"));
});

app.post("/", requireKey("write:vendors"), async (c) => {
  const body = await jsonBody(c, Create);
  const [row] = await sql`select app.vendor_create(${c.var.caller.organizationId}, ${sql.json(body)}) as j`;
  return c.json(row.j, 201);
});

app.patch("/:id", requireKey("write:vendors"), async (c) => {
  const id = pathId(c, "v", "Vendor");
  const body = nonEmpty(await jsonBody(c, Update));
  const [row] = await sql`select app.vendor_update(${c.var.caller.organizationId}, ${id}, ${sql.json(body)}) as j`;
  return c.json(row.j);
});

app.delete("/:id", requireKey("write:vendors"), async (c) => {
  const id = pathId(c, "v", "Vendor");
  const [row] = await sql`select app.vendor_delete(${c.var.caller.organizationId}, ${id}) as j`;
  return c.json(row.j);
});

serve(app);
