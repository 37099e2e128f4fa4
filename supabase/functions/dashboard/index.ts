// GET /api/dashboard: the organization's headline numbers.
import { requireKey } from "../_shared/auth.ts";
import { batched } from "../_shared/batch.ts";
import { BATCHES_IN_FLIGHT, sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";

const app = createApp("dashboard");

// Requests for one organization that wait together share one computation (as JSON text, sent as built).
const dashboard = batched(async (orgs: string[]) => {
  const [row] = await sql<{ j: string[] }[]>`
    select array_agg(app.dashboard(o.id)::text order by o.n) as j from unnest(${orgs}::text[]) with ordinality o(id, n)`;
  return row.j;
}, { concurrency: BATCHES_IN_FLIGHT, key: (org) => org });

app.get("/", requireKey("read:dashboard"), async (c) => {
  return c.body(await dashboard(c.var.caller.organizationId), 200, { "content-type": "application/json" });
});

serve(app);
