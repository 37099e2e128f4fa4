// Issue 18.8: a list filter that names a record (property_id, unit_id, ...) answers 404 naming
// the record's kind when the record is another organization's or does not exist, on every list.
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { idOfAge, newSmallPortfolio, newTenantOrg, newVendor } from "./fixtures/index.ts";

type Named = "property" | "unit" | "tenant" | "lease" | "vendor";
const kinds: Record<Named, { kind: string; prefix: string }> = {
  property: { kind: "Property", prefix: "prop" },
  unit: { kind: "Unit", prefix: "unit" },
  tenant: { kind: "Tenant", prefix: "ten" },
  lease: { kind: "Lease", prefix: "l" },
  vendor: { kind: "Vendor", prefix: "v" },
};

// every filter of every list that names a record, with the record it names
const filters: [path: string, param: string, names: Named][] = [
  ["/units", "property_id", "property"],
  ["/leases", "unit_id", "unit"],
  ["/leases", "property_id", "property"],
  ["/leases", "tenant_id", "tenant"],
  ["/payments", "lease_id", "lease"],
  ["/payments", "property_id", "property"],
  ["/payments", "tenant_id", "tenant"],
  ["/expenses", "property_id", "property"],
  ["/payment-plans", "lease_id", "lease"],
  ["/inspections", "unit_id", "unit"],
  ["/inspections", "property_id", "property"],
  ["/work-orders", "unit_id", "unit"],
  ["/work-orders", "property_id", "property"],
  ["/work-orders", "vendor_id", "vendor"],
  ["/applications", "property_id", "property"],
  ["/applications", "unit_id", "unit"],
  ["/ar-aging", "property_id", "property"],
];

async function records(organizationId: string): Promise<Record<Named, string>> {
  const { propertyId, unitId, tenantId, leaseId } = await newSmallPortfolio(organizationId);
  return { property: propertyId, unit: unitId, tenant: tenantId, lease: leaseId, vendor: await newVendor(organizationId) };
}

describe("list filters naming a record", async () => {
  const mine = await newTenantOrg();
  const other = await newTenantOrg();
  const own = await records(mine.id);
  const foreign = await records(other.id);

  it.each(filters)("GET %s?%s= answers 404 for another organization's or an unknown id, 200 for its own", async (path, param, names) => {
    const { kind, prefix } = kinds[names];
    const unknown = await idOfAge(prefix, 0);
    for (const id of [foreign[names], unknown]) {
      const res = await call(`${path}?${param}=${id}`, { key: mine.key });
      expect({ status: res.status, body: res.body }, id).toEqual({ status: 404, body: { error: `${kind} not found.` } });
    }
    const res = await call(`${path}?${param}=${own[names]}`, { key: mine.key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
