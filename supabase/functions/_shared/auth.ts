// Authentication by API key or member session, scopes and rate limits: one SQL call per
// request (app.authenticate_batch), shared with the requests for the same route that arrive
// meanwhile, keys and sessions alike.
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "./deps.ts";
import { batched } from "./batch.ts";
import { clientAddressOf, parseTrustedProxies } from "./client-address.ts";
import { BATCHES_IN_FLIGHT, type Fragment, sql } from "./db.ts";
import { ApiError, badRequest } from "./errors.ts";
import type { Env } from "./http.ts";
import { documented } from "./openapi.ts";
import { noteIdentity } from "./request-log.ts";
import { looksLikeJwt, verifySession } from "./sessions.ts";

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
  key_id: string | null;
  member_id: string | null;
  role: string | null;
  retry_after: number | null;
  limits: Limit[] | null;
  /** the route quota window an admitted request was charged in (app.route_quota_refund) */
  quota_window_number: number | null;
}

/** What the SQL side needs of a presented key: the prefix that finds it and the SHA-256 of its secret. */
export interface PresentedKey {
  kind: "key";
  prefix: string;
  secretHash: string;
  client: string;
}

/** A verified member session, and the organization the request names (X-Organization-Id), if any. */
export interface PresentedSession {
  kind: "session";
  userId: string;
  email: string | null;
  organizationId: string | null;
  client: string;
}

export type Credential = PresentedKey | PresentedSession;

const ORGANIZATION_ID = /^org_[0-9A-HJKMNP-TV-Z]{26}$/;

// node:crypto hashes synchronously; Web Crypto's digest goes through a worker thread and
// measurably delays every authenticated request.
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const proxyTrust = parseTrustedProxies(Deno.env.get("TRUSTED_PROXIES"));

/** The client's address, for the guessing throttle (see client-address.ts). */
function clientAddress(c: Context): string {
  const seen = c.req.header("cf-connecting-ip")?.trim() ||
    (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr?.hostname || "unknown";
  return clientAddressOf(seen, c.req.header("x-forwarded-for"), proxyTrust);
}

/**
 * Reads the Bearer credential: an API key, or a member's session token (a JWT, verified here).
 * A missing, malformed or invalid one is a 401 before any database work.
 */
export async function presentedCredential(c: Context): Promise<Credential> {
  const header = c.req.header("authorization");
  if (!header) {
    throw new ApiError(401, "Missing API key: send it as Authorization: Bearer apt_...", { "www-authenticate": "Bearer" });
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const key = token && API_KEY.exec(token);
  if (key) return { kind: "key", prefix: key[1], secretHash: sha256Hex(key[2]), client: clientAddress(c) };
  if (!token || !looksLikeJwt(token)) {
    throw new ApiError(401, "Malformed API key: expected Authorization: Bearer apt_<8 characters>_<secret>.", { "www-authenticate": "Bearer" });
  }
  const session = await verifySession(token);
  const organizationId = c.req.header("x-organization-id")?.trim() || null;
  if (organizationId !== null && !ORGANIZATION_ID.test(organizationId)) {
    throw badRequest("X-Organization-Id must be an organization id (org_ and 26 characters).");
  }
  return { kind: "session", userId: session.userId, email: session.email, organizationId, client: clientAddress(c) };
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
export function admit(c: Context<Env>, row: AuthResult, credential: Credential): Record<string, string> {
  const headers = rateLimitHeaders(row.limits);
  const retry: Record<string, string> = row.retry_after ? { "retry-after": String(row.retry_after) } : {};
  noteIdentity(c, {
    organizationId: row.organization_id, keyId: row.key_id, memberId: row.member_id,
    keyPrefix: credential.kind === "key" ? credential.prefix : null, rateLimit: headers, retryAfter: row.retry_after,
  });
  switch (row.status) {
    case 200:
      c.set("caller", {
        organizationId: row.organization_id, keyId: row.key_id, memberId: row.member_id, role: row.role,
        user: credential.kind === "session" ? { id: credential.userId, email: credential.email } : null,
      });
      return headers;
    case 401:
      throw new ApiError(401, row.error!, { "www-authenticate": 'Bearer error="invalid_token"' });
    default:
      throw new ApiError(row.status, row.error!, { ...headers, ...retry });
  }
}

/** A row of app.authenticate_batch: the request's place in the batch, and each rate-limit window's numbers as columns. */
interface BatchRow extends Omit<AuthResult, "limits"> {
  n: number;
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
  quota_window_number: number | null;
}

function authResult(row: BatchRow, quota: string | null): AuthResult {
  const limits: Limit[] | null = row.minute_limit === null ? null : [
    { name: "hour", limit: row.hour_limit, window: 3600, remaining: row.hour_remaining, reset: row.hour_reset },
    { name: "minute", limit: row.minute_limit, window: 60, remaining: row.minute_remaining, reset: row.minute_reset },
  ];
  if (limits && row.quota_limit !== null) {
    limits.push({ name: `quota:${quota}`, limit: row.quota_limit, window: row.quota_window, remaining: row.quota_remaining, reset: row.quota_reset });
  }
  return {
    status: row.status, error: row.error, organization_id: row.organization_id, key_id: row.key_id, member_id: row.member_id, role: row.role,
    retry_after: row.retry_after, limits, quota_window_number: row.quota_window_number,
  };
}

/**
 * app.authenticate_batch over `credentials`, in their order (n = 1, 2, ...). A batch of keys
 * alone sends no session arrays, so the database skips the session work.
 */
function authenticateBatch(credentials: Credential[], scopes: string[], quota: string | null): Fragment {
  const sessions = credentials.some((c) => c.kind === "session");
  return sql`
    select * from app.authenticate_batch(
      ${credentials.map((c) => (c.kind === "key" ? c.prefix : null))}::text[],
      array(select decode(h, 'hex') from unnest(${credentials.map((c) => (c.kind === "key" ? c.secretHash : null))}::text[]) with ordinality h(h, n) order by n),
      ${credentials.map((c) => c.client)}::text[], ${scopes}::text[], ${quota},
      ${sessions ? credentials.map((c) => (c.kind === "session" ? c.userId : null)) : null}::uuid[],
      ${sessions ? credentials.map((c) => (c.kind === "session" ? c.organizationId : null)) : null}::text[])`;
}

type Authenticator = (credential: Credential) => Promise<AuthResult>;
const authenticators = new Map<string, Authenticator>();

/** Authenticates keys and sessions for one route (its scopes and quota), in batches. */
export function authenticator(scopes: string[], quota: string | null): Authenticator {
  const route = JSON.stringify([scopes, quota]);
  let authenticate = authenticators.get(route);
  if (!authenticate) {
    authenticate = batched(async (credentials: Credential[]) =>
      (await sql<BatchRow[]>`${authenticateBatch(credentials, scopes, quota)}`).map((row) => authResult(row, quota)),
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
  const answer = batched(async (items: { key: Credential; params: P }[]) => {
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

  return documented({ auth: "key", scopes }, async (c, next) => {
    const key = await presentedCredential(c);
    let parsed: P;
    try {
      parsed = params(c);
    } catch (error) {
      const headers = admit(c, await authenticate(key), key);
      throw error instanceof ApiError ? new ApiError(error.status, error.message, { ...headers, ...error.headers }) : error;
    }
    const row = await answer({ key, params: parsed });
    const headers = admit(c, row, key);
    c.set("answer", row.body);
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
}

/** Whether the route refused an admitted request (4xx): then it consumes no route quota. */
export function refusedByRoute(status: number): boolean {
  return status >= 400 && status < 500;
}

/** The rate-limit headers once the quota unit `row` was charged has been given back. */
export function headersAfterRefund(row: AuthResult): Record<string, string> {
  return rateLimitHeaders(row.limits?.map((l) => (l.name.startsWith("quota:") ? { ...l, remaining: l.remaining + 1 } : l)) ?? null);
}

/** app.route_quota_refund for an admitted request, as SQL to run (alone or with other work). */
export function quotaRefund(row: AuthResult, quota: string): Fragment {
  return sql`select app.route_quota_refund(${row.key_id ?? row.member_id}, ${quota}, ${row.quota_window_number})`;
}

/**
 * Requires an API key holding every scope in `scopes`, or the session of a member whose role
 * holds them. `quota` names a row of app.route_quotas for routes with a tighter quota per key
 * (per membership for sessions), which a request the route refuses (4xx) does not spend: one
 * more statement, on that path only. Sets `c.var.caller`.
 */
export function requireKey(scopes: string | string[], opts: { quota?: string } = {}): MiddlewareHandler<Env> {
  const quota = opts.quota ?? null;
  const authenticate = authenticator(Array.isArray(scopes) ? scopes : [scopes], quota);
  return documented({ auth: "key", scopes: Array.isArray(scopes) ? scopes : [scopes], quota: opts.quota }, async (c, next) => {
    const credential = await presentedCredential(c);
    const row = await authenticate(credential);
    let headers = admit(c, row, credential);
    await next();
    if (quota && row.quota_window_number !== null && refusedByRoute(c.res.status)) {
      await quotaRefund(row, quota);
      headers = headersAfterRefund(row);
    }
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
}
