// Scheduled functions are called by pg_cron + pg_net (hosted, `supabase start`) or the dev
// stack's scheduler with a secret of their own, SCHEDULER_SECRET (a function secret here, the
// Vault secret `scheduler_secret` in the database): it opens these functions and nothing else,
// so pg_net's request log, which PUBLIC may read, never holds a key that bypasses RLS. Anyone
// else gets 401. Compared in constant time: both sides are hashed first, so neither the length
// nor the first differing byte shows in the timing.
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { Env } from "../http.ts";
import { documented } from "../openapi.ts";

const digest = (text: string) => createHash("sha256").update(text).digest();

export function requireScheduler(): MiddlewareHandler<Env> {
  return documented({ auth: "scheduler" }, async (c, next) => {
    const expected = Deno.env.get("SCHEDULER_SECRET") ?? "";
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    const same = timingSafeEqual(digest(sent), digest(expected));
    if (!same || expected.length === 0 || sent.length === 0) {
      throw new ApiError(401, "This function is called by the scheduler with the scheduler secret.", { "www-authenticate": "Bearer" });
    }
    await next();
  });
}
