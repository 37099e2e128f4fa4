// GET /health: the stack is up and its database answers.
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { documented } from "../_shared/openapi.ts";
import { Health } from "../_shared/records.ts";

const app = createApp("health");

app.get("/", documented({ auth: "none", responses: { 200: Health } }, async (c) => {
  const [row] = await sql`select now() as time`;
  return c.json({ status: "ok", database: "ok", time: row.time });
}));

serve(app);
