// GET /api/ar-aging: delinquent rent by age, exactly the public reference's shape. Scope
// read:payments: the report is rent charges and receipts, nothing else.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { notFound } from "../_shared/errors.ts";
import { createApp, queryParams, serve } from "../_shared/http.ts";
import { idOf, isoDate } from "../_shared/fields.ts";

const app = createApp("ar-aging");

const Query = z.strictObject({ as_of: isoDate.optional(), property_id: idOf("prop").optional() });

app.get("/", requireKey("read:payments"), async (c) => {
  const q = queryParams(c, Query);
  // As text: the report goes out as Postgres built it, without a parse and re-serialization here.
  const [row] = await sql<{ j: string | null }[]>`
    select app.ar_aging(${c.var.caller.organizationId}, ${q.as_of ?? null}::date, ${q.property_id ?? null})::text as j`;
  if (row.j === null) throw notFound("Property");
  return c.body(row.j, 200, { "content-type": "application/json" });
});

serve(app);
