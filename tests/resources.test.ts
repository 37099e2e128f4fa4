// The one resource pattern: every resource parses ids the same way (a path id that cannot
// exist is the same 404 as an absent one; a malformed id in a filter, body or cursor is a 400
// with one message) and lists the same way.
import { describe, expect, it } from "vitest";
import { newTenantOrg } from "./fixtures/index.ts";
import { call } from "./helpers.ts";

const resources: [path: string, prefix: string, thing: string, scope: string][] = [
  ["/properties", "prop", "Property", "read:properties"],
  ["/units", "unit", "Unit", "read:units"],
  ["/tenants", "ten", "Tenant", "read:tenants"],
  ["/leases", "l", "Lease", "read:leases"],
  ["/payments", "p", "Payment", "read:payments"],
  ["/work-orders", "wo", "Work order", "read:work_orders"],
  ["/vendors", "v", "Vendor", "read:vendors"],
  ["/applications", "appl", "Application", "read:applications"],
  ["/inspections", "insp", "Inspection", "read:inspections"],
  ["/payment-plans", "pp", "Payment plan", "read:payment_plans"],
  ["/api-keys", "key", "API key", "admin:api_keys"],
  ["/webhook-endpoints", "whe", "Webhook endpoint", "admin:webhooks"],
];
const absent = (prefix: string) => `${prefix}_01H00000000000000000000000`;

describe("ids and lists, the same on every resource", () => {
  it("answers a malformed or absent path id with 404 '<Thing> not found.'", async () => {
    const { key } = await newTenantOrg(resources.map((r) => r.at(3)!));
    for (const [path, prefix, thing] of resources) {
      for (const id of ["nope", absent(prefix), `${absent(prefix)}x`, "%00", encodeURIComponent(absent(prefix === "v" ? "wo" : "v"))]) {
        const res = await call(`${path}/${id}`, { key });
        expect({ path, id, status: res.status, body: res.body }).toEqual({ path, id, status: 404, body: { error: `${thing} not found.` } });
      }
    }
    const { key: admin } = await newTenantOrg(["admin:webhooks"]);
    expect(await call(`/webhook-endpoints/${absent("whe")}/deliveries/nope`, { key: admin }))
      .toMatchObject({ status: 404, body: { error: "Delivery not found." } });
  });

  it("answers a malformed cursor with 400 naming the id it expects, and pages with a good one", async () => {
    const { key } = await newTenantOrg(resources.map((r) => r.at(3)!));
    for (const [path, prefix] of resources) {
      for (const cursor of ["bogus", absent(prefix === "v" ? "wo" : "v"), "%27"]) {
        const res = await call(`${path}?cursor=${cursor}`, { key });
        expect({ path, cursor, status: res.status, body: res.body })
          .toEqual({ path, cursor, status: 400, body: { error: `cursor: an id starting with ${prefix}_.` } });
      }
      const res = await call(`${path}?cursor=${absent(prefix)}&limit=5`, { key });
      expect({ path, status: res.status, has_more: res.body.has_more }).toMatchObject({ path, status: 200, has_more: false });
      expect(Array.isArray(res.body.data)).toBe(true);
    }
  });

  it("answers a malformed id in a filter or a body with 400 and the same message", async () => {
    const { key } = await newTenantOrg(["read:units", "read:leases", "write:units", "read:payments"]);
    expect(await call("/units?property_id=nope", { key })).toMatchObject({ status: 400, body: { error: "property_id: an id starting with prop_." } });
    expect(await call("/leases?tenant_id=l_x", { key })).toMatchObject({ status: 400, body: { error: "tenant_id: an id starting with ten_." } });
    expect(await call("/payments?lease_id=p_1", { key })).toMatchObject({ status: 400, body: { error: "lease_id: an id starting with l_." } });
    expect(await call("/units", { method: "POST", key, json: { property_id: "nope", label: "1A" } }))
      .toMatchObject({ status: 400, body: { error: "property_id: an id starting with prop_." } });
  });
});
