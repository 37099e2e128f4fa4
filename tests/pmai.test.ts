// The public reference's drop-in helper, pmai.ts, kept in clients/pmai/ as published: it keeps
// working against the API. Only its base URL is changed, by one substitution of the BASE line
// into a copy the test imports.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { functionsUrl } from "./helpers.ts";
import { newProperty, newTenantOrg } from "./fixtures/index.ts";

const PUBLISHED = readFileSync("clients/pmai/pmai.ts", "utf8");
const SPEC = "../shared/spec/aptoria-developers-page.txt";
const dir = mkdtempSync(join(tmpdir(), "aptoria-pmai-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Pmai = <T = unknown>(path: string, init?: RequestInit & { json?: unknown }) => Promise<T>;

/** pmai.ts with its one BASE line pointed at the local stack. */
async function localPmai(): Promise<Pmai> {
  const published = "const BASE = 'https://app.aptoria.ai';";
  expect(PUBLISHED).toContain(published);
  const file = join(dir, "pmai.ts");
  writeFileSync(file, PUBLISHED.replace(published, `const BASE = '${functionsUrl}';`));
  return (await import(pathToFileURL(file).href)).pmai;
}

describe("pmai.ts, the reference's helper", () => {
  it("is the reference's code", () => {
    if (!existsSync(SPEC)) return; // the spec sits beside the repository in shared/
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(readFileSync(SPEC, "utf8"))).toContain(squash(PUBLISHED));
  });

  it("reads A/R aging, posts an expense as its usage lines do, and throws the API's error", async () => {
    const org = await newTenantOrg();
    const propertyId = await newProperty(org.id);
    const pmai = await localPmai();
    process.env.PMAI_API_KEY = org.key;

    const aging = await pmai<{ rows: unknown[]; totals: Record<string, number> }>("/api/ar-aging");
    expect(aging).toEqual({ rows: [], totals: { "0-30": 0, "31-60": 0, "61-90": 0, "90+": 0, total: 0 } });

    const expense = await pmai("/api/expenses", {
      method: "POST",
      json: { action: "add_entry", property_id: propertyId, category_id: "repairs", label: "Snow removal — driveway", amount_usd: 380, paid_on: "2026-02-14" },
    });
    expect(expense).toMatchObject({ property_id: propertyId, amount_usd: 380, label: "Snow removal — driveway" });

    await expect(pmai("/api/expenses", { method: "POST", json: { action: "add_entry" } })).rejects.toThrow(/^PMAI 400: \{"error":"/);
    process.env.PMAI_API_KEY = "apt_nope";
    await expect(pmai("/api/ar-aging")).rejects.toThrow(/^PMAI 401: /);
  });
});
