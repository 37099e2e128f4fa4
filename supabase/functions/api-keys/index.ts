// Settings → Developer: create (the key is shown once), list, get and revoke API keys, and read a key's usage.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { notFound } from "../_shared/errors.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { page, pageParams } from "../_shared/pagination.ts";

const app = createApp("api-keys");
const keyId = z.string().regex(/^key_[0-9A-HJKMNP-TV-Z]{26}$/);

app.get("/scopes", requireKey("admin:api_keys"), async (c) => {
  const rows = await sql`select name, description from app.scopes order by name`;
  return c.json({ data: rows });
});

app.get("/", requireKey("admin:api_keys"), async (c) => {
  const q = queryParams(c, z.strictObject({ ...pageParams, status: z.enum(["active", "revoked", "expired"]).optional() }));
  const rows = await sql<{ key: { id: string } }[]>`
    select j as key from app.api_keys k cross join lateral app.api_key_json(k) j
    where k.organization_id = ${c.var.caller.organizationId}
      and (${q.cursor ?? null}::text is null or k.id < ${q.cursor ?? null})
      and (${q.status ?? null}::text is null or j->>'status' = ${q.status ?? null})
    order by k.id desc limit ${q.limit + 1}`;
  return c.json(page(c, rows.map((r) => r.key), q.limit));
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
  const id = keyId.safeParse(c.req.param("id"));
  if (!id.success) throw notFound("API key");
  const [row] = await sql`select app.api_key_json(k) as key from app.api_keys k
    where k.id = ${id.data} and k.organization_id = ${c.var.caller.organizationId}`;
  if (!row) throw notFound("API key");
  return c.json(row.key);
});

// Requests in the key's current rate-limit windows and what remains (the limiter's own counters).
app.get("/:id/usage", requireKey("admin:api_keys"), async (c) => {
  const id = keyId.safeParse(c.req.param("id"));
  if (!id.success) throw notFound("API key");
  const [row] = await sql`select app.api_key_usage(${c.var.caller.organizationId}, ${id.data}) as usage`;
  return c.json(row.usage);
});

app.post("/:id/revoke", requireKey("admin:api_keys"), async (c) => {
  const id = keyId.safeParse(c.req.param("id"));
  if (!id.success) throw notFound("API key");
  const [row] = await sql`select app.api_key_revoke(${c.var.caller.organizationId}, ${id.data}) as key`;
  return c.json(row.key);
});

serve(app);
