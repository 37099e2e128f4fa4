// GET /api/dashboard: the organization's headline numbers.
import { keyedRead } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { documented } from "../_shared/openapi.ts";
import { Dashboard } from "../_shared/records.ts";

const app = createApp("dashboard");

// One statement per batch authenticates and answers; an organization asked for more than once
// is read once, from the cache while nothing it shows has changed (app.dashboard_cached).
const dashboard = keyedRead(["read:dashboard"], () => null, () => sql`
  with dashboards as materialized (
    select o.id, app.dashboard_cached(o.id) as body from (select distinct organization_id as id from admitted) o
  )
  select a.n, d.id as answer, d.body from admitted a join dashboards d on d.id = a.organization_id`);

app.get("/", dashboard, documented({ responses: { 200: Dashboard } }, (c) => c.body(c.var.answer!, 200, { "content-type": "application/json" })));

serve(app);
