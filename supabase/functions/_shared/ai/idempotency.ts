// requireKey with Idempotency-Key support, for POST routes whose answers are costly (the AI
// helpers). The same key with the same body within 24 hours replays the stored answer without
// spending the route's quota; the same key with another body is a 409. The replay check and
// authentication are ONE SQL call (app.authenticate_idempotent), because the quota is consumed
// inside authentication: the check must come first, in the same transaction.
//
// Without an Idempotency-Key header this is exactly requireKey. The helpers below the marked
// line repeat private helpers of ../auth.ts; once auth.ts exports them they go (see the report
// for the diff).
import { requireKey } from "../auth.ts";
import { sql } from "../db.ts";
import type { Context, MiddlewareHandler } from "../deps.ts";
import { ApiError, badRequest } from "../errors.ts";
import type { Env } from "../http.ts";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const MAX_BODY_BYTES = 1_000_000;

interface AuthRow {
  status: number;
  error: string | null;
  organization_id: string;
  key_id: string;
  retry_after: number | null;
  limits: Limit[] | null;
  replay_status: number | null;
  replay_body: string | null;
}

/** JSON with object keys sorted, so bodies that differ only in key order or spacing match. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

async function requestHash(c: Context<Env>): Promise<string> {
  if (Number(c.req.header("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new ApiError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  // Hono caches the body, so the route's jsonBody() reads the same text again.
  const text = await c.req.text();
  let body = text;
  try {
    body = canonicalJson(JSON.parse(text));
  } catch { /* not JSON: the route answers 400; the raw text identifies the request */ }
  return sha256Hex(`${c.req.method} ${c.req.path}\n${body}`);
}

export function requireKeyIdempotent(scopes: string[], opts: { quota: string }): MiddlewareHandler<Env> {
  const plain = requireKey(scopes, opts);
  return async (c, next) => {
    const idempotencyKey = c.req.header("idempotency-key");
    if (idempotencyKey === undefined) return plain(c, next);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
    const key = match && API_KEY.exec(match[1]);
    // A missing or malformed key: requireKey gives the exact 401.
    if (!key) return plain(c, next);
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).");
    }

    const [row] = await sql<AuthRow[]>`
      select * from app.authenticate_idempotent(${key[1]}, decode(${await sha256Hex(key[2])}, 'hex'), ${clientAddress(c)},
        ${scopes}, ${opts.quota}, ${idempotencyKey}, ${await requestHash(c)})`;
    const headers = rateLimitHeaders(row.limits);
    if (row.status === 401) throw new ApiError(401, row.error!, { "www-authenticate": 'Bearer error="invalid_token"' });
    if (row.status === 429) throw new ApiError(429, row.error!, { ...headers, "retry-after": String(row.retry_after) });
    if (row.status === 403) throw new ApiError(403, row.error!, headers);
    if (row.status === 409) {
      throw new ApiError(409, row.error!, { ...headers, ...(row.retry_after ? { "retry-after": String(row.retry_after) } : {}) });
    }
    if (row.replay_body !== null) {
      return new Response(row.replay_body, {
        status: row.replay_status!,
        headers: { "content-type": "application/json; charset=utf-8", "idempotent-replayed": "true", ...headers },
      });
    }

    c.set("caller", { organizationId: row.organization_id, keyId: row.key_id });
    await next();
    // Only successes are kept; after an error the key is released, so the client may retry it.
    if (c.res.status >= 200 && c.res.status < 300) {
      await sql`update app.idempotency_keys set response_status = ${c.res.status}, response_body = ${await c.res.clone().text()},
        locked_until = null where key_id = ${row.key_id} and idempotency_key = ${idempotencyKey}`;
    } else {
      await sql`delete from app.idempotency_keys where key_id = ${row.key_id} and idempotency_key = ${idempotencyKey}
        and response_status is null`;
    }
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

// ---- Repeated from ../auth.ts (private there) ------------------------------------------------

const API_KEY = /^apt_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

interface Limit {
  name: string;
  limit: number;
  window: number;
  remaining: number;
  reset: number;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function clientAddress(c: Context): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 64);
  const remote = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr?.hostname;
  return remote ?? "unknown";
}

function rateLimitHeaders(limits: Limit[] | null): Record<string, string> {
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
