// Settings → Developer: create (the key is shown once), list, get and revoke API keys, and read a key's usage.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { ApiKey, ApiKeyIssued, ApiKeyUsage, Scopes } from "../_shared/records.ts";

const app = createApp("api-keys");
const keys = resource({ what: "API key", prefix: "key", view: "api_api_keys", record: ApiKey });
const Issue = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string()).min(1).max(64),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  rate_per_minute: z.number().int().min(1).max(100000).optional(),
  rate_per_hour: z.number().int().min(1).max(1000000).optional(),
});
const Filters = z.strictObject({ ...pageParams("key"), status: z.enum(["active", "revoked", "expired"]).optional() });

app.get("/scopes", requireKey("admin:api_keys"), documented({ responses: { 200: Scopes } }, async (c) => {
  const rows = await sql`select name, description from app.scopes order by name`;
  return c.json({ data: rows });
}));

app.get("/", requireKey("admin:api_keys"), keys.list(Filters, (q) => ({
  where: [when(q.status, (status) => sql`j->>'status' = ${status}`)],
})));

app.post("/", requireKey("admin:api_keys"), documented({ body: Issue, responses: { 201: ApiKeyIssued }, errors: [409] }, async (c) => {
  const body = await jsonBody(c, Issue);
  const [row] = await sql`select app.api_key_issue(${c.var.caller.keyId}, ${body.name}, ${body.scopes},
    ${body.expires_at ?? null}, ${body.rate_per_minute ?? null}, ${body.rate_per_hour ?? null}, ${c.var.caller.memberId}) as key`;
  return c.json(row.key, 201);
}));

app.get("/:id", requireKey("admin:api_keys"), keys.read());

// Requests in the key's current rate-limit windows and what remains (the limiter's own counters).
app.get("/:id/usage", requireKey("admin:api_keys"), documented({ params: keys.params, responses: { 200: ApiKeyUsage } }, async (c) => {
  const [row] = await sql`select app.api_key_usage(${c.var.caller.organizationId}, ${keys.id(c)}) as usage`;
  return c.json(row.usage);
}));

// A key revokes only keys no stronger than itself (app.api_key_revoke), so it names itself.
app.post("/:id/revoke", requireKey("admin:api_keys"), documented({ params: keys.params, responses: { 200: ApiKey }, errors: [409] }, async (c) => {
  const [row] = await sql`select app.api_key_revoke(${c.var.caller.organizationId}, ${keys.id(c)}, ${c.var.caller.keyId}) as key`;
  return c.json(row.key);
}));

serve(app);
