// The report endpoints (dashboard, ar-aging) write JSON as every other endpoint does
// (JSON.stringify: no whitespace between tokens, numbers without padding), from the cache too,
// and keep the strings inside it byte for byte.
import { describe, expect, it } from "vitest";
import { api } from "./helpers.ts";
import { newCharge, newLease, newProperty, newTenant, newTenantOrg, newUnit } from "./fixtures/index.ts";

async function rawBody(path: string, key: string): Promise<string> {
  const res = await api(path, { key });
  expect(res.status).toBe(200);
  return await res.text();
}

describe("report JSON", () => {
  it("is serialised like the rest of the API, on a first read and from the cache", async () => {
    const org = await newTenantOrg(["read:dashboard", "read:payments", "read:tenants"]);
    const tricky = `Ann "Q" : O'Neil,  Jr.\t{x: [1, 2]}`;
    const propertyId = await newProperty(org.id, { name: "127  Pine , East" });
    const units = [];
    for (let i = 0; i < 8; i++) units.push(await newUnit(org.id, propertyId, { label: `${i + 1} B` }));
    let leaseId = "";
    // 7 of 8 units occupied: an occupancy rate of 0.875
    for (let i = 0; i < 7; i++) {
      leaseId = await newLease(org.id, units[i], { tenantIds: [await newTenant(org.id, { name: i === 6 ? tricky : `T ${i}` })] });
    }
    await newCharge(org.id, leaseId, { due: "2026-05-01", amountCents: 182550 });

    for (const pass of ["computed", "cached"]) {
      const dashboard = await rawBody("/dashboard", org.key);
      expect(dashboard, pass).toBe(JSON.stringify(JSON.parse(dashboard)));
      expect(dashboard, pass).toContain(`"occupancy_rate":0.875,`);
      const aging = await rawBody("/ar-aging?as_of=2026-06-30", org.key);
      expect(aging, pass).toBe(JSON.stringify(JSON.parse(aging)));
      expect(aging, pass).toMatch(/^\{"rows":\[\{"payment_id":"/);
      expect(JSON.parse(aging).rows[0]).toMatchObject({ tenant_name: tricky, property_name: "127  Pine , East", unit_label: "7 B", amount: 1825.5 });
      // the same serialisation as a list endpoint's
      const tenants = await rawBody("/tenants?limit=1", org.key);
      expect(tenants).toBe(JSON.stringify(JSON.parse(tenants)));
    }
  });
});
