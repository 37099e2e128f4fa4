// Settings → Developer: create (the key is shown once), list, get and revoke API keys, and read a key's usage.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { pathId } from "../_shared/ids.ts";
import { listPage, readOne, when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";

const app = createApp("api-keys");

app.get("/scopes", requireKey("admin:api_keys"), async (c) => {
  const rows = await sql`select name, description from app.scopes order by name`;
  return c.json({ data: rows });
});

app.get("/", requireKey("admin:api_keys"), async (c) => {
  const q = queryParams(c, z.strictObject({ ...pageParams("key"), status: z.enum(["active", "revoked", "expired"]).optional() }));
  return c.json(await listPage(c, "api_api_keys", q, [when(q.status, (status) => sql`j->>'status' = ${status}`)]));
});

app.post("/", requireKey("admin:api_keys"), async (c) => {
  const body = await jsonBody(c, z.strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.string()).min(1).max(64),
    expires_at: z.iso.datetime({ offset: true }).optional(),
    rate_per_minute: z.number().int().min(1).max(100000).optional(),
    rate_per_hour: z.number().int().min(1).max(1000000).optional(),
  }));
  const [row] = await sql`select app.api_key_issue(${c.var.caller.keyId}, ${body.name}, ${body.scopes},
    ${body.expires_at ?? null}, ${body.rate_per_minute ?? null}, ${body.rate_per_hour ?? null}, ${c.var.caller.memberId}) as key`;
  return c.json(row.key, 201);
});

app.get("/:id", requireKey("admin:api_keys"), async (c) => {
  return c.json(await readOne(c, "api_api_keys", pathId(c, "key", "API key"), "API key"));
});

// Requests in the key's current rate-limit windows and what remains (the limiter's own counters).
app.get("/:id/usage", requireKey("admin:api_keys"), async (c) => {
  const [row] = await sql`select app.api_key_usage(${c.var.caller.organizationId}, ${pathId(c, "key", "API key")}) as usage`;
  return c.json(row.usage);
});

app.post("/:id/revoke", requireKey("admin:api_keys"), async (c) => {
  const [row] = await sql`select app.api_key_revoke(${c.var.caller.organizationId}, ${pathId(c, "key", "API key")}) as key`;
  return c.json(row.key);
});

serve(app);
