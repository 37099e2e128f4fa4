// Per-key quotas of the AI helpers and Idempotency-Key replays: a replay answers the stored
// answer byte for byte and spends no quota; the same key for another request is a 409.
import { describe, expect, it } from "vitest";
import { api, sql } from "./helpers.ts";
import { newKey, newTenantOrg, newVendor } from "./fixtures/index.ts";

const prioritize = (key: string, init: { json?: unknown; body?: string; headers?: Record<string, string> } = {}) =>
  api("/ai-delinquency-prioritizer", {
    method: "POST", key, ...init,
    headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
  });

const storedKeys = (idempotencyKey: string) =>
  sql`select response_status from app.idempotency_keys where idempotency_key = ${idempotencyKey}`;

describe("AI helper quotas", () => {
  it("allows 30 vendor summaries an hour per key, then 429 with Retry-After; another key is unaffected", async () => {
    const org = await newTenantOrg();
    const vendorId = await newVendor(org.id, { name: "Quota Co" });
    const post = (key: string) => api("/ai-vendor-summary", { method: "POST", key, json: { vendor_id: vendorId } });
    for (let i = 1; i <= 30; i++) {
      const res = await post(org.key);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(30 - i));
    }
    const spent = await post(org.key);
    expect(spent.status).toBe(429);
    const retry = Number(spent.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    expect((await spent.json()).error).toBe(`Rate limit exceeded — try again in ${retry} second${retry === 1 ? "" : "s"}.`);
    expect(spent.headers.get("ratelimit-policy")).toContain('"quota:ai-vendor-summary";q=30;w=3600');

    expect((await post(await newKey(org.id))).status).toBe(200);
  });
});

describe("Idempotency-Key", () => {
  it("replays the stored answer without spending quota, even once the quota is spent, and 409s another request", async () => {
    const org = await newTenantOrg();
    const first = await prioritize(org.key, { json: { limit: 10 }, headers: { "idempotency-key": "run-1" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(first.headers.get("x-ratelimit-remaining")).toBe("9");
    const original = await first.text();

    for (let i = 0; i < 9; i++) expect((await prioritize(org.key, { json: { limit: 10 } })).status).toBe(200);
    const spent = await prioritize(org.key, { json: { limit: 10 } });
    expect(spent.status).toBe(429);
    expect(Number(spent.headers.get("retry-after"))).toBeGreaterThan(0);

    for (let i = 0; i < 10; i++) {
      // the same body, spaced differently
      const replay = await prioritize(org.key, { body: '{ "limit" : 10 }', headers: { "idempotency-key": "run-1" } });
      expect(replay.status).toBe(200);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(replay.headers.get("x-request-id")).toMatch(/^req_/);
      expect(await replay.text()).toBe(original);
    }

    const different = await prioritize(org.key, { json: { limit: 5 }, headers: { "idempotency-key": "run-1" } });
    expect(different.status).toBe(409);
    expect((await different.json()).error).toMatch(/already used for a different request/);
    const otherRoute = await api("/ai-vendor-summary", {
      method: "POST", key: org.key, json: { vendor_id: "v_01H..." }, headers: { "idempotency-key": "run-1" },
    });
    expect(otherRoute.status).toBe(409);

    // a new idempotency key is new work: the quota still applies, and nothing is reserved
    expect((await prioritize(org.key, { json: { limit: 10 }, headers: { "idempotency-key": "run-2" } })).status).toBe(429);
    expect(await storedKeys("run-2")).toHaveLength(0);
  });

  it("keeps answers per API key, and authenticates a replay", async () => {
    const org = await newTenantOrg();
    const headers = { "idempotency-key": "shared-key" };
    expect((await prioritize(org.key, { json: {}, headers })).status).toBe(200);
    const other = await prioritize(await newKey(org.id), { json: {}, headers });
    expect(other.status).toBe(200);
    expect(other.headers.get("idempotent-replayed")).toBeNull();

    const wrongSecret = org.key.slice(0, 13) + "A".repeat(43);
    const denied = await prioritize(wrongSecret, { json: {}, headers });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: "Invalid API key." });

    const noScope = await newKey(org.id, ["ai:run"]);
    expect((await prioritize(noScope, { json: {}, headers })).status).toBe(403);
  });

  it("stores only successes, so an error answer can be retried with the same key", async () => {
    const org = await newTenantOrg();
    const headers = { "idempotency-key": `missing-${org.id}` };
    const post = () => api("/ai-vendor-summary", { method: "POST", key: org.key, json: { vendor_id: "v_missing" }, headers });
    const a = await post();
    expect(a.status).toBe(404);
    expect(await storedKeys(headers["idempotency-key"])).toHaveLength(0);
    const b = await post();
    expect(b.status).toBe(404);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(b.headers.get("x-ratelimit-remaining")).toBe("30"); // a refused request spends no quota

    const bad = await api("/ai-vendor-summary", { method: "POST", key: org.key, json: { vendor: "x" }, headers: { "idempotency-key": "bad-body" } });
    expect(bad.status).toBe(400);
    expect(await storedKeys("bad-body")).toHaveLength(0);
  });

  it("forgets an answer after 24 hours", async () => {
    const org = await newTenantOrg();
    const headers = { "idempotency-key": `day-${org.id}` };
    const first = await prioritize(org.key, { json: {}, headers });
    expect(first.headers.get("x-ratelimit-remaining")).toBe("9");
    await sql`update app.idempotency_keys set created_at = now() - interval '24 hours 1 minute' where idempotency_key = ${headers["idempotency-key"]}`;
    const again = await prioritize(org.key, { json: {}, headers });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(again.headers.get("x-ratelimit-remaining")).toBe("8");
    expect(await storedKeys(headers["idempotency-key"])).toEqual([{ response_status: 200 }]);
  });

  it("lets a request whose first run died mid-way (its reservation lapsed) run again", async () => {
    const org = await newTenantOrg();
    const headers = { "idempotency-key": `crash-${org.id}` };
    expect((await prioritize(org.key, { json: {}, headers })).status).toBe(200);
    // as if the function had died before storing its answer, and was still within the lease
    await sql`update app.idempotency_keys set response_status = null, response_body = null, locked_until = now() + interval '1 minute'
      where idempotency_key = ${headers["idempotency-key"]}`;
    expect((await prioritize(org.key, { json: {}, headers })).status).toBe(409);
    // ...and once the reservation has lapsed
    await sql`update app.idempotency_keys set locked_until = now() - interval '1 second' where idempotency_key = ${headers["idempotency-key"]}`;
    const again = await prioritize(org.key, { json: {}, headers });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    const replay = await prioritize(org.key, { json: {}, headers });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(await again.text());
  });

  it("rejects an Idempotency-Key that is too long or not visible ASCII", async () => {
    const org = await newTenantOrg();
    for (const key of ["x".repeat(256), "two words"]) {
      const res = await prioritize(org.key, { json: {}, headers: { "idempotency-key": key } });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/Idempotency-Key must be 1 to 255 visible ASCII characters/);
    }
  });
});
