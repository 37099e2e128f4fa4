// The typed client (clients/typescript) against the real API: typed calls, errors with status,
// message and request id, cursor pagination, Idempotency-Key, the opt-in wait on 429; and the
// same client under Deno (its TypeScript source) and plain Node 20 (its built bundle).
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiError, createAptoriaClient } from "../clients/typescript/src/index.ts";
import { denoBinary, ROOT } from "../scripts/lib/paths.ts";
import { allPages, functionsUrl, startNextMinuteWindow } from "./helpers.ts";
import { newKey, newProperty, newPropertyWithUnit, newTenantOrg } from "./fixtures/index.ts";

const baseUrl = `${functionsUrl}/api`;

const run = (file: string, args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(file, args, { timeout: 60_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)))
  );

describe("the typed client", () => {
  it("reads, creates and updates with typed paths and bodies, and throws the API's errors with the request id", async () => {
    const org = await newTenantOrg();
    const client = createAptoriaClient({ baseUrl, apiKey: org.key });
    const { propertyId } = await newPropertyWithUnit(org.id);

    const created = await client.post("/units", { body: { property_id: propertyId, label: "2A", bedrooms: 2 } });
    expect(created).toMatchObject({ property_id: propertyId, label: "2A", bedrooms: 2 });
    const read = await client.get("/units/{id}", { path: { id: created.id } });
    expect(read).toEqual(created);
    const updated = await client.patch("/units/{id}", { path: { id: created.id }, body: { label: "2B" } });
    expect(updated.label).toBe("2B");
    const list = await client.get("/units", { query: { property_id: propertyId, limit: 200 } });
    expect(list.data.map((u) => u.label).sort()).toEqual(["1B", "2B"]);

    const notFound = await client.get("/units/{id}", { path: { id: "unit_00000000000000000000000000" } }).catch((e) => e);
    expect(notFound).toBeInstanceOf(ApiError);
    expect(notFound).toMatchObject({ status: 404, error: "Unit not found.", retryAfter: null });
    expect(notFound.requestId).toMatch(/^req_/);
    expect(notFound.message).toBe(`404: Unit not found. (request ${notFound.requestId})`);

    // a body the types would refuse, sent anyway: the API's own 400
    const bad = await client.post("/units", { body: { property_id: propertyId, label: "" } }).catch((e) => e);
    expect(bad).toMatchObject({ status: 400, body: { error: bad.error } });
    expect(bad.error).toMatch(/^label/);

    const anonymous = await createAptoriaClient({ baseUrl }).get("/units").catch((e) => e);
    expect(anonymous).toMatchObject({ status: 401 });
    expect(await createAptoriaClient({ baseUrl }).get("/health")).toMatchObject({ status: "ok", database: "ok" });
  });

  it("walks a list with an async iterator, page by page, as the API's own links do", async () => {
    const org = await newTenantOrg();
    for (let i = 0; i < 5; i++) await newProperty(org.id, { name: `P${i}` });
    let requests = 0;
    const client = createAptoriaClient({
      baseUrl, apiKey: org.key,
      fetch: (input, init) => (requests++, fetch(input, init)),
    });
    const ids: string[] = [];
    for await (const property of client.paginate("/properties", { query: { limit: 2 } })) ids.push(property.id);
    expect(ids).toEqual((await allPages("/properties?limit=2", org.key)).ids);
    expect(ids).toHaveLength(5);
    expect(requests).toBe(3);

    // stopping early fetches no further page
    requests = 0;
    for await (const _ of client.paginate("/properties", { query: { limit: 2 } })) break;
    expect(requests).toBe(1);
  });

  it("sends an Idempotency-Key: the repeat answers the stored answer", async () => {
    const org = await newTenantOrg();
    const client = createAptoriaClient({ baseUrl, apiKey: org.key });
    const first = await client.request("post", "/ai-delinquency-prioritizer", { body: { limit: 5 }, idempotencyKey: "client-run-1" });
    const again = await client.request("post", "/ai-delinquency-prioritizer", { body: { limit: 5 }, idempotencyKey: "client-run-1" });
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    const reused = await client.post("/ai-delinquency-prioritizer", { body: { limit: 6 }, idempotencyKey: "client-run-1" }).catch((e) => e);
    expect(reused).toMatchObject({ status: 409 });
  });

  it("waits Retry-After and sends again on 429 only when asked, within its bounds", async () => {
    const org = await newTenantOrg();
    const key = await newKey(org.id, undefined, { perMinute: 1 });
    const retryAfters: number[] = [];
    const waits: number[] = [];
    const options = {
      baseUrl, apiKey: key,
      // the real fetch, watched: what Retry-After the API sent
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const res = await fetch(input, init);
        if (res.status === 429) retryAfters.push(Number(res.headers.get("retry-after")));
        return res;
      },
    };
    expect(await createAptoriaClient(options).get("/dashboard")).toHaveProperty("units");

    // not asked: the 429 is thrown with its Retry-After
    const refused = await createAptoriaClient(options).get("/dashboard").catch((e) => e);
    expect(refused).toMatchObject({ status: 429, retryAfter: retryAfters[0] });
    expect(refused.error).toMatch(/^Rate limit exceeded/);

    // asked, but Retry-After is longer than the client may wait: thrown at once
    const impatient = createAptoriaClient({ ...options, retry: { retries: 3, maxDelaySeconds: 0 }, sleep: async (ms) => void waits.push(ms) });
    await expect(impatient.get("/dashboard")).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([]);

    // asked: it waits what the API said (here, the wait is the next minute window starting) and succeeds
    const patient = createAptoriaClient({
      ...options, retry: { retries: 2 },
      sleep: async (ms) => {
        waits.push(ms);
        await startNextMinuteWindow(key);
      },
    });
    retryAfters.length = 0;
    expect(await patient.get("/dashboard")).toHaveProperty("units");
    expect(retryAfters).toHaveLength(1);
    expect(waits).toEqual([retryAfters[0] * 1000]);

    // retries run out: the last 429 is thrown
    waits.length = 0;
    const once = createAptoriaClient({ ...options, retry: { retries: 1 }, sleep: async (ms) => void waits.push(ms) });
    await expect(once.get("/dashboard")).rejects.toMatchObject({ status: 429 });
    expect(waits).toHaveLength(1);
  });
});

describe("the client in other runtimes", () => {
  async function arrange() {
    const org = await newTenantOrg();
    for (let i = 0; i < 3; i++) await newProperty(org.id, { name: `P${i}` });
    const body = JSON.stringify({ event: "webhook.test", delivered_at: new Date().toISOString(), organization_id: org.id, payload: {}, id: "evt_smoke" });
    const t = Math.floor(Date.now() / 1000);
    const signature = `t=${t},v1=${createHmac("sha256", "whsec_smoke").update(`${t}.${body}`).digest("hex")}`;
    const { ids } = await allPages("/properties", org.key);
    return { args: [baseUrl, org.key, body, signature, "whsec_smoke"], ids };
  }
  const expected = (ids: string[]) => ({
    ids, one: ids[0], event: "evt_smoke",
    notFound: { status: 404, error: "Property not found.", requestId: expect.stringMatching(/^req_/) },
  });

  it("runs under Deno from its TypeScript source", async () => {
    const { args, ids } = await arrange();
    const out = await run(denoBinary(), ["run", "--allow-net=127.0.0.1", "--allow-read", "tests/fixtures/client-smoke.mjs", "../../clients/typescript/src/index.ts", ...args]);
    expect(JSON.parse(out)).toEqual(expected(ids));
  });

  it("builds (its package's npm run build) to one JavaScript module that runs under plain Node", async () => {
    await run("npm", ["run", "--silent", "--prefix", "clients/typescript", "build"]);
    const { args, ids } = await arrange();
    const out = await run(process.execPath, ["tests/fixtures/client-smoke.mjs", join(ROOT, "clients/typescript/dist/index.js"), ...args]);
    expect(JSON.parse(out)).toEqual(expected(ids));
  });
});
