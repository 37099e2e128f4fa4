// GET /api/ar-aging: delinquent rent by age, exactly the public reference's shape. Scope
// read:payments: the report is rent charges and receipts, nothing else.
import { requireKey } from "../_shared/auth.ts";
import { batched } from "../_shared/batch.ts";
import { BATCHES_IN_FLIGHT, sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { notFound } from "../_shared/errors.ts";
import { createApp, queryParams, serve } from "../_shared/http.ts";
import { idOf, isoDate } from "../_shared/fields.ts";

const app = createApp("ar-aging");

const Query = z.strictObject({ as_of: isoDate.optional(), property_id: idOf("prop").optional() });

interface Report {
  organizationId: string;
  asOf: string | null;
  propertyId: string | null;
}

// Identical reports asked for meanwhile are computed once. As text: the report goes out as
// Postgres built it, without a parse and re-serialization here.
const report = batched(async (reports: Report[]) => {
  // '' for an unknown property: a NULL inside an array comes back from postgres.js as "NULL"
  const [row] = await sql<{ j: string[] }[]>`
    select array_agg(coalesce(app.ar_aging(r.org, r.as_of, r.property_id)::text, '') order by r.n) as j
    from unnest(${reports.map((r) => r.organizationId)}::text[], ${reports.map((r) => r.asOf)}::date[],
                ${reports.map((r) => r.propertyId)}::text[]) with ordinality r(org, as_of, property_id, n)`;
  return row.j;
}, { concurrency: BATCHES_IN_FLIGHT, key: (r) => `${r.organizationId} ${r.asOf} ${r.propertyId}` });

app.get("/", requireKey("read:payments"), async (c) => {
  const q = queryParams(c, Query);
  const body = await report({ organizationId: c.var.caller.organizationId, asOf: q.as_of ?? null, propertyId: q.property_id ?? null });
  if (body === "") throw notFound("Property");
  return c.body(body, 200, { "content-type": "application/json" });
});

serve(app);
