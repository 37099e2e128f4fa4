// Hostile and odd input on every route of every function: always a JSON answer below 500.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { api, scheduledFunctions } from "./helpers.ts";
import { newTenantOrg } from "./fixtures/index.ts";

const functions = readdirSync("supabase/functions", { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("_") && !scheduledFunctions.includes(d.name))
  .map((d) => d.name);

const oddIds = ["%00", "'%20or%201=1--", "x".repeat(300), "p_01ZZZZZZZZZZZZZZZZZZZZZZZZ", "%F0%9F%92%A5", "..%2F..%2Fetc"];
const oddBodies = ["", "null", "[]", "\"text\"", "{\"a\":", "{\"__proto__\":{\"x\":1}}", JSON.stringify({ amount_usd: -1, id: "x", limit: 1e309 })];
const oddQueries = ["?limit=-1", "?limit=abc", "?cursor=%27", "?as_of=2026-13-45", "?unit_id=%00", "?limit=1&limit=2"];

describe("odd input on every route", () => {
  it("never answers 5xx, always JSON with an error or data", async () => {
    const { key } = await newTenantOrg();
    const failures: string[] = [];
    const check = async (method: string, path: string, body?: string) => {
      const res = await api(path, { key, method, body, headers: body === undefined ? {} : { "content-type": "application/json" } });
      const text = await res.text();
      if (res.status >= 500) failures.push(`${method} ${path} ${body ?? ""} -> ${res.status} ${text.slice(0, 120)}`);
      else if (method !== "HEAD" && !/^[[{]/.test(text)) failures.push(`${method} ${path} -> not JSON: ${text.slice(0, 80)}`);
    };
    for (const fn of functions) {
      for (const q of oddQueries) await check("GET", `/${fn}${q}`);
      for (const id of oddIds) {
        await check("GET", `/${fn}/${id}`);
        await check("PATCH", `/${fn}/${id}`, "{}");
        await check("DELETE", `/${fn}/${id}`);
        await check("POST", `/${fn}/${id}/complete`, "{}");
      }
      for (const body of oddBodies) await check("POST", `/${fn}`, body);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("answers NUL characters in text with a 400 naming the problem", async () => {
    const { key } = await newTenantOrg();
    for (const [path, body] of [
      ["/properties", { name: "Pine\u0000Street" }],
      ["/tenants", { name: "Maya\u0000R." }],
      ["/vendors", { name: "Plow\u0000Co" }],
    ] as const) {
      const res = await api(path, { key, method: "POST", json: body });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/NUL/);
    }
    const res = await api("/properties/p%00", { key });
    expect(res.status).toBeLessThan(500);
  });
});
