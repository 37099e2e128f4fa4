// The HTTP basics every function shares: request ids, JSON errors, 404/405, JSON bodies.
import { type Context, getPath, Hono, type MiddlewareHandler, z } from "./deps.ts";
import { ApiError, badRequest, fromDatabaseError } from "./errors.ts";
import { requestLog } from "./request-log.ts";

/** Who is calling, once an API key has been verified (see auth.ts). */
export interface Caller {
  organizationId: string;
  keyId: string;
}

/** `answer`: what a keyedRead route read (see auth.ts). */
export type Env = { Variables: { requestId: string; caller: Caller; answer: string | null } };

const CLIENT_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;
const MAX_BODY_BYTES = 1_000_000;

export function newRequestId(): string {
  return `req_${crypto.randomUUID().replaceAll("-", "")}`;
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

const requestIdMiddleware: MiddlewareHandler<Env> = async (c, next) => {
  const id = requestIdOf(c.req.raw);
  c.set("requestId", id);
  await next();
  c.res.headers.set("x-request-id", id);
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
  app.use("*", requestIdMiddleware);
  app.use("*", requestLog);
  app.onError(toErrorResponse);
  app.notFound((c) =>
    errorResponse(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`, c.get("requestId") ?? newRequestId())
  );
  return app;
}

/** Answers 405 with an Allow header on every declared path for the methods it lacks, then serves. */
export function serve(app: Hono<Env>): void {
  const base = basePaths.get(app) ?? "";
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

/** Parses a JSON body against a strict schema: wrong content type, malformed JSON and unknown or invalid fields are 4xx. */
export async function jsonBody<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(415, "Send the body as JSON with Content-Type: application/json.");
  }
  const length = Number(c.req.header("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new ApiError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw badRequest(`The body is not valid JSON: ${(e as Error).message}.`);
  }
  return parse(schema, data, "body");
}

/** Validates query parameters (all strings) against a strict schema. */
export function queryParams<T extends z.ZodType>(c: Context<Env>, schema: T): z.infer<T> {
  return parse(schema, c.req.query(), "query");
}

export function parse<T extends z.ZodType>(schema: T, data: unknown, where: "body" | "query"): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw badRequest(describeIssues(result.error.issues, where));
}

function describeIssues(issues: z.core.$ZodIssue[], where: string): string {
  return issues.slice(0, 5).map((issue) => {
    if (issue.code === "unrecognized_keys") return `Unknown ${where === "query" ? "parameter" : "field"}${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
    const path = issue.path.join(".");
    return path ? `${path}: ${issue.message}.` : `${where}: ${issue.message}.`;
  }).join(" ");
}

/** A JSON response, the one shape every success takes. */
export function json(c: Context<Env>, data: unknown, status: 200 | 201 | 202 = 200): Response {
  return c.json(data as object, status);
}
