// POST /email-outbox (scheduled; service role key): sends the queued transactional emails.
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { requireServiceRole } from "../_shared/webhooks/scheduled.ts";
import { flushOutbox } from "../_shared/webhooks/outbox.ts";

const app = createApp("email-outbox");

app.post("/", requireServiceRole(), async (c) => c.json(await flushOutbox(sql)));

serve(app);
