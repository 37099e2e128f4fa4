// requireKey with Idempotency-Key support, for POST routes whose answers are costly (the AI
// helpers). The same key with the same body within 24 hours replays the stored answer without
// spending the route's quota; the same key with another body is a 409. The replay check and
// authentication are ONE SQL call (app.authenticate_idempotent), because the quota is consumed
// inside authentication: the check must come first, in the same transaction.
//
// Without an Idempotency-Key header this is exactly requireKey.
import {
  admit, type AuthResult, headersAfterRefund, presentedCredential, quotaRefund, refusedByRoute, requireKey, sha256Hex,
} from "../auth.ts";
import { sql } from "../db.ts";
import type { Context, MiddlewareHandler } from "../deps.ts";
import { badRequest } from "../errors.ts";
import { bodyText, type Env } from "../http.ts";
import { documented } from "../openapi.ts";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

interface AuthRow extends AuthResult {
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
  // Hono caches the body, so the route's jsonBody() reads the same text again.
  const text = await bodyText(c);
  let body = text;
  try {
    body = canonicalJson(JSON.parse(text));
  } catch { /* not JSON: the route answers 400; the raw text identifies the request */ }
  return sha256Hex(`${c.req.method} ${c.req.path}\n${body}`);
}

export function requireKeyIdempotent(scopes: string[], opts: { quota: string }): MiddlewareHandler<Env> {
  const plain = requireKey(scopes, opts);
  return documented({ auth: "key", scopes, quota: opts.quota, idempotent: true }, async (c, next) => {
    const idempotencyKey = c.req.header("idempotency-key");
    if (idempotencyKey === undefined) return plain(c, next);
    // A missing or malformed key or session: the exact 401, before the Idempotency-Key is looked at.
    const key = await presentedCredential(c);
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).");
    }

    const apiKey = key.kind === "key" ? key : null;
    const session = key.kind === "session" ? key : null;
    const [row] = await sql<AuthRow[]>`
      select * from app.authenticate_idempotent(${apiKey?.prefix ?? null}, decode(${apiKey?.secretHash ?? null}, 'hex'), ${key.client},
        ${scopes}, ${opts.quota}, ${idempotencyKey}, ${await requestHash(c)}, ${session?.userId ?? null}::uuid, ${session?.organizationId ?? null})`;
    let headers = admit(c, row, key);
    if (row.replay_body !== null) {
      return new Response(row.replay_body, {
        status: row.replay_status!,
        headers: { "content-type": "application/json; charset=utf-8", "idempotent-replayed": "true", ...headers },
      });
    }

    await next();
    // Only successes are kept; after an error the key is released, so the client may retry it,
    // and a request the route refused (4xx) gets its quota unit back in the same statement.
    const subject = row.key_id ?? row.member_id;
    if (c.res.status >= 200 && c.res.status < 300) {
      await sql`update app.idempotency_keys set response_status = ${c.res.status}, response_body = ${await c.res.clone().text()},
        locked_until = null where subject = ${subject} and idempotency_key = ${idempotencyKey}`;
    } else if (row.quota_window_number !== null && refusedByRoute(c.res.status)) {
      await sql`with released as (delete from app.idempotency_keys where subject = ${subject} and idempotency_key = ${idempotencyKey}
        and response_status is null) ${quotaRefund(row, opts.quota)}`;
      headers = headersAfterRefund(row);
    } else {
      await sql`delete from app.idempotency_keys where subject = ${subject} and idempotency_key = ${idempotencyKey}
        and response_status is null`;
    }
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
}
