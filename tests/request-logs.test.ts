// The request log (issue 22): every request's JSON line on the function's stdout, the
// organization's entries in app.request_logs through GET /api/request-logs, support's view,
// and retention.
import { describe, expect, it, vi } from "vitest";
import { startFunctions } from "../scripts/lib/functions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { newKey, newOrganization, newTenantOrg } from "./fixtures/index.ts";
import { call, databaseUrl, functionsUrl, schedulerSecret, sql } from "./helpers.ts";
import { newMember, orgWithOwner, sessionFor } from "./sessions-helpers.ts";

const keyIdOf = async (key: string) =>
  (await sql<{ id: string }[]>`select id from app.api_keys where prefix = ${key.split("_")[1]}`)[0].id;

/** The organization's entries for one request id, polled until the batch holding it is written. */
async function entryFor(adminKey: string, requestId: string) {
  return await vi.waitFor(async () => {
    const res = await call(`/request-logs/${requestId}`, { key: adminKey });
    expect(res.status).toBe(200);
    return res.body;
  }, { timeout: 10_000, interval: 100 });
}

describe("GET /api/request-logs", () => {
  it("logs a 201, a 403, a 404 and a 429 with their key, route and status; the X-Request-Id finds each", async () => {
    const org = await newOrganization();
    const admin = await newKey(org.id, ["admin:api_keys"]);
    const writer = await newKey(org.id, ["write:properties", "read:properties"]);
    const readOnly = await newKey(org.id, ["read:tenants"]);
    const limited = await newKey(org.id, ["read:properties"], { perMinute: 1 });

    const created = await call("/properties", { key: writer, method: "POST", json: { name: "12 Log Lane", city: "Duluth", state: "MN" } });
    expect(created.status).toBe(201);
    const forbidden = await call("/properties", { key: readOnly });
    expect(forbidden.status).toBe(403);
    const missing = await call("/properties/prop_01ZZZZZZZZZZZZZZZZZZZZZZZZ", { key: writer });
    expect(missing.status).toBe(404);
    expect((await call("/properties", { key: limited })).status).toBe(200);
    const throttled = await call("/properties", { key: limited });
    expect(throttled.status).toBe(429);

    const expected = [
      { res: created, key: writer, method: "POST", route: "/api/properties", status: 201, error: null },
      { res: forbidden, key: readOnly, method: "GET", route: "/api/properties", status: 403, error: forbidden.body.error },
      { res: missing, key: writer, method: "GET", route: "/api/properties/:id", status: 404, error: missing.body.error },
      { res: throttled, key: limited, method: "GET", route: "/api/properties", status: 429, error: throttled.body.error },
    ];
    for (const e of expected) {
      const requestId = e.res.headers.get("x-request-id")!;
      expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
      const entry = await entryFor(admin, requestId);
      expect(entry).toMatchObject({
        object: "request_log", request_id: requestId, key_id: await keyIdOf(e.key), member_id: null,
        method: e.method, route: e.route, status: e.status, error: e.error,
      });
      expect(entry.id).toMatch(/^log_[0-9A-HJKMNP-TV-Z]{26}$/);
      // the id's time part is the arrival, to the millisecond (the time filters rely on it)
      const idMs = [...entry.id.slice(4, 14)].reduce((t: number, ch: string) => t * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(ch), 0);
      expect(idMs).toBe(Date.parse(entry.created_at));
      expect(entry.duration_ms).toBeGreaterThanOrEqual(0);
      expect(Date.now() - Date.parse(entry.created_at)).toBeLessThan(60_000);
    }
    expect(JSON.stringify(await sql`select * from app.request_logs where organization_id = ${org.id}`)).not.toContain("12 Log Lane");

    // filters: status class, exact status, key, route, request id
    const list = async (query: string) => {
      const res = await call(`/request-logs?${query}`, { key: admin });
      expect(res.status).toBe(200);
      return res.body.data as { request_id: string; status: number }[];
    };
    const ids = (rows: { request_id: string }[]) => rows.map((r) => r.request_id);
    const idOf = (r: { headers: Headers }) => r.headers.get("x-request-id")!;
    expect(ids(await list("status=4xx"))).toEqual(expect.arrayContaining([idOf(forbidden), idOf(missing), idOf(throttled)]));
    expect((await list("status=4xx")).every((r) => r.status >= 400 && r.status < 500)).toBe(true);
    expect(ids(await list("status=2xx"))).toContain(idOf(created));
    expect(ids(await list("status=2xx"))).not.toContain(idOf(missing));
    expect(ids(await list("status=429"))).toEqual([idOf(throttled)]);
    expect(ids(await list(`key_id=${await keyIdOf(limited)}`))).toEqual([idOf(throttled), expect.any(String)]);
    expect(ids(await list(`route=${encodeURIComponent("/api/properties/:id")}`))).toEqual([idOf(missing)]);
    expect(ids(await list(`request_id=${idOf(created)}`))).toEqual([idOf(created)]);
    expect(ids(await list(`key_id=${await keyIdOf(writer)}&method=POST`))).toEqual([idOf(created)]);
  });

  it("answers newest first, page by page, within a time range", async () => {
    const org = await newOrganization();
    const admin = await newKey(org.id, ["admin:api_keys"]);
    const key = await newKey(org.id, ["read:properties"]);
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await call("/properties", { key })).headers.get("x-request-id")!);
    await entryFor(admin, sent[4]);
    await entryFor(admin, sent[0]);

    const keyId = await keyIdOf(key);
    const first = await call(`/request-logs?key_id=${keyId}&limit=3`, { key: admin });
    expect(first.body.data.map((e: { request_id: string }) => e.request_id)).toEqual([sent[4], sent[3], sent[2]]);
    expect(first.body.has_more).toBe(true);
    expect(first.body.next_url).toBe(`/api/request-logs?key_id=${keyId}&limit=3&cursor=${first.body.next_cursor}`);
    const second = await call(first.body.next_url.replace(/^\/api/, ""), { key: admin });
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null, next_url: null });
    expect(second.body.data.map((e: { request_id: string }) => e.request_id)).toEqual([sent[1], sent[0]]);

    const all = [...first.body.data, ...second.body.data] as { request_id: string; created_at: string }[];
    const since = all[3].created_at; // the second request's arrival
    const until = new Date(Date.parse(all[1].created_at) + 1).toISOString(); // just after the fourth's
    const range = await call(`/request-logs?key_id=${keyId}&since=${since}&until=${until}`, { key: admin });
    const inRange = all.filter((e) => Date.parse(e.created_at) >= Date.parse(since) && Date.parse(e.created_at) < Date.parse(until));
    expect(range.body.data.map((e: { request_id: string }) => e.request_id)).toEqual(inRange.map((e) => e.request_id));
    expect(inRange.map((e) => e.request_id)).toEqual(expect.arrayContaining([sent[3], sent[2], sent[1]]));
  });

  it("never shows another organization's requests", async () => {
    const a = await newTenantOrg();
    const b = await newTenantOrg();
    const res = await call("/properties", { key: a.key });
    const requestId = res.headers.get("x-request-id")!;
    await entryFor(a.key, requestId);

    const other = await call(`/request-logs/${requestId}`, { key: b.key });
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ error: "Request not found." });
    const listed = await call(`/request-logs?request_id=${requestId}`, { key: b.key });
    expect(listed.body.data).toEqual([]);
    await entryFor(b.key, (await call("/properties", { key: b.key })).headers.get("x-request-id")!);
    const everything = await call("/request-logs?limit=200", { key: b.key });
    const keys = new Set((everything.body.data as { key_id: string }[]).map((e) => e.key_id));
    expect([...keys]).toEqual([await keyIdOf(b.key)]);
  });

  it("logs a member's session by member, and an owner's session reads the log", async () => {
    const org = await orgWithOwner();
    const member = await newMember(org.id, "member");
    const res = await call("/properties", { key: await sessionFor(member), method: "POST", json: { name: "9 Session St" } });
    expect(res.status).toBe(201);
    const entry = await entryFor(org.token, res.headers.get("x-request-id")!);
    expect(entry).toMatchObject({ key_id: null, member_id: member.memberId, method: "POST", route: "/api/properties", status: 201 });
  });

  it("keeps a client's own X-Request-Id and answers the latest entry for it", async () => {
    const { key } = await newTenantOrg();
    const mine = `client-${Date.now()}-abc`;
    const res = await call("/properties", { key, headers: { "x-request-id": mine } });
    expect(res.headers.get("x-request-id")).toBe(mine);
    expect((await entryFor(key, mine)).route).toBe("/api/properties");
  });

  it("requires admin:api_keys, validates filters and answers 404 for an unknown request id", async () => {
    const { key } = await newTenantOrg(["read:properties"]);
    expect((await call("/request-logs", { key })).status).toBe(403);
    expect((await call("/request-logs")).status).toBe(401);
    const admin = (await newTenantOrg(["admin:api_keys"])).key;
    for (const q of ["status=4x", "status=600", "since=yesterday", "key_id=k1", "limit=0", "colour=red", "method=BREW"]) {
      const res = await call(`/request-logs?${q}`, { key: admin });
      expect(res.status, q).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
    }
    const unknown = await call("/request-logs/req_00000000000000000000000000000000", { key: admin });
    expect(unknown.status).toBe(404);
    expect((await call("/request-logs/%00", { key: admin })).status).toBe(404);
  });

  it("stores a request that failed authentication in no organization's log", async () => {
    const res = await call("/properties", { headers: { authorization: "Bearer apt_zzzzzzzz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 400)); // several flush intervals
    expect(await sql`select 1 from app.request_logs where request_id = ${res.headers.get("x-request-id")}`).toEqual([]);
  });
});

describe("support's view and retention", () => {
  it("finds any organization's request id in app.support_request_log, which only the service role may read", async () => {
    const org = await newTenantOrg();
    const res = await call("/properties", { key: org.key });
    const requestId = res.headers.get("x-request-id")!;
    await entryFor(org.key, requestId);
    const [row] = await sql`select * from app.support_request_log where request_id = ${requestId}`;
    expect(row).toMatchObject({ organization_id: org.id, key_prefix: org.key.split("_")[1], route: "/api/properties", status: 200 });
    const grants = await sql`select grantee from information_schema.role_table_grants
      where table_schema = 'app' and table_name in ('support_request_log', 'request_logs') and grantee in ('anon', 'authenticated', 'PUBLIC')`;
    expect(grants).toEqual([]);
  });

  it("prunes what is older than the retention and keeps what is inside it", async () => {
    const { key } = await newTenantOrg();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call("/properties", { key })).headers.get("x-request-id")!);
    for (const id of ids) await entryFor(key, id);
    const [{ retention_days }] = await sql`select retention_days from app.request_log_settings`;
    expect(retention_days).toBe(30);
    // as if they had arrived 31, 29 days and a moment ago (the id carries the arrival time too)
    const age = async (requestId: string, interval: string) => {
      await sql`update app.request_logs set created_at = now() - ${interval}::interval,
        id = app.id_floor('log', now() - ${interval}::interval) where request_id = ${requestId}`;
    };
    await age(ids[0], "31 days");
    await age(ids[1], "29 days 23 hours");

    const res = await fetch(`${functionsUrl}/functions/v1/request-log-retention`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${schedulerSecret}` }, body: "{}",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ deleted: expect.any(Number), more: false });
    const left = await sql<{ request_id: string }[]>`select request_id from app.request_logs where request_id = any (${ids})`;
    expect(left.map((r) => r.request_id).sort()).toEqual([ids[1], ids[2]].sort());
    expect((await call(`/request-logs/${ids[0]}`, { key })).status).toBe(404);
    expect((await call(`/request-logs/${ids[1]}`, { key })).status).toBe(200);

    const [job] = await sql`select function_name, every_seconds from app.scheduled_jobs where name = 'request-log-retention'`;
    expect(job).toEqual({ function_name: "request-log-retention", every_seconds: 3600 });
  });
});

describe("the function log line", () => {
  it("is one JSON line per request with no key or secret in it, and a clean stop writes what waits", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:properties", "admin:api_keys"]);
    // the secret is base64url, so it may hold "_" itself: everything after the prefix
    const prefix = key.split("_")[1];
    const secret = key.slice(`apt_${prefix}_`.length);
    const lines: string[] = [];
    // a server of our own, to read its stdout; its batches wait a minute, so only the stop writes them
    const server = await startFunctions({
      port: await freePort(),
      env: { SUPABASE_DB_URL: databaseUrl, FUNCTIONS_ONLY: "health,properties", REQUEST_LOG_FLUSH_MS: "60000" },
      log: (line) => lines.push(line),
    });
    let requestIds: string[];
    try {
      const ok = await fetch(`${server.url}/api/properties`, { headers: { authorization: `Bearer ${key}` } });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${server.url}/api/properties`, { headers: { authorization: `Bearer apt_${prefix}_${"x".repeat(43)}` } });
      expect(bad.status).toBe(401);
      requestIds = [ok.headers.get("x-request-id")!, bad.headers.get("x-request-id")!];
      await vi.waitFor(() => expect(lines.filter((l) => l.includes(requestIds[1]))).toHaveLength(1));
      expect(await sql`select 1 from app.request_logs where request_id = ${requestIds[0]}`).toEqual([]);
    } finally {
      await server.stop();
    }
    const [okLine, badLine] = requestIds.map((id) => JSON.parse(lines.find((l) => l.includes(id))!));
    expect(okLine).toMatchObject({
      msg: "request", request_id: requestIds[0], organization_id: org.id, key_id: await keyIdOf(key), key_prefix: `apt_${prefix}`,
      method: "GET", route: "/api/properties", status: 200, error: null,
      rate_limit: { limit: 1000, remaining: expect.any(Number), policy: expect.stringContaining("minute") },
    });
    expect(okLine.log_id).toMatch(/^log_[0-9A-Z]{26}$/);
    expect(badLine).toMatchObject({ log_id: null, organization_id: null, key_id: null, key_prefix: `apt_${prefix}`, status: 401, error: "Invalid API key." });
    const all = lines.join("\n");
    expect(all).not.toContain(secret);
    expect(all).not.toContain("x".repeat(43));
    expect(all).not.toContain("Bearer");
    // the stop flushed the admitted request's entry; the 401 has no organization to store it under
    // the entry is the line: same id, same arrival
    const stored = await sql`select id, status, (extract(epoch from created_at) * 1000)::float8 as arrived_ms
                             from app.request_logs where request_id = any (${requestIds})`;
    expect(stored).toEqual([{ id: okLine.log_id, status: 200, arrived_ms: okLine.arrived_ms }]);
  }, 90_000);
});
