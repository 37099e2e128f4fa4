// API keys, scopes, per-key rate limits and guessing protection, over real HTTP.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { api, call, rawRequest, sql, startNextMinuteWindow } from "./helpers.ts";
import { newKey, newOrganization, newTenantOrg } from "./fixtures/index.ts";

/**
 * Runs `burst` (which makes its own key) again until it ran within one clock minute, so that
 * one per-minute window counted all of it.
 */
async function withinOneMinute<T>(burst: () => Promise<T>): Promise<T> {
  for (;;) {
    const minute = Math.floor(Date.now() / 60_000);
    const result = await burst();
    if (Math.floor(Date.now() / 60_000) === minute) return result;
  }
}

async function expectError(res: Response, status: number, message: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(message);
}

describe("authentication", () => {
  it("401s a request without a key", async () => {
    const res = await api("/dashboard");
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    await expectError(res, 401, /Missing API key/);
  });

  it("401s malformed keys and authorization headers", async () => {
    const { key } = await newTenantOrg(["read:dashboard"]);
    for (const header of [
      "Bearer", "Basic dXNlcjpwYXNz", `Token ${key}`, "Bearer apt_short_abc", `Bearer ${key}x`, `Bearer ${key.slice(0, -1)}`,
      `Bearer ${key.toUpperCase()}`, `Bearer ${key} extra`, `Bearer ${"a".repeat(8000)}`,
    ]) {
      await expectError(await api("/dashboard", { headers: { authorization: header } }), 401, /Malformed API key/);
    }
  });

  it("401s an unknown key, a wrong secret, a revoked and an expired key, saying which", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard"]);
    const prefix = key.slice(0, 13);
    await expectError(await api("/dashboard", { key: `apt_zzzzzzzz_${"A".repeat(43)}` }), 401, /^Invalid API key\.$/);
    await expectError(await api("/dashboard", { key: `${prefix}${"B".repeat(43)}` }), 401, /^Invalid API key\.$/);

    const revoked = await newKey(org.id, ["read:dashboard"]);
    await sql`update app.api_keys set revoked_at = now() where prefix = ${revoked.slice(4, 12)}`;
    await expectError(await api("/dashboard", { key: revoked }), 401, /revoked/);

    const expired = await newKey(org.id, ["read:dashboard"], { expiresAt: new Date(Date.now() + 60_000) });
    expect((await api("/dashboard", { key: expired })).status).toBe(200);
    await sql`update app.api_keys set expires_at = now() - interval '1 second' where prefix = ${expired.slice(4, 12)}`;
    await expectError(await api("/dashboard", { key: expired }), 401, /expired/);
  });

  it("stores only a SHA-256 of the secret, found by the key's prefix", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard"]);
    expect(key).toMatch(/^apt_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    const [row] = await sql`select secret_hash, encode(sha256(convert_to(${key.slice(13)}, 'UTF8')), 'hex') as expected,
      encode(secret_hash, 'hex') as stored from app.api_keys where prefix = ${key.slice(4, 12)}`;
    expect(row.stored).toBe(row.expected);
    const [{ found }] = await sql`select count(*)::int as found from app.api_keys k
      where k::text like ${"%" + key.slice(13) + "%"}`;
    expect(found).toBe(0);
  });

  it("keeps last_used_at current", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard"]);
    const [before] = await sql`select last_used_at from app.api_keys where prefix = ${key.slice(4, 12)}`;
    expect(before.last_used_at).toBeNull();
    expect((await api("/dashboard", { key })).status).toBe(200);
    const [after] = await sql`select last_used_at from app.api_keys where prefix = ${key.slice(4, 12)}`;
    expect(Date.now() - after.last_used_at.getTime()).toBeLessThan(10_000);
  });
});

describe("scopes", () => {
  it("403s a key that lacks the route's scope, naming the scope", async () => {
    const { key } = await newTenantOrg(["read:tenants", "write:work_orders"]);
    const res = await api("/dashboard", { key });
    expect(res.headers.get("ratelimit-policy")).toBeTruthy();
    await expectError(res, 403, /lacks the scope read:dashboard/);
  });

  it("lets a key with the scope through", async () => {
    const { id, key } = await newTenantOrg(["read:dashboard"]);
    const { status, body } = await call("/dashboard", { key });
    expect(status).toBe(200);
    expect(body.organization_id).toBe(id);
  });

  it("are exactly the ones some endpoint requires: a scope that guards nothing is not offered", async () => {
    const required = new Set<string>();
    for (const dir of readdirSync("supabase/functions")) {
      const index = `supabase/functions/${dir}/index.ts`;
      if (!existsSync(index)) continue;
      for (const m of readFileSync(index, "utf8").matchAll(/"((?:read|write|ai|admin):[a-z_]+)"/g)) required.add(m[1]);
    }
    const catalogue = await sql<{ name: string }[]>`select name from app.scopes order by name`;
    expect(catalogue.map((s) => s.name)).toEqual([...required].sort());
    const { key } = await newTenantOrg(["admin:api_keys"]);
    const listed = await call("/api-keys/scopes", { key });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toMatch(/reports|write:dashboard/);
  });
});

describe("rate limits", () => {
  it("sends RateLimit-Policy, RateLimit and X-RateLimit-* on authenticated responses", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard"], { perMinute: 60, perHour: 1000 });
    const res = await api("/dashboard", { key });
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-policy")).toBe('"hour";q=1000;w=3600, "minute";q=60;w=60');
    expect(res.headers.get("ratelimit")).toMatch(/^"minute";r=59;t=\d+$/);
    expect(res.headers.get("x-ratelimit-limit")).toBe("60");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("59");
    const reset = Number(res.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
  });

  it("admits exactly N of 3N parallel requests for a key limited to N per minute", async () => {
    const N = 8;
    const org = await newOrganization();
    // A burst across a minute boundary is counted in two windows: one is sent again, with a new key.
    const responses = await withinOneMinute(async () => {
      const key = await newKey(org.id, ["read:dashboard"], { perMinute: N, perHour: 1000 });
      return Promise.all(Array.from({ length: 3 * N }, () => api("/dashboard", { key })));
    });
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(N);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * N);
    for (const res of responses.filter((r) => r.status === 429)) {
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = await res.json();
      expect(body).toEqual({ error: `Rate limit exceeded — try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.` });
    }
  });

  it("admits a request sent at the moment Retry-After names", async () => {
    const org = await newOrganization();
    const { key, refused, sentAt, answeredAt } = await withinOneMinute(async () => {
      const key = await newKey(org.id, ["read:dashboard"], { perMinute: 2, perHour: 1000 });
      await api("/dashboard", { key });
      await api("/dashboard", { key });
      const sentAt = Date.now() / 1000;
      const refused = await api("/dashboard", { key });
      return { key, refused, sentAt, answeredAt: Date.now() / 1000 };
    });
    expect(refused.status).toBe(429);
    // Retry-After is the whole seconds until the next clock minute, when the window starts again
    // (the request was decided between sentAt and answeredAt).
    const retryAfter = Number(refused.headers.get("retry-after"));
    const nextMinute = (Math.floor(sentAt / 60) + 1) * 60;
    expect(retryAfter).toBeGreaterThanOrEqual(nextMinute - answeredAt);
    expect(retryAfter).toBeLessThan(nextMinute - sentAt + 1);
    // Still refused before that moment...
    expect((await api("/dashboard", { key })).status).toBe(429);
    // ...and admitted once it has come (the counters moved a window back, instead of waiting for it).
    await startNextMinuteWindow(key);
    expect((await api("/dashboard", { key })).status).toBe(200);
  });

  it("applies the hourly limit too, and refused requests consume nothing", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard"], { perMinute: 100, perHour: 3 });
    for (let i = 0; i < 3; i++) expect((await api("/dashboard", { key })).status).toBe(200);
    const refused = await api("/dashboard", { key });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    const [row] = await sql`select c.hour_used from app.rate_limit_counters c join app.api_keys k on k.id = c.key_id
      where k.prefix = ${key.slice(4, 12)}`;
    expect(row.hour_used).toBe(3);
  });

  it("throttles guessing from an address, and still admits a correct key from it", async () => {
    const org = await newOrganization();
    const good = await newKey(org.id, ["read:dashboard"]);
    const [{ failures_per_window }] = await sql`select failures_per_window from app.auth_settings`;
    const from = `127.0.0.${100 + Math.floor(Math.random() * 100)}`;
    const unknown = { authorization: `Bearer apt_nokey000_${"x".repeat(43)}` };
    for (let i = 0; i < failures_per_window; i++) {
      expect((await rawRequest("/api/dashboard", { headers: unknown, localAddress: from })).status).toBe(401);
    }
    const throttled = await rawRequest("/api/dashboard", { headers: unknown, localAddress: from });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(throttled.body).error).toMatch(/Too many failed authentication attempts/);
    // Everyone behind a shared address (a reverse proxy) keeps working: a correct key is admitted,
    // and a revoked one is told so (its holder proved the secret: not a guess).
    expect((await rawRequest("/api/dashboard", { headers: { authorization: `Bearer ${good}` }, localAddress: from })).status).toBe(200);
    const revoked = await newKey(org.id, ["read:dashboard"]);
    await sql`update app.api_keys set revoked_at = now() where prefix = ${revoked.slice(4, 12)}`;
    const told = await rawRequest("/api/dashboard", { headers: { authorization: `Bearer ${revoked}` }, localAddress: from });
    expect([told.status, JSON.parse(told.body).error]).toEqual([401, "This API key has been revoked."]);
    // A forged X-Forwarded-For or CF-Connecting-IP does not move a guess to another address.
    for (const forged of [{ "x-forwarded-for": "203.0.113.9" }, { "cf-connecting-ip": "203.0.113.9" }] as Record<string, string>[]) {
      expect((await rawRequest("/api/dashboard", { headers: { ...unknown, ...forged }, localAddress: from })).status).toBe(429);
    }
    // Other addresses are unaffected.
    expect((await rawRequest("/api/dashboard", { headers: unknown, localAddress: "127.0.0.2" })).status).toBe(401);
  });

  it("throttles guessing one key's secret by address and prefix, apart from the address's other guesses", async () => {
    const org = await newOrganization();
    const good = await newKey(org.id, ["read:dashboard"]);
    const prefix = good.slice(4, 12);
    const [{ failures_per_window }] = await sql`select failures_per_window from app.auth_settings`;
    const from = `127.0.1.${100 + Math.floor(Math.random() * 100)}`;
    const wrong = { authorization: `Bearer apt_${prefix}_${"w".repeat(43)}` };
    for (let i = 0; i < failures_per_window; i++) {
      expect((await rawRequest("/api/dashboard", { headers: wrong, localAddress: from })).status).toBe(401);
    }
    expect((await rawRequest("/api/dashboard", { headers: wrong, localAddress: from })).status).toBe(429);
    const [row] = await sql`select failures from app.auth_failures where source = ${`${from} ${prefix}`}`;
    expect(row.failures).toBe(failures_per_window);
    // the key itself still works from there; an unknown key from the same address is judged on its own count
    expect((await rawRequest("/api/dashboard", { headers: { authorization: `Bearer ${good}` }, localAddress: from })).status).toBe(200);
    expect((await rawRequest("/api/dashboard", { headers: { authorization: `Bearer apt_nokey000_${"x".repeat(43)}` }, localAddress: from })).status)
      .toBe(401);
  });
});

describe("isolation between organizations", () => {
  it("shows a key only its own organization's numbers and keys", async () => {
    const a = await newTenantOrg();
    const b = await newTenantOrg();
    expect((await call("/dashboard", { key: a.key })).body.organization_id).toBe(a.id);
    expect((await call("/dashboard", { key: b.key })).body.organization_id).toBe(b.id);

    const [bKey] = await sql`select id from app.api_keys where organization_id = ${b.id}`;
    const foreign = await call(`/api-keys/${bKey.id}`, { key: a.key });
    const absent = await call(`/api-keys/key_01ZZZZZZZZZZZZZZZZZZZZZZZZ`, { key: a.key });
    expect(foreign).toMatchObject({ status: 404, body: { error: "API key not found." } });
    expect(absent).toMatchObject({ status: 404, body: { error: "API key not found." } });
    expect((await call(`/api-keys/${bKey.id}/revoke`, { key: a.key, method: "POST" })).status).toBe(404);
    const list = await call("/api-keys", { key: a.key });
    expect(list.body.data.map((k: { id: string }) => k.id)).not.toContain(bKey.id);
    expect(list.body.data.length).toBe(1);
  });
});

describe("the api-keys function", () => {
  it("creates a key shown once, lists it without the secret, and revokes it", async () => {
    const { key } = await newTenantOrg(["admin:api_keys", "read:dashboard", "read:payments"]);
    const created = await call("/api-keys", { key, method: "POST", json: { name: "Accounting sync", scopes: ["read:payments", "read:dashboard"] } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^apt_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: "Accounting sync", scopes: ["read:dashboard", "read:payments"], status: "active", rate_per_minute: 60, rate_per_hour: 1000 });
    expect(created.body.prefix).toBe(created.body.key.slice(0, 12));

    expect((await api("/dashboard", { key: created.body.key })).status).toBe(200);
    const got = await call(`/api-keys/${created.body.id}`, { key });
    expect(got.body.last_used_at).not.toBeNull();
    const listed = await api("/api-keys", { key });
    const text = await listed.text();
    expect(text).not.toContain(created.body.key.slice(13));
    expect(JSON.parse(text).data.map((k: { id: string }) => k.id)).toContain(created.body.id);

    const revoked = await call(`/api-keys/${created.body.id}/revoke`, { key, method: "POST" });
    expect(revoked.body.status).toBe("revoked");
    await expectError(await api("/dashboard", { key: created.body.key }), 401, /revoked/);
    const again = await call(`/api-keys/${created.body.id}/revoke`, { key, method: "POST" });
    expect(again).toMatchObject({ status: 409, body: { error: "This API key is already revoked." } });
  });

  it("never grants a scope the creating key lacks, and rejects unknown scopes", async () => {
    const { key } = await newTenantOrg(["admin:api_keys", "read:dashboard"]);
    const escalate = await call("/api-keys", { key, method: "POST", json: { name: "x", scopes: ["admin:webhooks"] } });
    expect(escalate).toMatchObject({ status: 403, body: { error: expect.stringMatching(/lacks admin:webhooks/) } });
    const unknown = await call("/api-keys", { key, method: "POST", json: { name: "x", scopes: ["read:everything"] } });
    expect(unknown).toMatchObject({ status: 400, body: { error: "Unknown scope: read:everything." } });
  });

  it("answers bad input with a clear 4xx JSON error", async () => {
    const { key } = await newTenantOrg(["admin:api_keys"]);
    const cases: [{ body: string; headers?: Record<string, string> }, number, RegExp][] = [
      [{ body: "{not json", headers: { "content-type": "application/json" } }, 400, /not valid JSON/],
      [{ body: JSON.stringify({ name: "x", scopes: ["read:dashboard"] }), headers: { "content-type": "text/plain" } }, 415, /Content-Type: application\/json/],
      [{ body: JSON.stringify({ name: "x", scopes: ["read:dashboard"] }) }, 415, /Content-Type/],
      [{ body: JSON.stringify({ name: "x", scopes: ["read:dashboard"], admin: true, role: "root" }), headers: { "content-type": "application/json" } }, 400, /Unknown fields: admin, role/],
      [{ body: JSON.stringify({ name: "", scopes: [] }), headers: { "content-type": "application/json" } }, 400, /name .*scopes /],
      [{ body: JSON.stringify([1, 2]), headers: { "content-type": "application/json" } }, 400, /The body must be a JSON object\./],
      [{ body: "x".repeat(1_100_000), headers: { "content-type": "application/json" } }, 413, /larger than/],
      [{ body: JSON.stringify({ name: "x", scopes: ["read:dashboard"], expires_at: "tomorrow" }), headers: { "content-type": "application/json" } }, 400, /expires_at/],
    ];
    for (const [init, status, message] of cases) {
      const res = await api("/api-keys", { ...init, key, method: "POST" });
      await expectError(res, status, message);
    }
    await expectError(await api("/api-keys?limit=5000", { key }), 400, /limit/);
    await expectError(await api("/api-keys?colour=blue", { key }), 400, /Unknown parameter: colour/);
    await expectError(await api("/api-keys/not-a-key-id", { key }), 404, /API key not found/);
  });

  it("survives huge headers without a 500", async () => {
    const { key } = await newTenantOrg(["read:dashboard"]);
    const res = await rawRequest("/api/dashboard", { headers: { authorization: `Bearer ${key}`, "x-junk": "y".repeat(60_000) } });
    expect(res.status).toBeLessThan(500);
  });
});
