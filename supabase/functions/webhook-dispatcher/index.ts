// POST /webhook-dispatcher (the scheduler secret): drains the webhook queue. Called when there
// is work (app.webhook_wake_dispatcher: an event enqueued with no run under way, or a run
// handing over at its CPU budget) and every minute as a safety net. Overlapping calls are
// safe: one run holds the lease, the others return at once.
import { z } from "../_shared/deps.ts";
import { sql } from "../_shared/db.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { requireScheduler } from "../_shared/webhooks/scheduled.ts";
import { runDispatcher } from "../_shared/webhooks/dispatch.ts";
import { flushOutbox } from "../_shared/webhooks/outbox.ts";
import { documented } from "../_shared/openapi.ts";
import { ScheduledRun } from "../_shared/records.ts";

const app = createApp("webhook-dispatcher");

const env = (name: string, fallback: number) => Number(Deno.env.get(name) ?? fallback);

/** Hosted Edge Functions get 150 s of wall clock on the Free plan (400 s on paid plans). */
const WALL_LIMIT_SECONDS = 150;

// Defaults fit a hosted Edge Function: CPU well under its ~2 s, wall clock under 150 s with the
// last attempts' timeout and their record included (docs/hosted.md).
const Options = z.strictObject({
  max_seconds: z.number().min(0).max(WALL_LIMIT_SECONDS).default(env("WEBHOOK_RUN_SECONDS", 120)),
  idle_seconds: z.number().min(0).max(WALL_LIMIT_SECONDS).default(env("WEBHOOK_IDLE_SECONDS", 10)),
  until_idle: z.boolean().default(false),
  cpu_budget_ms: z.number().int().min(50).max(10_000).default(env("WEBHOOK_CPU_BUDGET_MS", 1000)),
  visibility_timeout_seconds: z.number().int().min(1).max(3600).default(env("WEBHOOK_VISIBILITY_TIMEOUT_SECONDS", 30)),
  attempt_timeout_ms: z.number().int().min(100).max(30_000).default(env("WEBHOOK_ATTEMPT_TIMEOUT_MS", 10_000)),
  concurrency: z.number().int().min(1).max(512).default(env("WEBHOOK_CONCURRENCY", 256)),
  batch_size: z.number().int().min(1).max(1000).default(env("WEBHOOK_BATCH_SIZE", 100)),
});

// what a run charges itself where the runtime has no CPU clock (edge-runtime): see cpu.ts
const cpuCharges = {
  perRunMs: env("WEBHOOK_CPU_PER_RUN_MS", 125),
  perAttemptUs: env("WEBHOOK_CPU_PER_ATTEMPT_US", 300),
  perCallUs: env("WEBHOOK_CPU_PER_CALL_US", 300),
};

app.post("/", requireScheduler(), documented({ body: Options, responses: { 200: ScheduledRun } }, async (c) => {
  const o = await jsonBody(c, Options);
  if (o.visibility_timeout_seconds * 1000 <= o.attempt_timeout_ms) {
    return c.json({ error: "visibility_timeout_seconds must be longer than attempt_timeout_ms." }, 400);
  }
  // the last attempts and their record happen after max_seconds: all of it within the limit
  if (o.max_seconds + o.attempt_timeout_ms / 1000 + 10 > WALL_LIMIT_SECONDS) {
    return c.json({ error: `max_seconds + attempt_timeout_ms + 10 s must fit in ${WALL_LIMIT_SECONDS} s, an Edge Function's wall clock.` }, 400);
  }
  const summary = await runDispatcher(sql, {
    maxSeconds: o.max_seconds,
    idleSeconds: o.idle_seconds,
    untilIdle: o.until_idle,
    cpuBudgetMs: o.cpu_budget_ms,
    cpuCharges,
    visibilityTimeoutSeconds: o.visibility_timeout_seconds,
    attemptTimeoutMs: o.attempt_timeout_ms,
    concurrency: o.concurrency,
    batchSize: o.batch_size,
  });
  // the owner hears about a disabled endpoint now, not at the outbox's next tick
  const emails = summary.disabled.length > 0 ? await flushOutbox(sql).catch(() => null) : null;
  // one line per run that did something: what to watch on hosted (docs/hosted.md)
  if (!summary.skipped) {
    const { disabled: _, ...line } = summary;
    console.log(JSON.stringify({ fn: "webhook-dispatcher", run: line }));
  }
  return c.json({ ...summary, emails_sent: emails?.sent ?? 0 });
}));

serve(app);
