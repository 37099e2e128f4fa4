// POST /api/ai-delinquency-prioritizer {"property_id"?, "limit"?}: the organization's delinquent
// leases ranked by a transparent score, each with a suggested next step (all computed in SQL),
// and a plain-language summary. Round trips: authentication (with the Idempotency-Key check) +
// the ranking, + one to store the answer when an Idempotency-Key is sent.
import { requireKeyIdempotent } from "../_shared/ai/idempotency.ts";
import { modelConfig } from "../_shared/ai/llm.ts";
import { narrateDelinquency } from "../_shared/ai/narrative.ts";
import type { DelinquencyRanking } from "../_shared/ai/writer.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { ref } from "../_shared/fields.ts";
import { bodyText, createApp, jsonBody, serve } from "../_shared/http.ts";
import { documented } from "../_shared/openapi.ts";
import { DelinquencyAnswer } from "../_shared/records.ts";

const app = createApp("ai-delinquency-prioritizer");

const Body = z.strictObject({
  property_id: ref.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

app.post("/", requireKeyIdempotent(["ai:run", "read:payments"], { quota: "ai-delinquency-prioritizer" }), documented({ body: Body, optionalBody: true, responses: { 200: DelinquencyAnswer }, errors: [404, 409] }, async (c) => {
  // The whole portfolio needs no parameters: an empty POST is the same as {}.
  const empty = !c.req.header("content-type") && (await bodyText(c)) === "";
  const body = empty ? Body.parse({}) : await jsonBody(c, Body);
  const [row] = await sql<{ ranking: DelinquencyRanking }[]>`
    select app.delinquency_ranking(${c.var.caller.organizationId}, ${body.property_id ?? null}, ${body.limit}) as ranking`;
  const narrative = await narrateDelinquency(row.ranking, modelConfig(Deno.env), c.get("requestId"));
  return c.json({ ...row.ranking, ...narrative });
}));

serve(app);
