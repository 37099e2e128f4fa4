// POST /request-log-retention (scheduled every hour; scheduler secret): deletes request log
// entries older than app.request_log_settings.retention_days (app.request_log_prune), a batch
// per transaction, until none is left or its run time is spent.
import { z } from "../_shared/deps.ts";
import { sql } from "../_shared/db.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { requireScheduler } from "../_shared/webhooks/scheduled.ts";
import { documented } from "../_shared/openapi.ts";
import { PruneRun } from "../_shared/records.ts";

const app = createApp("request-log-retention");

const Options = z.strictObject({
  max_seconds: z.number().min(0).max(300).default(20),
  batch_size: z.number().int().min(1).max(50_000).default(5000),
});

app.post("/", requireScheduler(), documented({ body: Options, responses: { 200: PruneRun } }, async (c) => {
  const o = await jsonBody(c, Options);
  const until = Date.now() + o.max_seconds * 1000;
  const total = { deleted: 0, more: true };
  do {
    const [{ pruned }] = await sql<{ pruned: { deleted: number; more: boolean } }[]>`
      select app.request_log_prune(${o.batch_size}::int) as pruned`;
    total.deleted += pruned.deleted;
    total.more = pruned.more;
  } while (total.more && Date.now() < until);
  return c.json(total);
}));

serve(app);
