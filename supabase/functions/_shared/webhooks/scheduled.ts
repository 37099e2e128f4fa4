// Scheduled functions are called by pg_cron + pg_net (hosted) or the dev stack's scheduler
// with the service role key; anyone else gets 401. Compared in constant time: both sides are
// hashed first, so neither the length nor the first differing byte shows in the timing.
import type { MiddlewareHandler } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { Env } from "../http.ts";

const encoder = new TextEncoder();

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

export function requireServiceRole(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const expected = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ?? "";
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    const [a, b] = await Promise.all([digest(sent), digest(expected)]);
    let diff = expected.length === 0 || sent.length === 0 ? 1 : 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    if (diff !== 0) throw new ApiError(401, "This function is called by the scheduler with the service role key.", { "www-authenticate": "Bearer" });
    await next();
  };
}
