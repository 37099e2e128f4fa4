// POST /webhook-retention (scheduled every 10 minutes; scheduler secret): clears the previous
// signing secrets whose rotation overlap has ended (app.webhook_clear_expired_secrets), then,
// unless {"history": false}, deletes webhook events, deliveries, attempts and archived queue
// messages older than the retention (app.webhook_prune), a batch per transaction, until none is
// left or its run time is spent.
import { z } from "../_shared/deps.ts";
import { sql } from "../_shared/db.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { requireScheduler } from "../_shared/webhooks/scheduled.ts";
import { documented } from "../_shared/openapi.ts";
import { WebhookPruneRun } from "../_shared/records.ts";

const app = createApp("webhook-retention");

const Options = z.strictObject({
  // an Edge Function's wall clock is 150 s on the Free plan
  max_seconds: z.number().min(0).max(140).default(20),
  batch_size: z.number().int().min(1).max(50_000).default(5000),
  history: z.boolean().default(true),
});

interface Pruned {
  deliveries: number;
  events: number;
  archived_messages: number;
  more: boolean;
}

app.post("/", requireScheduler(), documented({ body: Options, responses: { 200: WebhookPruneRun } }, async (c) => {
  const o = await jsonBody(c, Options);
  const [{ cleared }] = await sql<{ cleared: number }[]>`select app.webhook_clear_expired_secrets() as cleared`;
  if (!o.history) return c.json({ previous_secrets_cleared: cleared });
  const until = Date.now() + o.max_seconds * 1000;
  const total = { deliveries: 0, events: 0, archived_messages: 0, more: true };
  do {
    const [{ pruned }] = await sql<{ pruned: Pruned }[]>`select app.webhook_prune(${o.batch_size}::int) as pruned`;
    total.deliveries += pruned.deliveries;
    total.events += pruned.events;
    total.archived_messages += pruned.archived_messages;
    total.more = pruned.more;
  } while (total.more && Date.now() < until);
  return c.json({ ...total, previous_secrets_cleared: cleared });
}));

serve(app);
