// API-key authentication, scopes and rate limits: one SQL call (app.authenticate) per request.
import type { Context, MiddlewareHandler } from "./deps.ts";
import { sql } from "./db.ts";
import { ApiError } from "./errors.ts";
import type { Env } from "./http.ts";

/** apt_<8 lowercase letters or digits>_<43 base64url characters: 32 random bytes>. */
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

/** The client's address as the nearest proxy saw it (the last X-Forwarded-For entry). */
function clientAddress(c: Context): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 64);
  const remote = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr?.hostname;
  return remote ?? "unknown";
}

// IETF draft-ietf-httpapi-ratelimit-headers (RateLimit-Policy / RateLimit) and the common
// X-RateLimit-* trio, both describing the limit closest to running out.
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

/**
 * Requires an API key holding every scope in `scopes`. `quota` names a row of
 * app.route_quotas for routes with a tighter per-key quota. Sets `c.var.caller`.
 */
export function requireKey(scopes: string | string[], opts: { quota?: string } = {}): MiddlewareHandler<Env> {
  const required = Array.isArray(scopes) ? scopes : [scopes];
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) {
      throw new ApiError(401, "Missing API key: send it as Authorization: Bearer apt_...", { "www-authenticate": "Bearer" });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const key = match && API_KEY.exec(match[1]);
    if (!key) {
      throw new ApiError(401, "Malformed API key: expected Authorization: Bearer apt_<8 characters>_<secret>.", { "www-authenticate": "Bearer" });
    }
    const [row] = await sql<{ status: number; error: string | null; organization_id: string; key_id: string; retry_after: number | null; limits: Limit[] | null }[]>`
      select * from app.authenticate(${key[1]}, decode(${await sha256Hex(key[2])}, 'hex'), ${clientAddress(c)}, ${required}, ${opts.quota ?? null})`;
    const headers = rateLimitHeaders(row.limits);
    if (row.status === 401) throw new ApiError(401, row.error!, { "www-authenticate": 'Bearer error="invalid_token"' });
    if (row.status === 429) throw new ApiError(429, row.error!, { ...headers, "retry-after": String(row.retry_after) });
    if (row.status === 403) throw new ApiError(403, row.error!, headers);
    c.set("caller", { organizationId: row.organization_id, keyId: row.key_id });
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
