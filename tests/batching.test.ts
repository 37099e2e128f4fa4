// Batched authentication and coalesced reads: a batch answers every request as if the
// requests had run one after another, and never with data older than the request.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { batched } from "../supabase/functions/_shared/batch.ts";
import { api, call, sql } from "./helpers.ts";
import { newKey, newOrganization, newProperty } from "./fixtures/index.ts";

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

interface Presented {
  key: string;
  client: string;
}

/** app.authenticate_batch over real keys, in the given order. */
async function authenticateBatch(requests: Presented[], scopes: string[], quota: string | null = null) {
  return await sql`
    select * from app.authenticate_batch(
      ${requests.map((r) => r.key.slice(4, 12))}::text[],
      array(select decode(h, 'hex') from unnest(${requests.map((r) => sha256Hex(r.key.slice(13)))}::text[]) with ordinality h(h, n) order by n),
      ${requests.map((r) => r.client)}::text[], ${scopes}::text[], ${quota})`;
}

const client = () => `test-${Math.random().toString(36).slice(2)}`;

describe("app.authenticate_batch", () => {
  it("answers each request of a batch as if they had run one after another", async () => {
    const org = await newOrganization();
    const limited = await newKey(org.id, ["read:dashboard"], { perMinute: 3, perHour: 1000 });
    const unscoped = await newKey(org.id, ["read:tenants"], { perMinute: 60, perHour: 1000 });
    const c = client();
    const wrong = `${limited.slice(0, 13)}${"B".repeat(43)}`;
    const rows = await authenticateBatch([
      { key: limited, client: c }, { key: wrong, client: c }, { key: limited, client: c }, { key: unscoped, client: c },
      { key: limited, client: c }, { key: limited, client: c }, { key: limited, client: c },
    ], ["read:dashboard"]);
    expect(rows.map((r) => [r.n, r.status])).toEqual([[1, 200], [2, 401], [3, 200], [4, 403], [5, 200], [6, 429], [7, 429]]);
    expect(rows.map((r) => r.minute_remaining)).toEqual([2, null, 1, 60, 0, 0, 0]);
    expect(rows[1]).toMatchObject({ error: "Invalid API key.", organization_id: null, key_id: null });
    expect(rows[3].error).toBe("This API key lacks the scope read:dashboard required here.");
    expect(rows[5].error).toMatch(/^Rate limit exceeded — try again in \d+ seconds?\.$/);
    expect(rows[5].retry_after).toBeGreaterThanOrEqual(1);
    // Charged: three units for the limited key, none for the 403; the wrong secret counted once,
    // for its address and prefix.
    const counters = await sql`select k.name, c.minute_used from app.rate_limit_counters c join app.api_keys k on k.id = c.key_id
      where k.organization_id = ${org.id} order by k.name`;
    expect(counters.map((r) => r.minute_used)).toEqual([3]);
    const [failures] = await sql`select failures from app.auth_failures where source = ${`${c} ${limited.slice(4, 12)}`}`;
    expect(failures.failures).toBe(1);
  });

  it("throttles an address's guesses within the batch once they reach the limit, never a correct key", async () => {
    const org = await newOrganization();
    const good = await newKey(org.id, ["read:dashboard"]);
    const [{ failures_per_window: limit }] = await sql`select failures_per_window from app.auth_settings`;
    const c = client();
    const bad = `apt_nokey000_${"x".repeat(43)}`;
    const rows = await authenticateBatch([
      ...Array.from({ length: limit }, () => ({ key: bad, client: c })),
      { key: good, client: c }, { key: bad, client: c }, { key: good, client: client() },
    ], ["read:dashboard"]);
    expect(rows.slice(0, limit).every((r) => r.status === 401)).toBe(true);
    expect(rows[limit]).toMatchObject({ status: 200, organization_id: org.id });
    expect(rows[limit + 1]).toMatchObject({ status: 429, key_id: null });
    expect(rows[limit + 1].error).toMatch(/^Too many failed authentication attempts/);
    expect(rows[limit + 2].status).toBe(200);
    const [failures] = await sql`select failures from app.auth_failures where source = ${c}`;
    expect(failures.failures).toBe(limit);
  });

  it("caps a key by its route quota and charges the quota only with the scopes", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["ai:run", "read:payments"]);
    const c = client();
    const rows = await authenticateBatch(Array.from({ length: 12 }, () => ({ key, client: c })),
      ["ai:run", "read:payments"], "ai-delinquency-prioritizer");
    expect(rows.filter((r) => r.status === 200)).toHaveLength(10);
    expect(rows.slice(10).map((r) => r.status)).toEqual([429, 429]);
    expect(rows[9]).toMatchObject({ quota_limit: 10, quota_window: 3600, quota_remaining: 0 });
    expect(rows[10].retry_after).toBe(rows[9].quota_reset);
    // The general windows were charged for the admitted ten only.
    const [counter] = await sql`select c.minute_used from app.rate_limit_counters c join app.api_keys k on k.id = c.key_id
      where k.organization_id = ${org.id}`;
    expect(counter.minute_used).toBe(10);
  });
});

describe("coalesced reads", () => {
  it("never answers with numbers older than the request, under concurrent load", async () => {
    const org = await newOrganization();
    const key = await newKey(org.id, ["read:dashboard"], { perMinute: 10_000, perHour: 100_000 });
    // Keep the dashboard busy with concurrent readers while properties are added one by one;
    // each read issued after an insert committed must count it.
    let stop = false;
    const background = (async () => {
      while (!stop) await Promise.all(Array.from({ length: 16 }, () => api("/dashboard", { key }).then((r) => r.text())));
    })();
    try {
      for (let i = 1; i <= 10; i++) {
        await newProperty(org.id, { name: `Coalesced ${i}`, addressLine1: "1 Main St", city: "Austin", state: "TX" });
        const res = await api("/dashboard", { key });
        expect(res.status).toBe(200);
        expect((await res.json()).properties).toBe(i);
      }
    } finally {
      stop = true;
      await background;
    }
  });

  it("isolates an item that fails: the rest of its batch is answered", async () => {
    // A real database call per batch; "bad" cannot be cast to an integer.
    let calls = 0;
    const double = batched(async (items: string[]) => {
      calls++;
      const [row] = await sql`select array_agg(x::int * 2 order by n) as y from unnest(${items}::text[]) with ordinality t(x, n)`;
      return row.y as number[];
    }, { concurrency: 1 });
    const results = await Promise.allSettled(["1", "2", "bad", "4", "5"].map(double));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "rejected"))).toEqual([2, 4, "rejected", 8, 10]);
    // The first item went alone; the four that waited went together, failed, then one by one.
    expect(calls).toBe(1 + 1 + 4);
  });
});
