// A key creates and revokes only keys no stronger than itself (scopes, limits, expiry), and an
// organization holds at most organizations.max_api_keys active keys (issue 18).
import { describe, expect, it } from "vitest";
import { newKey, newOrganization } from "./fixtures/index.ts";
import { call, sql } from "./helpers.ts";
import { orgWithOwner } from "./sessions-helpers.ts";

const inAnHour = () => new Date(Date.now() + 3600_000);
const create = (key: string, json: Record<string, unknown>) =>
  call("/api-keys", { key, method: "POST", json: { name: "child", ...json } });
const revoke = (key: string, id: string) => call(`/api-keys/${id}/revoke`, { key, method: "POST" });
const idOf = async (key: string) =>
  (await sql<{ id: string }[]>`select id from app.api_keys where prefix = ${key.slice(4, 12)}`)[0].id;

describe("a key creating a key", () => {
  it("is refused a child with higher limits or a later (or no) expiry, naming what is too strong", async () => {
    const org = await newOrganization();
    const expiresAt = inAnHour();
    const parent = await newKey(org.id, ["admin:api_keys", "read:dashboard"], { perMinute: 5, perHour: 50, expiresAt });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ scopes: ["read:dashboard"], rate_per_minute: 100000 }, /rate_per_minute 100000 \(this key has 5\)/],
      [{ scopes: ["read:dashboard"], rate_per_hour: 1000000 }, /rate_per_hour 1000000 \(this key has 50\)/],
      [{ scopes: ["read:dashboard"], expires_at: new Date(expiresAt.getTime() + 86400_000).toISOString() }, /expires_at .*this key expires at/],
      [{ scopes: ["read:payments"] }, /lacks read:payments/],
    ];
    for (const [json, message] of cases) {
      const res = await create(parent, json);
      expect(res.status, JSON.stringify(json)).toBe(403);
      expect(res.body.error).toMatch(message);
    }
    expect((await sql`select count(*)::int as n from app.api_keys where organization_id = ${org.id}`)[0].n).toBe(1);
  });

  it("creates a child within its limits; an omitted expiry or limit is at most the parent's", async () => {
    const org = await newOrganization();
    const expiresAt = inAnHour();
    const parent = await newKey(org.id, ["admin:api_keys", "read:dashboard"], { perMinute: 5, perHour: 50, expiresAt });
    const inherited = await create(parent, { scopes: ["read:dashboard"] });
    expect(inherited.status).toBe(201);
    expect(inherited.body).toMatchObject({ rate_per_minute: 5, rate_per_hour: 50 });
    expect(Date.parse(inherited.body.expires_at)).toBe(expiresAt.getTime());
    const equal = await create(parent, { scopes: ["admin:api_keys", "read:dashboard"], rate_per_minute: 5, rate_per_hour: 50,
      expires_at: expiresAt.toISOString() });
    expect(equal.status).toBe(201);
    const weaker = await create(parent, { scopes: ["read:dashboard"], rate_per_minute: 2, expires_at: new Date(Date.now() + 600_000).toISOString() });
    expect(weaker.status).toBe(201);
    // the inherited expiry is real: once the parent's hour is over, the child no longer authenticates
    await sql`update app.api_keys set expires_at = now() - interval '1 second' where id = ${inherited.body.id}`;
    expect((await call("/dashboard", { key: inherited.body.key })).status).toBe(401);
  });

  it("a key without expiry may give its child one, and the default limits stay below a lower parent's", async () => {
    const org = await newOrganization();
    const parent = await newKey(org.id, ["admin:api_keys", "read:dashboard"], { perMinute: 1000, perHour: 100000 });
    const child = await create(parent, { scopes: ["read:dashboard"], expires_at: inAnHour().toISOString() });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ rate_per_minute: 60, rate_per_hour: 1000 });
    const forever = await create(parent, { scopes: ["read:dashboard"] });
    expect(forever.body.expires_at).toBeNull();
  });
});

describe("a key revoking a key", () => {
  it("is refused a stronger key (scopes, limits or expiry) and revokes one no stronger, itself included", async () => {
    const org = await newOrganization();
    const admin = await newKey(org.id, ["admin:api_keys"], { perMinute: 60, perHour: 1000, expiresAt: inAnHour() });
    const allScopes = await newKey(org.id);
    const faster = await newKey(org.id, ["admin:api_keys"], { perMinute: 61, perHour: 1000, expiresAt: inAnHour() });
    const eternal = await newKey(org.id, ["admin:api_keys"], { perMinute: 60, perHour: 1000 });
    for (const [target, message] of [[allScopes, /scopes .*read:dashboard/], [faster, /rate_per_minute 61 \(this key has 60\)/],
      [eternal, /expires_at never/]] as const) {
      const res = await revoke(admin, await idOf(target));
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/^A key can only revoke keys no stronger than itself/);
      expect(res.body.error).toMatch(message);
    }
    expect((await sql`select count(*)::int as n from app.api_keys where organization_id = ${org.id} and revoked_at is not null`)[0].n).toBe(0);
    const weaker = await newKey(org.id, ["admin:api_keys"], { perMinute: 10, perHour: 100, expiresAt: new Date(Date.now() + 60_000) });
    expect((await revoke(admin, await idOf(weaker))).body.status).toBe("revoked");
    expect((await revoke(admin, await idOf(admin))).body.status).toBe("revoked");
  });

  it("an owner's session revokes any key and creates keys with any limits", async () => {
    const org = await orgWithOwner();
    const allScopes = await newKey(org.id);
    expect((await revoke(org.token, await idOf(allScopes))).body.status).toBe("revoked");
    const big = await create(org.token, { scopes: ["read:dashboard"], rate_per_minute: 100000, rate_per_hour: 1000000 });
    expect(big.status).toBe(201);
    expect(big.body).toMatchObject({ rate_per_minute: 100000, rate_per_hour: 1000000, expires_at: null });
  });
});

describe("the cap on an organization's keys", () => {
  it("refuses a key beyond max_api_keys active keys with a 409; revoked and expired keys do not count", async () => {
    const org = await newOrganization();
    await sql`update app.organizations set max_api_keys = 3 where id = ${org.id}`;
    const admin = await newKey(org.id, ["admin:api_keys", "read:dashboard"]);
    const revoked = await newKey(org.id, ["read:dashboard"]);
    await sql`update app.api_keys set revoked_at = now() where id = ${await idOf(revoked)}`;
    const expired = await newKey(org.id, ["read:dashboard"]);
    await sql`update app.api_keys set expires_at = now() - interval '1 second' where id = ${await idOf(expired)}`;
    expect((await create(admin, { scopes: ["read:dashboard"] })).status).toBe(201);
    expect((await create(admin, { scopes: ["read:dashboard"] })).status).toBe(201);
    const third = await create(admin, { scopes: ["read:dashboard"] });
    expect(third.status).toBe(409);
    expect(third.body.error).toBe("This organization already has 3 active API keys, its maximum: revoke one first.");
    // revoking one makes room again
    const [{ id }] = await sql<{ id: string }[]>`
      select id from app.api_keys where organization_id = ${org.id} and revoked_at is null and name = 'child' limit 1`;
    expect((await revoke(admin, id)).status).toBe(200);
    expect((await create(admin, { scopes: ["read:dashboard"] })).status).toBe(201);
  });

  it("defaults to 100 per organization", async () => {
    const org = await newOrganization();
    expect((await sql`select max_api_keys from app.organizations where id = ${org.id}`)[0].max_api_keys).toBe(100);
  });
});
