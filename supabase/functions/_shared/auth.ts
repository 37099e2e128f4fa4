// API-key authentication, scopes and rate limits: one SQL call per request
// (app.authenticate_batch), shared with the requests for the same route that arrive meanwhile.
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "./deps.ts";
import { batched } from "./batch.ts";
import { BATCHES_IN_FLIGHT, type Fragment, sql } from "./db.ts";
import { ApiError } from "./errors.ts";
import type { Env } from "./http.ts";
import { noteIdentity } from "./request-log.ts";

/** apt_<8 lowercase letters or digits>_<43 base64url characters: 32 random bytes>. */
const API_KEY = /^apt_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/** One rate-limit window as app.authenticate reports it. */
export interface Limit {
  name: string;
  limit: number;
  window: number;
  remaining: number;
  reset: number;
}

/** The columns every authentication call returns (app.authenticate and the functions wrapping it). */
export interface AuthResult {
  status: number;
  error: string | null;
  organization_id: string;
  key_id: string;
  retry_after: number | null;
  limits: Limit[] | null;
}

/** What the SQL side needs of a presented key: the prefix that finds it and the SHA-256 of its secret. */
export interface PresentedKey {
  prefix: string;
  secretHash: string;
  client: string;
}

// node:crypto hashes synchronously; Web Crypto's digest goes through a worker thread and
// measurably delays every authenticated request.
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The client's address as the nearest proxy saw it (the last X-Forwarded-For entry). */
function clientAddress(c: Context): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 64);
  const remote = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr?.hostname;
  return remote ?? "unknown";
}

/** Reads the Bearer key; a missing or malformed one is a 401 before any database work. */
export function presentedKey(c: Context): PresentedKey {
  const header = c.req.header("authorization");
  if (!header) {
    throw new ApiError(401, "Missing API key: send it as Authorization: Bearer apt_...", { "www-authenticate": "Bearer" });
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const key = match && API_KEY.exec(match[1]);
  if (!key) {
    throw new ApiError(401, "Malformed API key: expected Authorization: Bearer apt_<8 characters>_<secret>.", { "www-authenticate": "Bearer" });
  }
  return { prefix: key[1], secretHash: sha256Hex(key[2]), client: clientAddress(c) };
}

// IETF draft-ietf-httpapi-ratelimit-headers (RateLimit-Policy / RateLimit) and the common
// X-RateLimit-* trio, both describing the limit closest to running out.
export function rateLimitHeaders(limits: Limit[] | null): Record<string, string> {
  if (!limits?.length) return {};
  const tightest = limits.reduce((a, b) => (b.remaining < a.remaining || (b.remaining === a.remaining && b.reset > a.reset) ? b : a));
  const nowSeconds = Math.floor(Date.now() / 1000);
  return {
    "ratelimit-policy": limits.map((l) => `"${l.name}";q=${l.limit};w=${l.window}`).join(", "),
    "ratelimit": `"${tightest.name}";r=${Math.max(tightest.remaining, 0)};t=${tightest.reset}`,
    "x-ratelimit-limit": String(tightest.limit),
    "x-ratelimit-remaining": String(Math.max(tightest.remaining, 0)),
    "x-ratelimit-reset": String(nowSeconds + tightest.reset),
  };
}

/**
 * Turns an authentication result into the request's outcome: throws the 401/403/409/429, or
 * sets `c.var.caller` and returns the rate-limit headers for the response.
 */
export function admit(c: Context<Env>, row: AuthResult): Record<string, string> {
  const headers = rateLimitHeaders(row.limits);
  const retry: Record<string, string> = row.retry_after ? { "retry-after": String(row.retry_after) } : {};
  noteIdentity(c, { organizationId: row.organization_id, keyId: row.key_id });
  switch (row.status) {
    case 200:
      c.set("caller", { organizationId: row.organization_id, keyId: row.key_id });
      return headers;
    case 401:
      throw new ApiError(401, row.error!, { "www-authenticate": 'Bearer error="invalid_token"' });
    default:
      throw new ApiError(row.status, row.error!, { ...headers, ...retry });
  }
}

/** A row of app.authenticate_batch: each rate-limit window's numbers as columns. */
interface BatchRow {
  n: number;
  status: number;
  error: string | null;
  organization_id: string;
  key_id: string;
  retry_after: number | null;
  minute_limit: number | null;
  minute_remaining: number;
  minute_reset: number;
  hour_limit: number;
  hour_remaining: number;
  hour_reset: number;
  quota_limit: number | null;
  quota_window: number;
  quota_remaining: number;
  quota_reset: number;
}

function authResult(row: BatchRow, quota: string | null): AuthResult {
  const limits: Limit[] | null = row.minute_limit === null ? null : [
    { name: "hour", limit: row.hour_limit, window: 3600, remaining: row.hour_remaining, reset: row.hour_reset },
    { name: "minute", limit: row.minute_limit, window: 60, remaining: row.minute_remaining, reset: row.minute_reset },
  ];
  if (limits && row.quota_limit !== null) {
    limits.push({ name: `quota:${quota}`, limit: row.quota_limit, window: row.quota_window, remaining: row.quota_remaining, reset: row.quota_reset });
  }
  return { status: row.status, error: row.error, organization_id: row.organization_id, key_id: row.key_id, retry_after: row.retry_after, limits };
}

/** app.authenticate_batch over `keys`, in their order (n = 1, 2, ...). */
function authenticateBatch(keys: PresentedKey[], scopes: string[], quota: string | null): Fragment {
  return sql`
    select * from app.authenticate_batch(
      ${keys.map((k) => k.prefix)}::text[],
      array(select decode(h, 'hex') from unnest(${keys.map((k) => k.secretHash)}::text[]) with ordinality h(h, n) order by n),
      ${keys.map((k) => k.client)}::text[], ${scopes}::text[], ${quota})`;
}

type Authenticator = (key: PresentedKey) => Promise<AuthResult>;
const authenticators = new Map<string, Authenticator>();

/** Authenticates keys for one route (its scopes and quota), in batches. */
function authenticator(scopes: string[], quota: string | null): Authenticator {
  const route = JSON.stringify([scopes, quota]);
  let authenticate = authenticators.get(route);
  if (!authenticate) {
    authenticate = batched(async (keys: PresentedKey[]) =>
      (await sql<BatchRow[]>`${authenticateBatch(keys, scopes, quota)}`).map((row) => authResult(row, quota)),
      { concurrency: BATCHES_IN_FLIGHT });
    authenticators.set(route, authenticate);
  }
  return authenticate;
}

/**
 * requireKey for the hot read routes: authentication and the read in ONE statement per batch.
 * `read` builds SQL selecting (n, answer, body) from `admitted (n, organization_id)`, the
 * batch's admitted requests, where params[n - 1] are request n's parameters (from `params`)
 * and requests with the same `answer` share one body. The body, JSON text as the database
 * built it, is `c.var.answer`; null stands for the route's not-found. A parameter error is
 * reported only to a caller the key admits, as behind requireKey.
 */
export function keyedRead<P>(scopes: string[], params: (c: Context<Env>) => P, read: (params: P[]) => Fragment): MiddlewareHandler<Env> {
  type Row = BatchRow & { answer: string | null; first: boolean; body: string | null };
  const answer = batched(async (items: { key: PresentedKey; params: P }[]) => {
    // A shared body crosses the wire once, with the first request that has it.
    const rows = await sql<Row[]>`
      with auth as materialized (${authenticateBatch(items.map((i) => i.key), scopes, null)}),
      admitted as (select n, organization_id from auth where status = 200),
      answered as (${read(items.map((i) => i.params))})
      select auth.*, a.answer::text,
             coalesce(row_number() over (partition by a.answer order by auth.n) = 1, false) as first,
             case when row_number() over (partition by a.answer order by auth.n) = 1 then a.body end as body
      from auth left join answered a using (n) order by auth.n`;
    const bodies = new Map<string, string | null>();
    return rows.map((row) => {
      if (row.answer !== null && row.first) bodies.set(row.answer, row.body);
      const body = row.answer === null || row.first ? row.body : bodies.get(row.answer) ?? null;
      return { ...authResult(row, null), body };
    });
  }, { concurrency: BATCHES_IN_FLIGHT });
  const authenticate = authenticator(scopes, null);

  return async (c, next) => {
    const key = presentedKey(c);
    let parsed: P;
    try {
      parsed = params(c);
    } catch (error) {
      const headers = admit(c, await authenticate(key));
      throw error instanceof ApiError ? new ApiError(error.status, error.message, { ...headers, ...error.headers }) : error;
    }
    const row = await answer({ key, params: parsed });
    const headers = admit(c, row);
    c.set("answer", row.body);
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

/**
 * Requires an API key holding every scope in `scopes`. `quota` names a row of
 * app.route_quotas for routes with a tighter per-key quota. Sets `c.var.caller`.
 */
export function requireKey(scopes: string | string[], opts: { quota?: string } = {}): MiddlewareHandler<Env> {
  const authenticate = authenticator(Array.isArray(scopes) ? scopes : [scopes], opts.quota ?? null);
  return async (c, next) => {
    const headers = admit(c, await authenticate(presentedKey(c)));
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
