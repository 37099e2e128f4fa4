// GET /api/dashboard: the organization's headline numbers.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";

const app = createApp("dashboard");

app.get("/", requireKey("read:dashboard"), async (c) => {
  const [row] = await sql`select app.dashboard(${c.var.caller.organizationId}) as dashboard`;
  return c.json(row.dashboard);
});

serve(app);
