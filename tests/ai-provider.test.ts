// The language-model path of the AI helpers against a local OpenAI-compatible test server: the
// functions' AI_BASE_URL points at aiProviderPort (tests/global-setup.ts), where this file
// listens. Each request's behaviour is chosen by a marker such as [[ok]] in the facts it
// carries (a vendor's or property's name), so tests running in parallel never race on shared
// state; requests without a marker (from other test files) get a 503 and fall back.
import { createServer, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { writeDelinquencySummary, writeVendorSummary } from "../supabase/functions/_shared/ai/writer.ts";
import { api, call } from "./helpers.ts";
import { newCharge, newLease, newPropertyWithUnit, newTenant, newTenantOrg, newVendor, newWorkOrder } from "./fixtures/index.ts";

interface Received {
  marker: string;
  authorization: string | undefined;
  raw: string;
  body: any;
}
const received: Received[] = [];

const MODEL_TEXT = "Acme is dependable but has had one callback; keep an eye on repeat visits.";

function reply(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const completion = (content: string) => ({
  id: "chatcmpl-test", object: "chat.completion", created: Math.floor(Date.now() / 1000), model: "test-model",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
});

const server = createServer(async (req, res) => {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  if (req.method !== "POST" || req.url !== "/v1/chat/completions") return reply(res, 404, { error: { message: "unknown route" } });
  const marker = /\[\[(\w+)\]\]/.exec(raw)?.[1] ?? "none";
  received.push({ marker, authorization: req.headers.authorization, raw, body: JSON.parse(raw) });
  switch (marker) {
    case "ok":
      return reply(res, 200, completion(`  ${MODEL_TEXT}\n`));
    case "fail":
      return reply(res, 500, { error: { message: "The server had an error", type: "server_error" } });
    case "slow": {
      const timer = setTimeout(() => reply(res, 200, completion("Too late.")), 3000);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "nochoices":
      return reply(res, 200, { id: "chatcmpl-test", object: "chat.completion", choices: [] });
    case "html":
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Bad gateway</body></html>");
      return;
    case "blank":
      return reply(res, 200, completion("   "));
    default:
      return reply(res, 503, { error: { message: "not configured for this request" } });
  }
});

beforeAll(() => new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(inject("aiProviderPort"), "127.0.0.1", () => resolve());
}));
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

const lastFor = (marker: string) => received.filter((r) => r.marker === marker).at(-1)!;

/** A vendor named with the marker, with one completed job whose notes carry a tenant's contacts. */
async function vendorWith(marker: string) {
  const org = await newTenantOrg();
  const { unitId } = await newPropertyWithUnit(org.id, { property: "Pine", unit: "1" });
  const vendorId = await newVendor(org.id, {
    name: `Acme [[${marker}]] Plumbing`, trade: "plumbing", email: "acme@vendor.example", phone: "612-555-0100",
  });
  await newWorkOrder(org.id, unitId, {
    vendorId, status: "completed", createdAt: -3, completedAt: -1, costCents: 18000,
    notes: "Fixed. Tenant asks to be called first: (612) 555-0142 or maya.r@tenant.example",
  });
  return { org, vendorId };
}

/** A lease 20 days late at a property named with the marker; its tenant has contact details. */
async function delinquentLease(orgId: string, propertyName: string) {
  const { unitId } = await newPropertyWithUnit(orgId, { property: propertyName, unit: "7" });
  const tenantId = await newTenant(orgId, { name: "Maya Secretname", email: "maya@tenant.example", phone: "651-555-0199" });
  const leaseId = await newLease(orgId, unitId, { tenantIds: [tenantId], rentCents: 100000, start: -100 });
  await newCharge(orgId, leaseId, { period: "2026-01", due: -20, amountCents: 100000 });
  return { leaseId, tenantId };
}

const summarize = (key: string, vendorId: string, headers: Record<string, string> = {}) =>
  call("/ai-vendor-summary", { method: "POST", key, json: { vendor_id: vendorId }, headers });

describe("AI narratives from the configured model", () => {
  it("uses the model's summary and says so, sending it only the computed facts with contacts masked", async () => {
    const { org, vendorId } = await vendorWith("ok");
    const { status, body } = await summarize(org.key, vendorId);
    expect(status).toBe(200);
    expect(body.narrative_source).toBe("model");
    expect(body.model).toBe("test-model");
    expect(body.summary).toBe(MODEL_TEXT);
    // the numbers are SQL's, whatever the model says
    expect(body.facts.work_orders.completed).toBe(1);
    expect(body.facts.average_cost_per_job_usd).toBe(180);
    expect(body.facts.latest_notes[0].note).toContain("(612) 555-0142");

    const sent = lastFor("ok");
    expect(sent.authorization).toBe("Bearer test-ai-key");
    expect(sent.body).toMatchObject({ model: "test-model", max_tokens: expect.any(Number) });
    expect(sent.body.messages.map((m: any) => m.role)).toEqual(["system", "user"]);
    const input = JSON.parse(sent.body.messages[1].content);
    expect(input.facts).toEqual({
      ...body.facts,
      latest_notes: [{ date: body.facts.latest_notes[0].date, title: "Leaking tap", note: "Fixed. Tenant asks to be called first: [phone] or [email]" }],
    });
    expect(input.recommendation).toEqual(body.recommendation);
    expect(sent.raw).not.toMatch(/555-0142|tenant\.example|acme@vendor|555-0100/);
  });

  it("never sends tenants' names, ids or contact details for the delinquency narrative", async () => {
    const org = await newTenantOrg();
    const { leaseId, tenantId } = await delinquentLease(org.id, "Ok [[ok]] Court");
    const { status, body } = await call("/ai-delinquency-prioritizer", { method: "POST", key: org.key, json: {} });
    expect(status).toBe(200);
    expect(body).toMatchObject({ narrative_source: "model", model: "test-model", summary: MODEL_TEXT });
    expect(body.leases[0]).toMatchObject({ lease_id: leaseId, tenant_name: "Maya Secretname", days_late: 20 });

    const sent = received.filter((r) => r.marker === "ok" && r.raw.includes("Ok [[ok]] Court 7")).at(-1)!;
    expect(sent).toBeDefined();
    const input = JSON.parse(sent.body.messages[1].content);
    expect(input.leases[0]).toMatchObject({ rank: 1, lease: "Ok [[ok]] Court 7", amount_owed_usd: 1000, days_late: 20, score: body.leases[0].score });
    for (const secret of ["Secretname", tenantId, leaseId, "tenant.example", "555-0199"]) expect(sent.raw).not.toContain(secret);
  });

  it("falls back to the deterministic writer when the provider answers an error", async () => {
    const { org, vendorId } = await vendorWith("fail");
    const before = received.filter((r) => r.marker === "fail").length;
    const { status, body } = await summarize(org.key, vendorId);
    expect(status).toBe(200);
    expect(received.filter((r) => r.marker === "fail").length).toBe(before + 1);
    expect(body).toMatchObject({ narrative_source: "deterministic", model: null });
    expect(body.summary).toBe(writeVendorSummary(body));
  });

  it("falls back when the provider does not answer within AI_TIMEOUT_MS (1 s here)", async () => {
    const { org, vendorId } = await vendorWith("slow");
    const started = Date.now();
    const { status, body } = await summarize(org.key, vendorId);
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(body).toMatchObject({ narrative_source: "deterministic", model: null });
    expect(body.summary).toBe(writeVendorSummary(body));
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2800); // the provider would have answered after 3 s
  });

  it("falls back when the provider's answer is not a usable chat completion", async () => {
    for (const marker of ["nochoices", "html", "blank"]) {
      const { org, vendorId } = await vendorWith(marker);
      const { status, body } = await summarize(org.key, vendorId);
      expect(status, marker).toBe(200);
      expect(lastFor(marker), marker).toBeDefined();
      expect(body, marker).toMatchObject({ narrative_source: "deterministic", model: null });
    }
  });

  it("falls back for the delinquency narrative too", async () => {
    const org = await newTenantOrg();
    await delinquentLease(org.id, "Fail [[fail]] Court");
    const before = received.filter((r) => r.marker === "fail").length;
    const { body } = await call("/ai-delinquency-prioritizer", { method: "POST", key: org.key, json: {} });
    expect(received.filter((r) => r.marker === "fail").length).toBe(before + 1);
    expect(body).toMatchObject({ narrative_source: "deterministic", model: null });
    expect(body.summary).toBe(writeDelinquencySummary(body));
  });

  it("answers 409 to a repeat of an Idempotency-Key whose first request is still running, then replays it", async () => {
    const { org, vendorId } = await vendorWith("slow");
    const headers = { "idempotency-key": `slow-${vendorId}` };
    const asked = received.filter((r) => r.marker === "slow").length;
    const first = api("/ai-vendor-summary", { method: "POST", key: org.key, json: { vendor_id: vendorId }, headers });
    // the first request is running: it has reserved the key and is waiting on the (slow) model
    await vi.waitFor(() => expect(received.filter((r) => r.marker === "slow").length).toBeGreaterThan(asked), { timeout: 5000, interval: 10 });
    const during = await api("/ai-vendor-summary", { method: "POST", key: org.key, json: { vendor_id: vendorId }, headers });
    expect(during.status).toBe(409);
    expect(during.headers.get("retry-after")).toBe("1");
    expect((await during.json()).error).toMatch(/still in progress/);

    const done = await first;
    expect(done.status).toBe(200);
    const text = await done.text();
    const after = await api("/ai-vendor-summary", { method: "POST", key: org.key, json: { vendor_id: vendorId }, headers });
    expect(after.status).toBe(200);
    expect(after.headers.get("idempotent-replayed")).toBe("true");
    expect(await after.text()).toBe(text);
  });
});
