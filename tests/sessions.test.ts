// Member sessions on every endpoint: real Supabase-shaped JWTs signed with the test stack's key
// pair (and a second key pair for forgeries), verified by the functions against the JWKS the
// functions server publishes; roles, organizations, rate limits, /api/me and CORS.
import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { startFunctions } from "../scripts/lib/functions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { jwksOf, newSigningKey } from "../scripts/lib/sessions.ts";
import { api, call, databaseUrl, functionsUrl, sql } from "./helpers.ts";
import { newKey, newOrganization } from "./fixtures/index.ts";
import { issuer, newMember, orgWithOwner, sessionFor, signingKey } from "./sessions-helpers.ts";

async function expectInvalid(token: string, error: string | RegExp, challenge = 'Bearer error="invalid_token"') {
  const res = await api("/dashboard", { key: token });
  expect(res.status).toBe(401);
  expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("www-authenticate")).toBe(challenge);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(["error"]);
  if (typeof error === "string") expect(body.error).toBe(error);
  else expect(body.error).toMatch(error);
}

describe("a member's session", () => {
  it("reads its organization, and only its organization, on every kind of route", async () => {
    const org = await orgWithOwner();
    const other = await newOrganization();
    const member = await newMember(org.id, "member");
    const token = await sessionFor(member);
    const [mine] = await sql`insert into app.properties (organization_id, name) values (${org.id}, 'Mine') returning id`;
    const [theirs] = await sql`insert into app.properties (organization_id, name) values (${other.id}, 'Theirs') returning id`;

    // a hot read (keyedRead: authentication and the read in one statement)
    const dashboard = await call("/dashboard", { key: token });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.organization_id).toBe(org.id);
    expect((await call("/ar-aging", { key: token })).status).toBe(200);
    // an ordinary route
    const list = await call("/properties", { key: token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect((await call(`/properties/${mine.id}`, { key: token })).status).toBe(200);
    expect(await call(`/properties/${theirs.id}`, { key: token })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    // naming another organization does not reach it
    expect(await call("/dashboard", { key: token, headers: { "x-organization-id": other.id } }))
      .toMatchObject({ status: 403, body: { error: `You are not a member of organization ${other.id}.` } });
  });

  it("lets a member write the portfolio but not manage keys or webhooks; an admin manages keys", async () => {
    const org = await orgWithOwner();
    const member = await sessionFor(await newMember(org.id, "member"));
    const admin = await sessionFor(await newMember(org.id, "admin"));

    const created = await call("/properties", { key: member, method: "POST", json: { name: "12 Oak" } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("12 Oak");
    const [row] = await sql`select organization_id from app.properties where id = ${created.body.id}`;
    expect(row.organization_id).toBe(org.id);

    for (const [path, scope] of [["/api-keys", "admin:api_keys"], ["/webhook-endpoints", "admin:webhooks"]]) {
      const refused = await call(path, { key: member });
      expect(refused).toMatchObject({ status: 403, body: { error: `Your role (member) lacks the scope ${scope} required here.` } });
      expect(refused.headers.get("x-request-id")).toBeTruthy();
    }
    expect((await call("/api-keys", { key: member, method: "POST", json: { name: "x", scopes: ["read:dashboard"] } })).status).toBe(403);

    const key = await call("/api-keys", { key: admin, method: "POST", json: { name: "From the page", scopes: ["read:dashboard", "admin:webhooks"] } });
    expect(key.status).toBe(201);
    expect(key.body.key).toMatch(/^apt_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect((await call("/dashboard", { key: key.body.key })).body.organization_id).toBe(org.id);
    expect((await call("/api-keys", { key: admin })).body.data.map((k: { id: string }) => k.id)).toContain(key.body.id);
    expect((await call("/webhook-endpoints", { key: admin })).status).toBe(200);
    expect((await call("/webhook-endpoints", { key: org.token })).status).toBe(200);
    expect((await call(`/api-keys/${key.body.id}/revoke`, { key: org.token, method: "POST" })).body.status).toBe("revoked");
  });

  it("chooses among several organizations with X-Organization-Id", async () => {
    const a = await orgWithOwner();
    const b = await newOrganization();
    await newMember(b.id, "member", a.owner.userId);
    const token = a.token;

    const ambiguous = await call("/dashboard", { key: token });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error).toMatch(/^You belong to several organizations: send X-Organization-Id/);
    expect((await call("/dashboard", { key: token, headers: { "x-organization-id": a.id } })).body.organization_id).toBe(a.id);
    expect((await call("/dashboard", { key: token, headers: { "x-organization-id": b.id } })).body.organization_id).toBe(b.id);
    // the role is the one held in the organization named
    expect((await call("/api-keys", { key: token, headers: { "x-organization-id": a.id } })).status).toBe(200);
    expect((await call("/api-keys", { key: token, headers: { "x-organization-id": b.id } })).status).toBe(403);
    expect(await call("/dashboard", { key: token, headers: { "x-organization-id": "acme" } }))
      .toMatchObject({ status: 400, body: { error: "X-Organization-Id must be an organization id (org_ and 26 characters)." } });
  });

  it("refuses a signed-in user who is a member of no organization", async () => {
    const stranger = await sessionFor({ userId: randomUUID(), email: "nobody@example.test" });
    const res = await call("/dashboard", { key: stranger });
    expect(res).toMatchObject({ status: 403, body: { error: "You are not a member of any organization." } });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("refuses expired, forged, foreign and malformed tokens with 401", async () => {
    const org = await orgWithOwner();
    const owner = org.owner;
    await expectInvalid(await sessionFor(owner, { expiresIn: -10 }), "Session expired: sign in again.");
    // another key pair, publishing no key here; and another key under this key's kid
    const other = await newSigningKey();
    await expectInvalid(await sessionFor(owner, {}, other), "Invalid session token: it is not signed with a key this project publishes.");
    await expectInvalid(await sessionFor(owner, {}, { ...other, kid: signingKey.kid }), "Invalid session token: its signature does not verify.");
    // a token of another project, and a token that is not a user's session
    await expectInvalid(await sessionFor(owner, { issuer: "https://abcdefghijklmnop.supabase.co/auth/v1" }),
      `Invalid session token: it was not issued by this project's Supabase Auth (${issuer}).`);
    await expectInvalid(await sessionFor(owner, { audience: "anon" }), /^Invalid session token: it is not a signed-in user's session/);
    // the legacy shared secret is not accepted unless SUPABASE_JWT_SECRET is set
    const hs256 = await new SignJWT({ email: owner.email, role: "authenticated" }).setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(owner.userId).setAudience("authenticated").setIssuer(issuer).setIssuedAt().setExpirationTime("1h")
      .sign(new TextEncoder().encode("super-secret-jwt-token-with-at-least-32-characters-long"));
    await expectInvalid(hs256, /^Invalid session token: its algorithm is not accepted here \(ES256, RS256; HS256 needs SUPABASE_JWT_SECRET\)\.$/);
    // tampered claims under a genuine signature
    const [header, , signature] = org.token.split(".");
    const payload = Buffer.from(JSON.stringify({ sub: randomUUID(), aud: "authenticated", iss: issuer, exp: 4102444800 })).toString("base64url");
    await expectInvalid(`${header}.${payload}.${signature}`, "Invalid session token: its signature does not verify.");
    // garbage
    await expectInvalid("aaa.bbb.ccc", "Invalid session token: it is not a well-formed signed JWT.");
    await expectInvalid("not-a-token", "Malformed API key: expected Authorization: Bearer apt_<8 characters>_<secret>.", "Bearer");
    // and none of it was charged to anyone
    expect((await call("/dashboard", { key: org.token })).headers.get("ratelimit")).toMatch(/^"minute";r=59;/);
  });

  it("is not remembered past its expiry", async () => {
    const org = await orgWithOwner();
    const token = await sessionFor(org.owner, { expiresIn: 4 });
    expect((await api("/dashboard", { key: token })).status).toBe(200);
    expect((await api("/dashboard", { key: token })).status).toBe(200); // the verified token, remembered
    await new Promise((resolve) => setTimeout(resolve, 4500));
    await expectInvalid(token, "Session expired: sign in again.");
  });

  it("is rate-limited per member with the keys' windows, errors and headers", async () => {
    const org = await orgWithOwner();
    const member = await newMember(org.id, "member");
    const token = await sessionFor(member);
    const ok = await api("/dashboard", { key: token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-policy")).toBe('"hour";q=1000;w=3600, "minute";q=60;w=60');
    expect(ok.headers.get("x-ratelimit-remaining")).toBe("59");

    // The minute's window is used up (as by 59 more requests): refused, and nothing charged.
    await sql`update app.rate_limit_counters set minute_used = minute_limit where member_id = ${member.memberId}`;
    const refused = await api("/properties", { key: token });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("x-request-id")).toBeTruthy();
    expect(await refused.json()).toEqual({ error: `Rate limit exceeded — try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.` });
    const [counter] = await sql`select minute_used, hour_used from app.rate_limit_counters where member_id = ${member.memberId}`;
    expect(counter).toEqual({ minute_used: 60, hour_used: 1 });

    // Per member: the owner of the same organization is not held back, and a new window admits again.
    expect((await api("/dashboard", { key: org.token })).status).toBe(200);
    await sql`update app.rate_limit_counters set minute_window = minute_window - 1 where member_id = ${member.memberId}`;
    expect((await api("/dashboard", { key: token })).status).toBe(200);
  });
});

describe("app.authenticate_batch with keys and sessions together", () => {
  it("answers each in its place, counts sessions per membership, and blocks a blocked address's sessions too", async () => {
    const org = await orgWithOwner();
    const member = await newMember(org.id, "member");
    const key = await newKey(org.id, ["read:dashboard"], { perMinute: 60, perHour: 1000 });
    const stranger = randomUUID();
    const client = `test-${randomUUID()}`;
    const k = { prefix: key.slice(4, 12), hash: createHash("sha256").update(key.slice(13)).digest("hex") };
    // key, member, owner naming the org, stranger, member again, a wrong key
    const requests = [
      { prefix: k.prefix, hash: k.hash, user: null, org: null },
      { prefix: null, hash: null, user: member.userId, org: null },
      { prefix: null, hash: null, user: org.owner.userId, org: org.id },
      { prefix: null, hash: null, user: stranger, org: null },
      { prefix: null, hash: null, user: member.userId, org: org.id },
      { prefix: k.prefix, hash: "00".repeat(32), user: null, org: null },
    ];
    const batch = (scopes: string[], from = client) => sql`
      select n, status, error, organization_id, key_id, member_id, role, minute_remaining from app.authenticate_batch(
        ${requests.map((r) => r.prefix)}::text[],
        array(select decode(h, 'hex') from unnest(${requests.map((r) => r.hash)}::text[]) with ordinality h(h, n) order by n),
        ${requests.map(() => from)}::text[], ${scopes}::text[], null,
        ${requests.map((r) => r.user)}::uuid[], ${requests.map((r) => r.org)}::text[])`;
    const rows = await batch(["read:dashboard"]);
    expect(rows.map((r) => [r.n, r.status, r.role, r.minute_remaining])).toEqual([
      [1, 200, null, 59], [2, 200, "member", 59], [3, 200, "owner", 59], [4, 403, null, null], [5, 200, "member", 58], [6, 401, null, null],
    ]);
    expect(rows[1]).toMatchObject({ organization_id: org.id, member_id: member.memberId, key_id: null });
    expect(rows[0]).toMatchObject({ organization_id: org.id, member_id: null });
    expect(rows[3].error).toBe("You are not a member of any organization.");
    const admin = await batch(["admin:api_keys"]);
    expect(admin.map((r) => r.status)).toEqual([403, 403, 200, 403, 403, 401]);
    expect(admin[1].error).toBe("Your role (member) lacks the scope admin:api_keys required here.");
    // Only the wrong secret counted as a guess (for the address and the key's prefix); once
    // guessing is throttled there, only the guess is refused: sessions and keys are answered as before.
    const [failures] = await sql`select failures from app.auth_failures where source = ${`${client} ${k.prefix}`}`;
    expect(failures.failures).toBe(2);
    await sql`update app.auth_failures set failures = (select failures_per_window from app.auth_settings) where source = ${`${client} ${k.prefix}`}`;
    expect((await batch(["read:dashboard"])).map((r) => r.status)).toEqual([200, 200, 200, 403, 200, 429]);
  });
});

describe("a member's session on the AI helpers", () => {
  it("spends the route's quota per member and replays an Idempotency-Key answer without spending it", async () => {
    const org = await orgWithOwner();
    const member = await newMember(org.id, "member");
    const token = await sessionFor(member);
    const prioritize = (headers: Record<string, string> = {}) =>
      api("/ai-delinquency-prioritizer", { method: "POST", key: token, json: { limit: 5 }, headers });

    const first = await prioritize({ "idempotency-key": "session-run-1" });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-policy")).toContain('"quota:ai-delinquency-prioritizer";q=10;w=3600');
    expect(first.headers.get("x-ratelimit-remaining")).toBe("9");
    const original = await first.text();
    const [stored] = await sql`select member_id, key_id, response_status from app.idempotency_keys where idempotency_key = 'session-run-1'`;
    expect(stored).toEqual({ member_id: member.memberId, key_id: null, response_status: 200 });

    const replay = await prioritize({ "idempotency-key": "session-run-1" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(original);
    const again = await prioritize();
    expect(again.status).toBe(200);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("8");
    // the owner's quota is the owner's own
    const owner = await api("/ai-delinquency-prioritizer", { method: "POST", key: org.token, json: { limit: 5 } });
    expect(owner.headers.get("x-ratelimit-remaining")).toBe("9");
  });
});

describe("the local stack's signing keys", () => {
  it("publishes the public key as a JWKS where Supabase Auth does", async () => {
    const res = await fetch(`${functionsUrl}/auth/v1/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const jwks = await res.json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: signingKey.kid });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    expect(issuer).toBe(`${functionsUrl}/auth/v1`);
  });
});

describe("GET /api/me", () => {
  it("describes an API key", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard", "read:tenants"]);
    const [row] = await sql`select id, name, prefix from app.api_keys where prefix = ${key.slice(4, 12)}`;
    const [o] = await sql`select name from app.organizations where id = ${org.id}`;
    const me = await call("/me", { key });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      type: "api_key", organization: { id: org.id, name: o.name }, role: null, scopes: ["read:dashboard", "read:tenants"],
      user: null, key: { id: row.id, prefix: row.prefix, name: row.name }, organizations: [{ id: org.id, name: o.name, role: null }],
    });
    expect(me.headers.get("ratelimit-policy")).toBeTruthy();
  });

  it("describes a member's session, its role's scopes and every organization; with several and none named, lets them choose", async () => {
    const a = await orgWithOwner();
    const [{ name: aName }] = await sql`select name from app.organizations where id = ${a.id}`;
    const [{ scopes: all }] = await sql`select array_agg(name order by name) as scopes from app.scopes`;
    const member = await newMember(a.id, "member");
    const me = await call("/me", { key: await sessionFor(member) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      type: "member", organization: { id: a.id, name: aName }, role: "member",
      user: { id: member.userId, email: member.email }, key: null, organizations: [{ id: a.id, name: aName, role: "member" }],
    });
    expect(me.body.scopes).toEqual(all.filter((s: string) => !s.startsWith("admin:")));
    expect((await call("/me", { key: a.token })).body.scopes).toEqual(all);

    const b = await newOrganization();
    await newMember(b.id, "admin", a.owner.userId);
    const choose = await call("/me", { key: a.token });
    expect(choose.status).toBe(200);
    expect(choose.body).toMatchObject({ type: "member", organization: null, role: null, scopes: [], user: { id: a.owner.userId } });
    expect(choose.body.organizations.map((o: { id: string; role: string }) => [o.id, o.role]).sort())
      .toEqual([[a.id, "owner"], [b.id, "admin"]].sort());
    expect((await call("/me", { key: a.token, headers: { "x-organization-id": b.id } })).body).toMatchObject({ organization: { id: b.id }, role: "admin" });
    expect((await call("/me")).status).toBe(401);
  });
});

describe("CORS", () => {
  it("answers a preflight without credentials and marks answers readable by the page", async () => {
    const preflight = await api("/dashboard", {
      method: "OPTIONS",
      headers: { origin: "https://app.example.test", "access-control-request-method": "GET", "access-control-request-headers": "authorization, x-organization-id" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization, Content-Type, Idempotency-Key, X-Organization-Id/);
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/GET.*POST.*PATCH.*DELETE/);

    const org = await orgWithOwner();
    for (const key of [org.token, "apt_nokey000_" + "x".repeat(43)]) {
      const res = await api("/dashboard", { key, headers: { origin: "https://app.example.test" } });
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id, Retry-After, RateLimit, RateLimit-Policy/);
    }
  });
});

describe("settings: SUPABASE_JWT_SECRET, SUPABASE_JWT_ISSUER, CORS_ORIGINS", () => {
  it("accepts legacy HS256 sessions with the secret, checks the issuer named, and allows only the origins listed", async () => {
    const secret = "legacy-jwt-secret-of-at-least-32-characters";
    const projectIssuer = "https://project-ref.supabase.co/auth/v1";
    const port = await freePort();
    const server = await startFunctions({
      port, log: () => {},
      env: {
        FUNCTIONS_ONLY: "dashboard,health", SUPABASE_URL: `http://127.0.0.1:${port}`, SUPABASE_DB_URL: databaseUrl,
        LOCAL_AUTH_JWKS: JSON.stringify(jwksOf(signingKey)), SUPABASE_JWT_SECRET: secret, SUPABASE_JWT_ISSUER: projectIssuer,
        CORS_ORIGINS: "https://app.example.test, https://admin.example.test",
      },
    });
    try {
      const org = await orgWithOwner();
      const get = (token: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}/api/dashboard`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      const hs256 = (iss: string) => new SignJWT({ email: org.owner.email, role: "authenticated" }).setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(org.owner.userId).setAudience("authenticated").setIssuer(iss).setIssuedAt().setExpirationTime("1h")
        .sign(new TextEncoder().encode(secret));

      expect((await get(await hs256(projectIssuer))).status).toBe(200);
      expect((await get(await hs256(issuer))).status).toBe(401);
      // ES256 from the JWKS still, under the issuer named
      expect((await get(await sessionFor(org.owner, { issuer: projectIssuer }))).status).toBe(200);
      const wrongSecret = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject(org.owner.userId).setAudience("authenticated")
        .setIssuer(projectIssuer).setExpirationTime("1h").sign(new TextEncoder().encode("another-secret-of-at-least-32-characters!"));
      expect(await (await get(wrongSecret)).json()).toEqual({ error: "Invalid session token: its signature does not verify." });

      const token = await hs256(projectIssuer);
      const listed = await get(token, { origin: "https://admin.example.test" });
      expect(listed.headers.get("access-control-allow-origin")).toBe("https://admin.example.test");
      expect(listed.headers.get("vary")).toMatch(/Origin/);
      const unlisted = await get(token, { origin: "https://evil.example.test" });
      expect(unlisted.status).toBe(200);
      expect(unlisted.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(`${server.url}/api/dashboard`, {
        method: "OPTIONS", headers: { origin: "https://evil.example.test", "access-control-request-method": "GET" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it("answers 503, not 500, while the project's signing keys cannot be fetched", async () => {
    const port = await freePort();
    const nowhere = await freePort();
    const server = await startFunctions({
      port, log: () => {},
      env: { FUNCTIONS_ONLY: "dashboard,health", SUPABASE_URL: `http://127.0.0.1:${nowhere}`, SUPABASE_DB_URL: databaseUrl },
    });
    try {
      const org = await orgWithOwner();
      const res = await fetch(`${server.url}/api/dashboard`, {
        headers: { authorization: `Bearer ${await sessionFor(org.owner, { issuer: `http://127.0.0.1:${nowhere}/auth/v1` })}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error).toMatch(/^Sessions cannot be verified right now/);
    } finally {
      await server.stop();
    }
  });
});
