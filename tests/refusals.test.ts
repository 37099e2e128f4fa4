// A refused request consumes nothing: a missing scope spends no rate-limit unit, and an AI
// helper that refuses a request (400 bad body, 404 unknown vendor or property) spends no quota.
import { describe, expect, it } from "vitest";
import { api, sql } from "./helpers.ts";
import { newKey, newOrganization, newVendor } from "./fixtures/index.ts";

const quotaUsed = async (key: string, route: string) =>
  (await sql<{ used: number }[]>`select q.used from app.route_quota_counters q join app.api_keys k on k.id = q.key_id
    where k.prefix = ${key.slice(4, 12)} and q.route = ${route}`)[0]?.used ?? 0;

const minuteUsed = async (key: string) =>
  (await sql<{ minute_used: number }[]>`select c.minute_used from app.rate_limit_counters c join app.api_keys k on k.id = c.key_id
    where k.prefix = ${key.slice(4, 12)}`)[0]?.minute_used ?? 0;

describe("a request refused for a missing scope", () => {
  it("spends no rate-limit unit: never a 429 for it, and the key's windows stay whole", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:tenants"], { perMinute: 2, perHour: 1000 });
    for (let i = 0; i < 4; i++) {
      const res = await api("/dashboard", { key });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe("This API key lacks the scope read:dashboard required here.");
      // the headers show the windows as they stand, uncharged
      expect(res.headers.get("x-ratelimit-remaining")).toBe("2");
    }
    expect(await minuteUsed(key)).toBe(0);
    const allowed = await api("/tenants", { key });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("x-ratelimit-remaining")).toBe("1");
  });
});

describe("an AI helper that refuses a request", () => {
  const summary = (key: string, json: unknown, headers: Record<string, string> = {}) =>
    api("/ai-vendor-summary", { method: "POST", key, json, headers });

  it("spends no quota on a 404 (unknown vendor) or a 400 (bad body), with or without an Idempotency-Key", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id);
    const vendorId = await newVendor(org.id, { name: "Refund Co" });
    const unknown = await summary(key, { vendor_id: "v_01ZZZZZZZZZZZZZZZZZZZZZZZZ" });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("ratelimit-policy")).toContain('"quota:ai-vendor-summary";q=30;w=3600');
    expect(unknown.headers.get("x-ratelimit-remaining")).toBe("30");
    expect((await summary(key, { vendor: vendorId })).status).toBe(400);
    expect((await summary(key, { vendor_id: "v_01ZZZZZZZZZZZZZZZZZZZZZZZZ" }, { "idempotency-key": "refused-404" })).status).toBe(404);
    expect((await summary(key, { vendor_id: 7 }, { "idempotency-key": "refused-400" })).status).toBe(400);
    expect(await quotaUsed(key, "ai-vendor-summary")).toBe(0);

    const served = await summary(key, { vendor_id: vendorId });
    expect(served.status).toBe(200);
    expect(served.headers.get("x-ratelimit-remaining")).toBe("29");
    expect(await quotaUsed(key, "ai-vendor-summary")).toBe(1);
  });

  it("spends no quota on the delinquency prioritizer's 404 (unknown property)", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id);
    const res = await api("/ai-delinquency-prioritizer", { method: "POST", key, json: { property_id: "prop_01ZZZZZZZZZZZZZZZZZZZZZZZZ" } });
    expect(res.status).toBe(404);
    expect(await quotaUsed(key, "ai-delinquency-prioritizer")).toBe(0);
  });

  it("gives back only the unit it was charged: a quota spent by served requests stays spent", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id);
    const vendorId = await newVendor(org.id, { name: "Spent Co" });
    // 29 served, then a refused one: the 30th unit is taken and given back, and still there
    await sql`insert into app.route_quota_counters (key_id, route, window_number, used)
      select k.id, 'ai-vendor-summary', floor(extract(epoch from now()) / 3600)::bigint, 29 from app.api_keys k where k.prefix = ${key.slice(4, 12)}`;
    expect((await summary(key, { vendor_id: "v_01ZZZZZZZZZZZZZZZZZZZZZZZZ" })).status).toBe(404);
    expect(await quotaUsed(key, "ai-vendor-summary")).toBe(29);
    expect((await summary(key, { vendor_id: vendorId })).status).toBe(200);
    expect((await summary(key, { vendor_id: vendorId })).status).toBe(429);
    expect(await quotaUsed(key, "ai-vendor-summary")).toBe(30);
  });
});
