// /api/webhook-endpoints: "Settings → Developer" for webhooks (scope admin:webhooks).
//   POST   /                         register {url, events?, description?}; the secret is shown once
//   GET    /                         list;  GET /:id  one endpoint
//   PATCH  /:id                      change url, events, description
//   POST   /:id/disable | /:id/enable   (enabling sends the deliveries kept while disabled)
//   DELETE /:id
//   POST   /:id/rotate-secret        new secret; the old one keeps signing for 24 hours
//   POST   /:id/test                 queue a webhook.test event to this endpoint
//   GET    /:id/deliveries           recent deliveries with their attempts (?status=)
//   GET    /:id/deliveries/:delivery_id
//   POST   /:id/deliveries/:delivery_id/redeliver
//   POST   /:id/replay {since}       send again every delivery since `since` that did not succeed
import { requireKey } from "../_shared/auth.ts";
import { type Context, z } from "../_shared/deps.ts";
import { sql } from "../_shared/db.ts";
import { ApiError, badRequest, notFound } from "../_shared/errors.ts";
import { createApp, type Env, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { pathId } from "../_shared/ids.ts";
import { eq, listPage } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { configuredKeys, newSigningSecret, sealSecret, SecretKeysUnavailable } from "../_shared/webhooks/secrets.ts";
import { checkDestination, checkUrl, ForbiddenDestination } from "../_shared/webhooks/ssrf.ts";
import { documented } from "../_shared/openapi.ts";
import { Deleted, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret, WebhookReplay, pageOf } from "../_shared/records.ts";

const app = createApp("webhook-endpoints");
const endpoints = resource({ what: "Webhook endpoint", prefix: "whe", view: "api_webhook_endpoints", record: WebhookEndpoint });

const url = z.string().max(2048);
const events = z.array(z.string().max(100)).min(1).max(20);
const description = z.string().max(500);

/** The URL, normalized, once it passes the SSRF checks (form, then every address it resolves to). */
async function destination(raw: string): Promise<string> {
  try {
    const parsed = checkUrl(raw);
    await checkDestination(parsed);
    return parsed.href;
  } catch (e) {
    if (e instanceof ForbiddenDestination) throw badRequest(e.message.startsWith("url:") ? e.message : `url: ${e.message}`);
    throw e;
  }
}

/**
 * A new signing secret, and its sealed form for the database. Without a usable
 * WEBHOOK_SECRET_KEYS nothing is stored: 503, said plainly, and the reason logged.
 */
function newSecret(organizationId: string) {
  try {
    const secret = newSigningSecret();
    return { secret, ...sealSecret(configuredKeys(), secret, organizationId) };
  } catch (e) {
    if (!(e instanceof SecretKeysUnavailable)) throw e;
    console.error(JSON.stringify({ fn: "webhook-endpoints", error: e.message }));
    throw new ApiError(503, "Webhook signing secrets cannot be stored right now: the server's encryption key is not configured. Try again later.");
  }
}

const deliveryId = (c: Context<Env>) => pathId(c, "dlv", "Delivery", "delivery_id");
const deliveryParams = { ...endpoints.params, delivery_id: z.string().regex(/^dlv_[0-9A-HJKMNP-TV-Z]{26}$/).describe("the delivery's id") };

const Create = z.strictObject({ url, events: events.default(["*"]), description: description.default("") });
const Update = z.strictObject({ url: url.optional(), events: events.optional(), description: description.optional() });
const DeliveryFilters = z.strictObject({ ...pageParams("dlv"), status: z.enum(["pending", "succeeded", "failed", "held"]).optional() });
const Replay = z.strictObject({ since: z.iso.datetime({ offset: true }) });

app.post("/", requireKey("admin:webhooks"), documented({ body: Create, responses: { 201: WebhookEndpointWithSecret }, errors: [409] }, async (c) => {
  const body = await jsonBody(c, Create);
  const target = await destination(body.url);
  const org = c.var.caller.organizationId;
  const s = newSecret(org);
  const [row] = await sql`select app.webhook_endpoint_create(${org}, ${target}, ${body.events}, ${body.description},
    ${s.sealed}, ${s.keyId}) as endpoint`;
  return c.json({ ...row.endpoint, secret: s.secret }, 201);
}));

app.get("/", requireKey("admin:webhooks"), endpoints.list(z.strictObject(pageParams("whe"))));
app.get("/:id", requireKey("admin:webhooks"), endpoints.read());

app.patch("/:id", requireKey("admin:webhooks"), documented({ params: endpoints.params, body: Update, responses: { 200: WebhookEndpoint }, errors: [409] }, async (c) => {
  const id = endpoints.id(c);
  const body = await jsonBody(c, Update);
  const target = body.url === undefined ? null : await destination(body.url);
  const [row] = await sql`select app.webhook_endpoint_update(${c.var.caller.organizationId}, ${id}, ${target},
    ${body.events ?? null}, ${body.description ?? null}) as endpoint`;
  return c.json(row.endpoint);
}));

for (const [action, enabled] of [["enable", true], ["disable", false]] as const) {
  app.post(`/:id/${action}`, requireKey("admin:webhooks"), documented({ params: endpoints.params, responses: { 200: WebhookEndpoint }, errors: [409] }, async (c) => {
    const [row] = await sql`select app.webhook_endpoint_set_enabled(${c.var.caller.organizationId}, ${endpoints.id(c)}, ${enabled}) as endpoint`;
    return c.json(row.endpoint);
  }));
}

app.delete("/:id", requireKey("admin:webhooks"), endpoints.act("app.webhook_endpoint_delete", Deleted));

app.post("/:id/rotate-secret", requireKey("admin:webhooks"), documented({ params: endpoints.params, responses: { 200: WebhookEndpointWithSecret }, errors: [409] }, async (c) => {
  const id = endpoints.id(c);
  const org = c.var.caller.organizationId;
  const s = newSecret(org);
  const [row] = await sql`select app.webhook_endpoint_rotate(${org}, ${id}, ${s.sealed}, ${s.keyId}) as endpoint`;
  return c.json({ ...row.endpoint, secret: s.secret });
}));

app.post("/:id/test", requireKey("admin:webhooks"), documented({ params: endpoints.params, responses: { 202: WebhookDelivery }, errors: [409] }, async (c) => {
  const [row] = await sql`select app.webhook_send_test(${c.var.caller.organizationId}, ${endpoints.id(c)}) as delivery`;
  return c.json(row.delivery, 202);
}));

app.get("/:id/deliveries", requireKey("admin:webhooks"), documented({ params: endpoints.params, query: DeliveryFilters, responses: { 200: pageOf(WebhookDelivery) } }, async (c) => {
  const id = endpoints.id(c);
  const q = queryParams(c, DeliveryFilters);
  return c.json(await listPage(c, "api_webhook_deliveries", q, [eq("endpoint_id", id), eq("status", q.status)], [["Webhook endpoint", id]]));
}));

app.get("/:id/deliveries/:delivery_id", requireKey("admin:webhooks"), documented({ params: deliveryParams, responses: { 200: WebhookDelivery } }, async (c) => {
  const [row] = await sql`select app.webhook_delivery_json(d, 100) as delivery from app.webhook_deliveries d
    where d.organization_id = ${c.var.caller.organizationId} and d.endpoint_id = ${endpoints.id(c)} and d.id = ${deliveryId(c)}`;
  if (!row) throw notFound("Delivery");
  return c.json(row.delivery);
}));

app.post("/:id/deliveries/:delivery_id/redeliver", requireKey("admin:webhooks"), documented({ params: deliveryParams, responses: { 202: WebhookDelivery }, errors: [409] }, async (c) => {
  const [row] = await sql`select app.webhook_redeliver(${c.var.caller.organizationId}, ${endpoints.id(c)}, ${deliveryId(c)}) as delivery`;
  return c.json(row.delivery, 202);
}));

app.post("/:id/replay", requireKey("admin:webhooks"), documented({ params: endpoints.params, body: Replay, responses: { 202: WebhookReplay }, errors: [409] }, async (c) => {
  const id = endpoints.id(c);
  const body = await jsonBody(c, Replay);
  const since = new Date(body.since);
  if (Number.isNaN(since.getTime())) throw new ApiError(400, "since: not a valid date-time.");
  const [row] = await sql`select app.webhook_replay(${c.var.caller.organizationId}, ${id}, ${since}) as result`;
  return c.json(row.result, 202);
}));

serve(app);
