// GET /api/ar-aging: delinquent rent by age, exactly the public reference's shape. Scope
// read:payments: the report is rent charges and receipts, nothing else.
import { keyedRead } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { notFound } from "../_shared/errors.ts";
import { createApp, queryParams, serve } from "../_shared/http.ts";
import { isoDate } from "../_shared/fields.ts";
import { idOf } from "../_shared/ids.ts";
import { documented } from "../_shared/openapi.ts";
import { ArAging } from "../_shared/records.ts";

const app = createApp("ar-aging");

const Query = z.strictObject({ as_of: isoDate.optional(), property_id: idOf("prop").optional() });

// One statement per batch authenticates and reports; identical reports in a batch are read
// once, from the cache while nothing they show has changed (app.ar_aging_cached). The report
// is null for an unknown property.
const report = keyedRead(["read:payments"], (c) => queryParams(c, Query), (params) => sql`
  with asked as (
    select a.n, a.organization_id, p.as_of, p.property_id
    from admitted a
    join unnest(${params.map((p) => p.as_of ?? null)}::date[], ${params.map((p) => p.property_id ?? null)}::text[])
      with ordinality p(as_of, property_id, n) on p.n = a.n
  ),
  reports as materialized (
    select u.*, row_number() over () as answer, app.ar_aging_cached(u.organization_id, u.as_of, u.property_id) as body
    -- in a fixed order: cache rows are locked as they are refreshed
    from (select distinct organization_id, as_of, property_id from asked order by 1, 2, 3) u
  )
  select k.n, r.answer, r.body from asked k join reports r
    on r.organization_id = k.organization_id and r.as_of is not distinct from k.as_of
   and r.property_id is not distinct from k.property_id`);

app.get("/", report, documented({ query: Query, responses: { 200: ArAging }, errors: [404] }, (c) => {
  if (c.var.answer === null) throw notFound("Property");
  // As text: the report goes out as Postgres built it, without a parse and re-serialization here.
  return c.body(c.var.answer!, 200, { "content-type": "application/json" });
}));

serve(app);
