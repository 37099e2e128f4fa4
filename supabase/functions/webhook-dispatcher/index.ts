// POST /webhook-dispatcher (scheduled every second; service role key): drains the webhook
// queue. Overlapping calls are safe: one run holds the lease, the others return at once.
import { z } from "../_shared/deps.ts";
import { sql } from "../_shared/db.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { requireServiceRole } from "../_shared/webhooks/scheduled.ts";
import { runDispatcher } from "../_shared/webhooks/dispatch.ts";
import { flushOutbox } from "../_shared/webhooks/outbox.ts";

const app = createApp("webhook-dispatcher");

const env = (name: string, fallback: number) => Number(Deno.env.get(name) ?? fallback);

// Defaults fit a hosted Edge Function (wall clock well under its limit) and a 1-second schedule.
const Options = z.strictObject({
  max_seconds: z.number().min(0).max(300).default(env("WEBHOOK_RUN_SECONDS", 25)),
  until_idle: z.boolean().default(false),
  visibility_timeout_seconds: z.number().int().min(1).max(3600).default(env("WEBHOOK_VISIBILITY_TIMEOUT_SECONDS", 30)),
  attempt_timeout_ms: z.number().int().min(100).max(30_000).default(env("WEBHOOK_ATTEMPT_TIMEOUT_MS", 10_000)),
  concurrency: z.number().int().min(1).max(512).default(env("WEBHOOK_CONCURRENCY", 256)),
  batch_size: z.number().int().min(1).max(1000).default(env("WEBHOOK_BATCH_SIZE", 100)),
});

app.post("/", requireServiceRole(), async (c) => {
  const o = await jsonBody(c, Options);
  if (o.visibility_timeout_seconds * 1000 <= o.attempt_timeout_ms) {
    return c.json({ error: "visibility_timeout_seconds must be longer than attempt_timeout_ms." }, 400);
  }
  const summary = await runDispatcher(sql, {
    maxSeconds: o.max_seconds,
    untilIdle: o.until_idle,
    visibilityTimeoutSeconds: o.visibility_timeout_seconds,
    attemptTimeoutMs: o.attempt_timeout_ms,
    concurrency: o.concurrency,
    batchSize: o.batch_size,
  });
  // the owner hears about a disabled endpoint now, not at the outbox's next tick
  const emails = summary.disabled.length > 0 ? await flushOutbox(sql).catch(() => null) : null;
  return c.json({ ...summary, emails_sent: emails?.sent ?? 0 });
});

serve(app);
