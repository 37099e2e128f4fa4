// Builds the OpenAPI 3.1 document from the functions themselves: every function is loaded as the
// functions server loads it (Deno.serve caught, nothing listens), and each route of each served
// hono app is described from what its route line recorded (supabase/functions/_shared/openapi.ts):
// the scopes requireKey was given, the zod schemas the route validates its query and body with,
// and the schemas of its answers (_shared/records.ts). zod writes JSON Schema 2020-12 itself.
//
//   npm run openapi                       writes supabase/functions/openapi/openapi.json
//   deno run -A scripts/openapi.ts --stdout   prints it
//   deno run -A scripts/openapi.ts --routes   prints the apps' routes, one "METHOD /path" a line
import { z } from "../supabase/functions/_shared/deps.ts";
import type { Auth, RouteDoc } from "../supabase/functions/_shared/openapi.ts";

const functionsDir = new URL("../supabase/functions/", import.meta.url);
const OUTPUT = new URL("openapi/openapi.json", functionsDir);

// Loading a function needs a database URL (postgres.js connects only when asked to). The
// dispatcher's defaults come from WEBHOOK_* variables: the document shows the code's own.
if (!Deno.env.get("SUPABASE_DB_URL")) Deno.env.set("SUPABASE_DB_URL", "postgres://unused@127.0.0.1:1/unused");
for (const name of Object.keys(Deno.env.toObject())) if (name.startsWith("WEBHOOK_")) Deno.env.delete(name);

/** Every function's served app, by name, and the first comment line of its index.ts. */
async function loadFunctions() {
  const realServe = Deno.serve;
  // deno-lint-ignore no-explicit-any
  (Deno as any).serve = () => ({ finished: new Promise(() => {}), shutdown: async () => {}, ref() {}, unref() {} });
  const names: string[] = [];
  for await (const entry of Deno.readDir(functionsDir)) {
    if (entry.isDirectory && !entry.name.startsWith("_") && !entry.name.startsWith(".")) names.push(entry.name);
  }
  names.sort();
  const comments = new Map<string, string>();
  for (const name of names) {
    const url = new URL(`${name}/index.ts`, functionsDir);
    await import(url.href);
    const lines = (await Deno.readTextFile(url)).split("\n");
    const comment = lines.slice(0, lines.findIndex((l) => !l.startsWith("//"))).map((l) => l.replace(/^\/\/ ?/, "")).join(" ");
    comments.set(name, comment.replace(/^(GET|POST) \/(api\/)?[\w-]+( \{[^}]*\})?:? ?/, "").replace(/^\/(api\/)?[\w-]+: /, "").replace(/^\([^)]*\):? /, "").trim().replace(/^./, (first) => first.toUpperCase()));
  }
  Deno.serve = realServe;
  const { servedApps } = await import("../supabase/functions/_shared/http.ts");
  const { routeDoc } = await import("../supabase/functions/_shared/openapi.ts");
  return { names, comments, servedApps, routeDoc };
}

const { names, comments, servedApps, routeDoc } = await loadFunctions();
const records = await import("../supabase/functions/_shared/records.ts");

interface Route {
  fn: string;
  method: string;
  /** `/properties/{id}`: the path after `/api` (or `/functions/v1`) */
  path: string;
  doc: RouteDoc;
}

/** Every declared route of every app (not the middleware nor the 405 answers, which are `ALL`), with its handlers' notes merged. */
function routes(): Route[] {
  const found = new Map<string, Route>();
  for (const [base, app] of servedApps) {
    const fn = base.slice(1);
    for (const r of app.routes) {
      if (r.method === "ALL") continue;
      const path = (r.path.replace(/\/$/, "") || "/").replace(/:(\w+)/g, "{$1}");
      const key = `${r.method} ${path}`;
      const route = found.get(key) ?? { fn, method: r.method, path, doc: {} };
      route.doc = { ...route.doc, ...routeDoc(r.handler) };
      found.set(key, route);
    }
  }
  return [...found.values()];
}

if (Deno.args.includes("--routes")) {
  console.log(routes().map((r) => `${r.method} ${r.path}`).sort().join("\n"));
  Deno.exit(0);
}

// ---------------------------------------------------------------------------------------
// JSON Schema from zod

type Json = Record<string, unknown>;
/** z.int() says it is a safe integer with bounds of ±2^53-1: true of every JSON integer a client handles, and noise. */
const override = ({ jsonSchema }: { jsonSchema: Json }) => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
};
const options = { target: "draft-2020-12", unrepresentable: "any", override } as const;
const jsonSchema = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { ...options, io }) as Json;
  return rest;
};

// Answers are components, named: the records by their export name, a list by its record's name
// plus "List", anything else by its operation.
const components = z.registry<{ id: string }>();
const componentNames = new Set<string>();
function component(schema: z.ZodType, fallbackName: string): Json {
  if (!components.has(schema)) {
    let name = listNames.get(schema) ?? fallbackName;
    for (let n = 2; componentNames.has(name); n++) name = `${fallbackName}${n}`;
    componentNames.add(name);
    components.add(schema, { id: name });
  }
  return { $ref: `#/components/schemas/${components.get(schema)!.id}` };
}
const listNames = new Map<z.ZodType, string>();
for (const [name, value] of Object.entries(records)) {
  if (!(value instanceof z.ZodObject)) continue;
  component(value, name);
  listNames.set(records.pageOf(value), `${name}List`);
}

const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");

// ---------------------------------------------------------------------------------------
// Operations

const STATUS_TEXT: Record<number, string> = {
  400: "Bad input: a parameter or field is missing, malformed or unknown; the message names it.",
  401: "No credential, or one that is malformed, unknown, revoked or expired.",
  403: "The key or the member's role lacks a scope this route needs.",
  404: "No such record in the caller's organization (an id of another organization answers the same), or a filter names one that is not there.",
  409: "Not allowed in the record's current state.",
  413: "The body is larger than 1,000,000 bytes.",
  405: "The path has no such method: Allow lists those it has.",
  414: "The URL is longer than 8,192 characters.",
  415: "The body is not sent as JSON (Content-Type: application/json).",
  422: "A rule of the data refuses it.",
  429: "A rate limit or quota is used up: retry after Retry-After seconds.",
  431: "A request header this API reads is longer than 8,192 characters.",
  500: "An unexpected error: the message quotes the request id, the detail is in the log only.",
  503: "Unavailable for a moment: the database is unreachable or did not answer in time (nothing was changed), members' sessions cannot be verified (the project's signing keys are unreachable), or webhook secrets cannot be sealed (no encryption key configured): retry after Retry-After seconds.",
};

const header = (description: string, schema: Json = { type: "string" }) => ({ description, schema });
const HEADERS = {
  "X-Request-Id": header("This request's id: the client's own X-Request-Id when well formed, else req_<32 hex>. Quote it to support; GET /api/request-logs/{request_id} finds it."),
  "RateLimit": header('The limit closest to running out: `"<name>";r=<remaining>;t=<seconds to reset>` (draft-ietf-httpapi-ratelimit-headers).'),
  "RateLimit-Policy": header('Every limit of the key: `"hour";q=<limit>;w=3600, "minute";q=<limit>;w=60` (and the route\'s quota).'),
  "X-RateLimit-Limit": header("The limit closest to running out: its size.", { type: "string", pattern: "^\\d+$" }),
  "X-RateLimit-Remaining": header("Requests left in that window.", { type: "string", pattern: "^\\d+$" }),
  "X-RateLimit-Reset": header("When that window resets, in Unix seconds.", { type: "string", pattern: "^\\d+$" }),
  "Retry-After": header("Seconds to wait before retrying.", { type: "string", pattern: "^\\d+$" }),
  "Idempotent-Replayed": header("`true` when this is the stored answer to an earlier request with the same Idempotency-Key.", { type: "string", enum: ["true"] }),
  "WWW-Authenticate": header("`Bearer` (no credential) or `Bearer error=\"invalid_token\"`."),
};
const headerRef = (name: keyof typeof HEADERS | "X-Request-Id-Required") => ({ $ref: `#/components/headers/${name}` });

const rateHeaders = {
  RateLimit: headerRef("RateLimit"),
  "RateLimit-Policy": headerRef("RateLimit-Policy"),
  "X-RateLimit-Limit": headerRef("X-RateLimit-Limit"),
  "X-RateLimit-Remaining": headerRef("X-RateLimit-Remaining"),
  "X-RateLimit-Reset": headerRef("X-RateLimit-Reset"),
};

/** The error answers, one component each: `{error}` with X-Request-Id, and what else that status carries. */
function errorResponse(status: number): Json {
  const headers: Json = { "X-Request-Id": headerRef("X-Request-Id-Required") };
  if (status === 401) headers["WWW-Authenticate"] = headerRef("WWW-Authenticate");
  if (status === 429) Object.assign(headers, { "Retry-After": { ...HEADERS["Retry-After"], required: true } }, rateHeaders);
  if (status === 503) headers["Retry-After"] = headerRef("Retry-After");
  if (status === 403 || status === 400 || status === 404 || status === 409 || status === 422) Object.assign(headers, rateHeaders);
  return {
    description: STATUS_TEXT[status],
    headers,
    content: { "application/json": { schema: { $ref: "#/components/schemas/ApiErrorBody" } } },
  };
}

const AUTH_TEXT: Record<Auth, string> = {
  key: "",
  caller: "Any API key or member's session: no scope is needed.",
  scheduler: "Called by the scheduler (pg_cron through pg_net hosted, the stack locally) with the scheduler secret, `SCHEDULER_SECRET`; anyone else gets 401.",
  none: "No credential needed.",
};

const SINGULAR: Record<string, string> = {
  properties: "property", "api-keys": "API key", "request-logs": "request log entry", "payment-plans": "payment plan",
  "work-orders": "work order", "webhook-endpoints": "webhook endpoint", deliveries: "delivery", applications: "application",
  inspections: "inspection",
};
const singular = (segment: string) => SINGULAR[segment] ?? segment.replace(/s$/, "").replaceAll("-", " ");
const words = (segment: string) => segment.replaceAll("-", " ").replace("api keys", "API keys");
const a = (noun: string) => `${/^([aeio]|API)/.test(noun) ? "an" : "a"} ${noun}`;
const SUMMARIES: Record<string, string> = {
  "GET /dashboard": "The dashboard's headline numbers", "GET /ar-aging": "A/R aging: delinquent rent by age",
  "GET /health": "Health check", "GET /me": "Who is calling", "GET /openapi": "This OpenAPI document",
  "POST /ai-vendor-summary": "Summarize a vendor (AI)", "POST /ai-delinquency-prioritizer": "Rank delinquent leases (AI)",
  "POST /expenses": "Add, update or delete an expense entry (action)", "POST /payments/{id}/receipts": "Record money received against a charge",
  "POST /payment-plans/{id}/payments": "Record a payment under an accepted plan", "POST /webhook-endpoints/{id}/test": "Send a webhook.test event",
  "POST /webhook-endpoints/{id}/replay": "Send again every delivery since an instant that did not succeed",
  "POST /leases/generate-charges": "Generate the monthly rent charges of signed leases", "GET /api-keys/scopes": "The scope catalogue",
  "GET /expenses/categories": "Expense categories (IRS Schedule E)", "POST /webhook-endpoints/{id}/rotate-secret": "Rotate a webhook endpoint's secret", "GET /expenses/summary": "Expenses by category for a year",
};

/** A short title: the table above, else one from the method and path ("Sign a lease"). */
function summaryOf(r: Route): string {
  const known = SUMMARIES[`${r.method} ${r.path}`];
  if (known) return known;
  const segments = r.path.split("/").filter(Boolean);
  if (r.doc.auth === "scheduler") return `Run ${words(r.fn)} (scheduled)`;
  const nouns = segments.filter((s) => !s.startsWith("{"));
  const last = segments[segments.length - 1];
  const noun = nouns[nouns.length - 1];
  if (segments.length === 1) return r.method === "GET" ? `List ${words(noun)}` : `Create ${a(singular(noun))}`;
  if (last.startsWith("{")) {
    const verb = { GET: "Get", PATCH: "Update", DELETE: "Delete" }[r.method] ?? r.method;
    return `${verb} ${a(singular(noun))}${nouns.length > 1 ? ` of ${a(singular(nouns[0]))}` : ""}`;
  }
  if (r.method === "GET") return `${words(last)[0].toUpperCase()}${words(last).slice(1)} of ${a(singular(nouns[0]))}`;
  const owner = nouns.length > 2 ? nouns[nouns.length - 2] : nouns[0];
  return `${words(last)[0].toUpperCase()}${words(last).slice(1)} ${a(singular(owner))}`;
}

function operationId(r: Route): string {
  const parts = r.path.split("/").filter(Boolean).map((s) => (s.startsWith("{") ? `By ${s.slice(1, -1)}` : s));
  return r.method.toLowerCase() + pascal(parts.join(" "));
}

function parameters(r: Route): Json[] {
  const out: Json[] = [];
  for (const name of [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
    const schema = r.doc.params?.[name];
    if (!schema) throw new Error(`${r.method} ${r.path}: no schema for the path parameter ${name} (documented({ params }))`);
    const s = jsonSchema(schema, "input");
    const { description, ...rest } = s;
    out.push({ name, in: "path", required: true, description: description ?? name, schema: rest });
  }
  if (r.doc.query) {
    const s = jsonSchema(r.doc.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name, in: "query", required: s.required?.includes(name) ?? false, schema: rest,
        ...(description ? { description } : name === "limit" ? { description: "page size" } : name === "cursor" ? { description: "the previous page's next_cursor" } : {}),
      });
    }
  }
  if (r.doc.idempotent) out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (r.doc.auth === "key" || r.doc.auth === "caller") out.push({ $ref: "#/components/parameters/OrganizationId" });
  out.push({ $ref: "#/components/parameters/RequestId" });
  return out;
}

function operation(r: Route): Json {
  const auth = r.doc.auth;
  if (!auth) throw new Error(`${r.method} ${r.path}: no authentication recorded (requireKey, requireScheduler, or documented({ auth }))`);
  if (!r.doc.responses) throw new Error(`${r.method} ${r.path}: no answer schema recorded (documented({ responses }))`);
  const id = operationId(r);
  const scopes = r.doc.scopes ?? [];
  const notes = [
    auth === "key" ? `Scope${scopes.length > 1 ? "s" : ""}: ${scopes.map((s) => `\`${s}\``).join(", ")} (an API key holding ${scopes.length > 1 ? "them" : "it"}, or the session of a member whose role does).` : AUTH_TEXT[auth],
    r.doc.quota ? `A tighter quota per key applies (\`${r.doc.quota}\`, app.route_quotas), shown in RateLimit-Policy.` : "",
    r.doc.idempotent ? "Send an Idempotency-Key to make a retry safe: a repeat with the same key and body answers the stored answer (Idempotent-Replayed: true); the same key with another body is 409." : "",
    r.doc.query && /cursor/.test(JSON.stringify(jsonSchema(r.doc.query, "input"))) ? "A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters." : "",
    r.doc.optionalBody ? "The body may be omitted (the same as `{}`)." : "",
    r.doc.description ?? "",
  ].filter(Boolean);
  // every route: the URL and header bounds (http.ts), and a database that is away (errors.ts)
  const errors = new Set<number>([414, 431, 500, 503, ...(r.doc.errors ?? [])]);
  if (auth === "key" || auth === "caller") [400, 401, 403, 429].forEach((s) => errors.add(s));
  if (auth === "scheduler") errors.add(401);
  if (r.doc.params) errors.add(404);
  if (r.doc.query) errors.add(400);
  if (r.doc.body) [400, 413, 415].forEach((s) => errors.add(s));

  const responses: Json = {};
  for (const [status, schema] of Object.entries(r.doc.responses)) {
    const headers: Json = { "X-Request-Id": headerRef("X-Request-Id-Required") };
    if (auth === "key" || auth === "caller") Object.assign(headers, rateHeaders);
    if (r.doc.idempotent) headers["Idempotent-Replayed"] = headerRef("Idempotent-Replayed");
    responses[status] = {
      description: { 200: "OK", 201: "Created", 202: "Accepted: the delivery is queued" }[Number(status)] ?? "OK",
      headers,
      content: { "application/json": { schema: component(schema, `${pascal(id)}${status}`) } },
    };
  }
  for (const status of [...errors].sort()) responses[String(status)] = { $ref: `#/components/responses/Error${status}` };

  const op: Json = {
    operationId: id,
    tags: [r.fn],
    summary: r.doc.summary ?? summaryOf(r),
    description: notes.join("\n\n"),
    security: auth === "key" ? [{ apiKey: scopes }, { memberSession: scopes }]
      : auth === "caller" ? [{ apiKey: [] }, { memberSession: [] }]
      : auth === "scheduler" ? [{ schedulerSecret: [] }]
      : [],
    parameters: parameters(r),
  };
  if (scopes.length) op["x-scopes"] = scopes;
  if (r.doc.body) {
    op.requestBody = {
      required: !r.doc.optionalBody,
      content: { "application/json": { schema: jsonSchema(r.doc.body, "input") } },
    };
  }
  op.responses = responses;
  return op;
}

// ---------------------------------------------------------------------------------------
// Webhooks

const signatureHeaders: Json[] = [
  {
    name: "X-PMAI-Signature", in: "header", required: true,
    description: "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off.",
    schema: { type: "string", pattern: "^t=\\d+(,v1=[0-9a-f]{64})+$" },
  },
  { name: "X-PMAI-Event-Id", in: "header", required: true, description: "The event's id, as `id` in the body.", schema: { type: "string", pattern: "^evt_[0-9A-HJKMNP-TV-Z]{26}$" } },
  { name: "X-PMAI-Event", in: "header", required: true, description: "The event kind, as `event` in the body.", schema: { type: "string" } },
  { name: "X-PMAI-Delivery-Id", in: "header", required: true, description: "The delivery: one per event and endpoint.", schema: { type: "string", pattern: "^dlv_[0-9A-HJKMNP-TV-Z]{26}$" } },
  { name: "X-PMAI-Attempt", in: "header", required: true, description: "The delivery's attempt number, from 1; a redeliver or replay continues the count.", schema: { type: "string", pattern: "^[1-9]\\d*$" } },
  { name: "User-Agent", in: "header", required: true, schema: { type: "string", const: "Aptoria-Webhooks/1.0" } },
];

function webhooks(): Json {
  const out: Json = {};
  for (const [kind, { description, payload }] of Object.entries(records.webhookEvents)) {
    component(payload, `${pascal(kind)}Payload`);
    const event = records.webhookDelivery(kind, payload);
    out[kind] = {
      post: {
        operationId: `webhook${pascal(kind)}`,
        summary: kind,
        description: `${description}\n\nSent as a POST to each endpoint subscribed to \`${kind}\` (or \`*\`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on \`id\`: delivery is at least once.`,
        tags: ["webhooks"],
        parameters: signatureHeaders,
        requestBody: { required: true, content: { "application/json": { schema: component(event, `${pascal(kind)}Event`) } } },
        responses: { "2XX": { description: "Acknowledged." }, default: { description: "Not acknowledged: retried on the backoff schedule." } },
      },
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The document

export function buildDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes().sort((a, b) => a.path.localeCompare(b.path))) {
    (paths[r.path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  const hooks = webhooks();
  const { schemas } = z.toJSONSchema(components, { ...options, io: "output", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  const errorStatuses = [400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 429, 431, 500, 503];
  return {
    openapi: "3.1.0",
    info: {
      title: "Aptoria developer API",
      version: "1.0.0",
      summary: "Properties, leases, rent, operations, reports, AI helpers, API keys and HMAC-signed webhooks.",
      description: [
        "JSON over HTTPS. Every function answers at `https://app.aptoria.ai/api/<function>/...` and at `https://<project>.supabase.co/functions/v1/<function>/...` (locally `http://127.0.0.1:54321/api/...`).",
        "Authenticate with `Authorization: Bearer apt_...` (an API key) or a member's Supabase Auth session (`Authorization: Bearer <JWT>`, plus `X-Organization-Id` for a member of several organizations). Each operation names the scopes it needs.",
        "Errors are `{\"error\": \"...\"}` with the status; every answer carries `X-Request-Id`. Lists are cursor-paginated. Generated from the routes' own zod schemas by `npm run openapi`.",
      ].join("\n\n"),
      contact: { name: "Aptoria developers", url: "https://app.aptoria.ai/developers" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [
      { url: "https://app.aptoria.ai/api", description: "production" },
      { url: "https://{project}.supabase.co/functions/v1", description: "a Supabase project", variables: { project: { default: "your-project-ref" } } },
      { url: "http://127.0.0.1:54321/api", description: "the local stack (npm start)" },
    ],
    tags: names.map((name) => ({ name, description: comments.get(name) ?? "" })).concat([{ name: "webhooks", description: "What Aptoria POSTs to your endpoints (docs/webhooks.md)." }]),
    paths,
    webhooks: hooks,
    components: {
      schemas,
      responses: Object.fromEntries(errorStatuses.map((s) => [`Error${s}`, errorResponse(s)])),
      headers: { ...HEADERS, "X-Request-Id-Required": { ...HEADERS["X-Request-Id"], required: true } },
      parameters: {
        RequestId: { name: "X-Request-Id", in: "header", required: false, description: "Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made.", schema: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$" } },
        OrganizationId: { name: "X-Organization-Id", in: "header", required: false, description: "With a member's session: the organization to act for (required when the member belongs to several).", schema: { type: "string", pattern: "^org_[0-9A-HJKMNP-TV-Z]{26}$" } },
        IdempotencyKey: { name: "Idempotency-Key", in: "header", required: false, description: "1-255 visible ASCII characters (a UUID is a good choice): a retry with the same key and body answers the stored answer instead of running again.", schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" } },
      },
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "apt_<8>_<43> API key", description: "An API key (Settings → Developer, or POST /api/api-keys). Its scopes are listed per operation." },
        memberSession: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A member's Supabase Auth session; the member's role gives the scopes. Add X-Organization-Id when the member belongs to several organizations." },
        schedulerSecret: { type: "http", scheme: "bearer", description: "The scheduler secret (SCHEDULER_SECRET): scheduled functions only." },
      },
    },
  };
}

const text = `${JSON.stringify(buildDocument(), null, 2)}\n`;
if (Deno.args.includes("--stdout")) {
  await Deno.stdout.write(new TextEncoder().encode(text));
} else {
  await Deno.writeTextFile(OUTPUT, text);
  console.log(`wrote ${OUTPUT.pathname.replace(`${Deno.cwd()}/`, "")}`);
}
Deno.exit(0);
