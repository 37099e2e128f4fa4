// POST /api/ai-vendor-summary {"vendor_id": "v_..."}: a vendor's record with the organization
// (facts and a keep/watch/replace recommendation, computed in SQL) and a plain-language summary.
// Round trips: authentication (with the Idempotency-Key check) + the facts, + one to store the
// answer when an Idempotency-Key is sent. The model call, if configured, comes after the facts.
import { requireKeyIdempotent } from "../_shared/ai/idempotency.ts";
import { modelConfig } from "../_shared/ai/llm.ts";
import { narrateVendorSummary } from "../_shared/ai/narrative.ts";
import type { VendorSummaryFacts } from "../_shared/ai/writer.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { ref } from "../_shared/fields.ts";
import { notFound } from "../_shared/errors.ts";
import { createApp, jsonBody, serve } from "../_shared/http.ts";
import { documented } from "../_shared/openapi.ts";
import { VendorSummaryAnswer } from "../_shared/records.ts";

const app = createApp("ai-vendor-summary");

const Body = z.strictObject({ vendor_id: ref });

app.post("/", requireKeyIdempotent(["ai:run", "read:vendors"], { quota: "ai-vendor-summary" }), documented({ body: Body, responses: { 200: VendorSummaryAnswer }, errors: [404, 409] }, async (c) => {
  const body = await jsonBody(c, Body);
  const [row] = await sql<{ facts: VendorSummaryFacts | null }[]>`
    select app.vendor_facts(${c.var.caller.organizationId}, ${body.vendor_id}) as facts`;
  if (!row.facts) throw notFound("Vendor");
  const narrative = await narrateVendorSummary(row.facts, modelConfig(Deno.env), c.get("requestId"));
  return c.json({ ...row.facts, ...narrative });
}));

serve(app);
