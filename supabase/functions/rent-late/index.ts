// POST /rent-late (scheduled every minute; scheduler secret): marks rent late (app.mark_late_payments) once its due
// date plus the organization's grace period has passed, which emits rent.late (once per charge).
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { requireScheduler } from "../_shared/webhooks/scheduled.ts";
import { documented } from "../_shared/openapi.ts";
import { RentLateRun } from "../_shared/records.ts";

const app = createApp("rent-late");

app.post("/", requireScheduler(), documented({ responses: { 200: RentLateRun } }, async (c) => {
  const [row] = await sql<{ marked: number }[]>`select app.mark_late_payments() as marked`;
  return c.json({ marked: row.marked });
}));

serve(app);
