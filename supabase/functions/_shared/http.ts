// The HTTP basics every function shares: request ids, CORS, JSON errors, 404/405, JSON bodies.
import { bodyLimit, type Context, getPath, Hono, type MiddlewareHandler, z } from "./deps.ts";
import { ApiError, badRequest, fromDatabaseError } from "./errors.ts";
import { requestLog } from "./request-log.ts";

/** Who is calling, once an API key or a member's session has been verified (see auth.ts). */
export interface Caller {
  organizationId: string;
  /** the API key, when the caller is a key */
  keyId: string | null;
  /** the membership acting and its role, when the caller is a member's session */
  memberId: string | null;
  role: string | null;
  user: { id: string; email: string | null } | null;
}

/** `answer`: what a keyedRead route read (see auth.ts). */
export type Env = { Variables: { requestId: string; caller: Caller; answer: string | null } };

const CLIENT_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;
const MAX_BODY_BYTES = 1_000_000;

// req_ then 32 hex digits: the milliseconds (12), then a v4 UUID's last 20 (74 random bits).
// Time-ordered, so the request log's request_id index takes each new id at its right edge
// rather than on a random page of its own (docs/decisions/0017).
export function newRequestId(): string {
  return `req_${Date.now().toString(16).padStart(12, "0")}${crypto.randomUUID().replaceAll("-", "").slice(12)}`;
}

/** A well-formed X-Request-Id from the client is kept, so both sides can quote it. */
export function requestIdOf(req: Request): string {
  const sent = req.headers.get("x-request-id");
  return sent && CLIENT_REQUEST_ID.test(sent) ? sent : newRequestId();
}

export function errorResponse(
  status: number,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-request-id": requestId, ...headers },
  });
}

// CORS: the app's own pages may be served from another origin than the API. No cookies are
// used (credentials travel in Authorization), so `*` is safe as the default; CORS_ORIGINS
// (comma-separated origins) narrows it.
const corsOrigins = (Deno.env.get("CORS_ORIGINS") ?? "*").split(",").map((o) => o.trim()).filter(Boolean);
const CORS_PREFLIGHT = {
  "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "Authorization, Content-Type, Idempotency-Key, X-Organization-Id, X-Request-Id",
  "access-control-max-age": "600",
};
const CORS_EXPOSED = "X-Request-Id, Retry-After, RateLimit, RateLimit-Policy, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Idempotent-Replayed";

/** The Access-Control-Allow-Origin for a request's Origin, or null for an origin not allowed. */
function allowedOrigin(origin: string): string | null {
  if (corsOrigins.includes("*")) return "*";
  return corsOrigins.includes(origin) ? origin : null;
}

// Only a request with an Origin (a browser's cross-origin request) gets CORS headers; a
// preflight is answered here, before routing and authentication, as browsers send it without
// credentials.
const corsMiddleware: MiddlewareHandler<Env> = async (c, next) => {
  const origin = c.req.header("origin");
  if (!origin) return await next();
  const allowed = allowedOrigin(origin);
  const vary: Record<string, string> = allowed === "*" ? {} : { vary: "Origin" };
  if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
    return new Response(null, {
      status: 204,
      headers: allowed ? { "access-control-allow-origin": allowed, ...CORS_PREFLIGHT, ...vary } : vary,
    });
  }
  await next();
  if (allowed) {
    c.res.headers.set("access-control-allow-origin", allowed);
    c.res.headers.set("access-control-expose-headers", CORS_EXPOSED);
  }
  if (vary.vary) c.res.headers.append("vary", "Origin");
};

const requestIdMiddleware: MiddlewareHandler<Env> = async (c, next) => {
  const id = requestIdOf(c.req.raw);
  c.set("requestId", id);
  await next();
  c.res.headers.set("x-request-id", id);
};

// Our own bounds, well below the runtime's: Deno's HTTP server refuses a request head (request
// line and headers) over about 64 KiB with a bare 400 before any code runs (docs/api.md#limits),
// so a long URL or header is answered here, as JSON with a request id, while it still can be.
export const MAX_URL_CHARS = 8192;
export const MAX_HEADER_CHARS = 8192;
// the headers our code reads; others pass through unread
const READ_HEADERS = [
  "authorization", "x-request-id", "idempotency-key", "x-organization-id", "content-type", "x-forwarded-for", "cf-connecting-ip", "origin",
];

const boundsMiddleware: MiddlewareHandler<Env> = async (c, next) => {
  if (c.req.url.length > MAX_URL_CHARS) {
    throw new ApiError(414, `The URL is longer than ${MAX_URL_CHARS} characters.`);
  }
  for (const name of READ_HEADERS) {
    const value = c.req.raw.headers.get(name);
    if (value !== null && value.length > MAX_HEADER_CHARS) {
      throw new ApiError(431, `The ${name} header is longer than ${MAX_HEADER_CHARS} characters.`);
    }
  }
  await next();
};

function toErrorResponse(err: unknown, c: Context<Env>): Response {
  const requestId = c.get("requestId") ?? newRequestId();
  const known = err instanceof ApiError ? err : fromDatabaseError(err);
  if (known) return errorResponse(known.status, known.message, requestId, known.headers);
  // The detail goes to the function's log only, never to the client.
  console.error(JSON.stringify({ request_id: requestId, error: String((err as Error)?.stack ?? err) }));
  return errorResponse(500, `Internal error. Quote request id ${requestId} to support.`, requestId);
}

/**
 * A function's app, mounted at `/<name>` as Supabase routes it. Call `serve(app)` once all
 * routes are declared.
 */
const basePaths = new WeakMap<Hono<Env>, string>();

// Supabase hands a function /<name>/...; the local functions server hands on
// /functions/v1/<name>/... and /api/<name>/... as they came (copying a request to rewrite its
// URL, and parsing that URL, were 40% of that server's CPU per dashboard request), and routing
// drops the prefix.
const GATEWAY_PREFIX = /^\/(?:functions\/v1|api)(?=\/)/;
const functionPath = (req: Request) => getPath(req).replace(GATEWAY_PREFIX, "");

export function createApp(name: string): Hono<Env> {
  const app = new Hono<Env>({ getPath: functionPath }).basePath(`/${name}`);
  basePaths.set(app, `/${name}`);
  app.use("*", corsMiddleware);
  app.use("*", requestIdMiddleware);
  app.use("*", boundsMiddleware);
  app.use("*", requestLog);
  app.onError(toErrorResponse);
  app.notFound((c) =>
    errorResponse(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`, c.get("requestId") ?? newRequestId())
  );
  return app;
}

/** Every app served, by its base path (`/<name>`): scripts/openapi.ts builds the OpenAPI document from their routes. */
export const servedApps = new Map<string, Hono<Env>>();

/** Answers 405 with an Allow header on every declared path for the methods it lacks, then serves. */
export function serve(app: Hono<Env>): void {
  const base = basePaths.get(app) ?? "";
  servedApps.set(base, app);
  const allowed = new Map<string, Set<string>>();
  for (const r of app.routes) {
    if (r.method === "ALL") continue;
    const path = r.path.slice(base.length) || "/";
    allowed.set(path, (allowed.get(path) ?? new Set()).add(r.method));
  }
  for (const [path, methods] of allowed) {
    if (methods.has("GET")) methods.add("HEAD");
    const allow = [...methods].sort().join(", ");
    app.all(path, (c) => errorResponse(405, `Method ${c.req.method} is not allowed here. Allowed: ${allow}.`, c.get("requestId"), { allow }));
  }
  Deno.serve(app.fetch);
}

const tooLarge = () => new ApiError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
// hono's bodyLimit counts the bytes of a body sent without a Content-Length (chunked) as they
// arrive and stops reading at the first byte over the limit. A body with a Content-Length is
// judged by the header alone, as bodyLimit does too (the runtime reads no byte past it), but
// without bodyLimit's look at `req.body`: that builds the body's stream, and reading through it
// made a 1 KB JSON body cost 70% more (scripts/bench/body-read.ts, an A/B in one Deno process).
const limitStream = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw tooLarge();
  },
}) as unknown as (c: Context<Env>, next: () => Promise<void>) => Promise<void>;
const proceed = () => Promise.resolve();
// requests whose body has passed the limit (bodyLimit replaces a chunked one with its bytes)
const withinLimit = new WeakSet<Request>();

/** The request's body as text: every body is read through here, so none goes past the limit. */
export async function bodyText(c: Context<Env>): Promise<string> {
  const length = c.req.header("content-length");
  if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
    if (Number(length) > MAX_BODY_BYTES) throw tooLarge();
  } else if (!withinLimit.has(c.req.raw)) {
    await limitStream(c, proceed);
    withinLimit.add(c.req.raw);
  }
  return c.req.text();
}

/** Parses a JSON body against a strict schema: wrong content type, malformed JSON and unknown or invalid fields are 4xx. */
export async function jsonBody<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(415, "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await bodyText(c);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw badRequest(`The body is not valid JSON: ${(e as Error).message}.`);
  }
  return parse(schema, data, "body");
}

/** For actions whose fields are all optional: no body at all counts as `{}`. */
export async function optionalJsonBody<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
  if ((await bodyText(c)).trim() === "") return parse(schema, {}, "body");
  return jsonBody(c, schema);
}

/** Validates query parameters (all strings) against a strict schema. */
export function queryParams<T extends z.ZodType>(c: Context<Env>, schema: T): z.infer<T> {
  return parse(schema, c.req.query(), "query");
}

export function parse<T extends z.ZodType>(schema: T, data: unknown, where: "body" | "query"): z.infer<T> {
  // The messages written here, told apart from those a schema gives itself ("due dates must be
  // distinct ..."), which are shown after their field's path. zod asks this map only for issues
  // whose schema gave no message.
  const plain = new Set<string>();
  const result = schema.safeParse(data, {
    error: (issue) => {
      const message = plainMessage(issue, where);
      if (message) plain.add(message);
      return message;
    },
  });
  if (result.success) return result.data;
  throw badRequest(describeIssues(result.error.issues, where, plain));
}

function describeIssues(issues: z.core.$ZodIssue[], where: string, plain: Set<string>): string {
  return issues.slice(0, 5).map((issue) => {
    if (issue.code === "unrecognized_keys") return `Unknown ${where === "query" ? "parameter" : "field"}${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
    // zod words a discriminator that matches no option itself, before any error map
    const options = issue.code === "invalid_union" && issue.discriminator ? (issue as { options?: unknown[] }).options : undefined;
    if (options) return `${fieldName(issue.path, where)} must be one of ${options.map(String).join(", ")}.`;
    if (plain.has(issue.message)) return `${issue.message}.`;
    const path = issue.path.join(".");
    return path ? `${path}: ${issue.message}.` : `${where}: ${issue.message}.`;
  }).join(" ");
}

function fieldName(path: PropertyKey[], where: string): string {
  return path.length ? path.map(String).join(".") : `The ${where}`;
}

const kinds: Record<string, string> = {
  string: "a string", number: "a number", int: "an integer", boolean: "true or false", object: "an object",
  array: "an array", date: "a date", bigint: "an integer", null: "null",
};

/** A zod issue in plain words: which field, and what it must be; undefined leaves zod's own words. */
function plainMessage(issue: z.core.$ZodRawIssue, where: string): string | undefined {
  const field = fieldName(issue.path ?? [], where);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} is required`;
      if (!issue.path?.length && issue.expected === "object") return `${field} must be a JSON object`;
      return `${field} must be ${kinds[issue.expected] ?? issue.expected}${issue.input === null ? ", not null" : ""}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `${field} must be ${JSON.stringify(issue.values[0])}`
        : `${field} must be one of ${issue.values.map(String).join(", ")}`;
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === "string") {
        if (small && bound === 1) return `${field} must not be empty`;
        return `${field} must be at ${small ? "least" : "most"} ${bound} character${bound === 1 ? "" : "s"}`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        if (small && bound === 1) return `${field} must have at least 1 item`;
        return `${field} must have at ${small ? "least" : "most"} ${bound} item${bound === 1 ? "" : "s"}`;
      }
      if (!inclusive) return `${field} must be ${small ? "greater" : "less"} than ${bound}`;
      return `${field} must be at ${small ? "least" : "most"} ${bound}`;
    }
    case "not_multiple_of":
      return `${field} must be a multiple of ${issue.divisor}`;
    case "invalid_format":
      if (issue.format === "email") return `${field} must be an email address`;
      if (issue.format === "url") return `${field} must be a URL`;
      if (issue.format === "datetime") return `${field} must be an ISO 8601 date and time`;
      if (issue.format === "date") return `${field} must be a date (YYYY-MM-DD)`;
      return `${field} is not in the expected format`;
    case "invalid_union":
      return `${field} is not any of the accepted forms`;
    case "custom":
      return `${field} is not valid`;
    default:
      return undefined;
  }
}
