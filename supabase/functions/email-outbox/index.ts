// POST /email-outbox (scheduled; scheduler secret): sends the queued transactional emails.
import { sql } from "../_shared/db.ts";
import { createApp, serve } from "../_shared/http.ts";
import { requireScheduler } from "../_shared/webhooks/scheduled.ts";
import { flushOutbox } from "../_shared/webhooks/outbox.ts";

const app = createApp("email-outbox");

app.post("/", requireScheduler(), async (c) => c.json(await flushOutbox(sql)));

serve(app);
