// POST /email-outbox (scheduled; scheduler secret): sends the queued transactional emails.
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { requireScheduler } from "../_shared/webhooks/scheduled.ts";
import { flushOutbox } from "../_shared/webhooks/outbox.ts";
import { documented } from "../_shared/openapi.ts";
import { OutboxRun } from "../_shared/records.ts";

const app = createApp("email-outbox");

app.post("/", requireScheduler(), documented({ responses: { 200: OutboxRun } }, async (c) => c.json(await flushOutbox(sql))));

serve(app);
