// /api/properties and /api/units over the real stack.
import { describe, expect, it } from "vitest";
import { allPages, call, sql } from "./helpers.ts";
import { newLease, newProperty, newTenant, newTenantOrg, newUnit } from "./fixtures/index.ts";

describe("/api/properties", () => {
  it("creates, reads, updates, lists and deletes a property", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const created = await call("/properties", { key, method: "POST", json: { name: "127 Pine", city: "Minneapolis", state: "MN" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "127 Pine", city: "Minneapolis", state: "MN", address_line1: null });
    expect(created.body.id).toMatch(/^prop_[0-9A-Z]{26}$/);
    expect(created.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [row] = await sql`select organization_id, name from app.properties where id = ${created.body.id}`;
    expect(row).toEqual({ organization_id: orgId, name: "127 Pine" });

    const got = await call(`/properties/${created.body.id}`, { key });
    expect(got).toMatchObject({ status: 200, body: created.body });

    const patched = await call(`/properties/${created.body.id}`, { key, method: "PATCH", json: { postal_code: "55401", city: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "127 Pine", postal_code: "55401", city: null, state: "MN" });

    const list = await call("/properties", { key });
    expect(list.body).toMatchObject({ has_more: false, next_cursor: null, next_url: null });
    expect(list.body.data).toEqual([patched.body]);

    const deleted = await call(`/properties/${created.body.id}`, { key, method: "DELETE" });
    expect(deleted).toMatchObject({ status: 200, body: { id: created.body.id, deleted: true } });
    expect((await call(`/properties/${created.body.id}`, { key })).status).toBe(404);
  });

  it("refuses to delete a property that still has units (409)", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    await newUnit(orgId, propertyId, { label: "1A" });
    await newUnit(orgId, propertyId, { label: "1B" });
    const res = await call(`/properties/${propertyId}`, { key, method: "DELETE" });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("This property still has 2 units; delete them first (DELETE /api/units/{id}). A unit cannot be moved to another property, and one with leases, work orders, inspections or applications cannot be deleted.");
    const [{ n }] = await sql`select count(*)::int as n from app.properties where id = ${propertyId}`;
    expect(n).toBe(1);
  });

  it("rejects bad bodies with a 400 naming the problem", async () => {
    const { key } = await newTenantOrg();
    const unknown = await call("/properties", { key, method: "POST", json: { name: "A", colour: "red", floors: 3 } });
    expect(unknown).toMatchObject({ status: 400, body: { error: "Unknown fields: colour, floors." } });
    const missing = await call("/properties", { key, method: "POST", json: { city: "X" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^name /);
    const long = await call("/properties", { key, method: "POST", json: { name: "x".repeat(201) } });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/^name /);
    const empty = await call("/properties/prop_01H00000000000000000000000", { key, method: "PATCH", json: {} });
    expect(empty.status).toBe(400);
    const notJson = await call("/properties", { key, method: "POST", body: "name=x", headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
  });

  it("answers 403 naming the missing scope", async () => {
    const { key } = await newTenantOrg(["read:units"]);
    const read = await call("/properties", { key });
    expect(read).toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:properties required here." } });
    const { key: readOnly } = await newTenantOrg(["read:properties"]);
    const write = await call("/properties", { key: readOnly, method: "POST", json: { name: "A" } });
    expect(write).toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:properties required here." } });
    expect((await call("/properties", { key: readOnly, method: "DELETE" })).status).toBe(405);
  });

  it("answers 404 for another organization's property, exactly as for an absent one", async () => {
    const other = await newTenantOrg();
    const foreign = await newProperty(other.id, { name: "Not yours" });
    const { key } = await newTenantOrg();
    const absent = "prop_01H00000000000000000000000";
    for (const id of [foreign, absent]) {
      expect(await call(`/properties/${id}`, { key })).toMatchObject({ status: 404, body: { error: "Property not found." } });
      expect(await call(`/properties/${id}`, { key, method: "PATCH", json: { name: "Mine now" } }))
        .toMatchObject({ status: 404, body: { error: "Property not found." } });
      expect(await call(`/properties/${id}`, { key, method: "DELETE" })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    }
    const [row] = await sql`select name from app.properties where id = ${foreign}`;
    expect(row.name).toBe("Not yours");
    expect((await call("/properties", { key })).body.data).toEqual([]);
  });

  it("pages through more than one page, newest first", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await newProperty(orgId, { name: `Property ${i}` }));
    const { ids, pages } = await allPages("/properties?limit=2", key);
    expect(pages).toBe(3);
    expect([...ids].sort()).toEqual([...made].sort());
    expect(ids).toEqual([...ids].sort().reverse());
    expect((await call("/properties?limit=201", { key })).status).toBe(400);
    expect((await call("/properties?cursor=nope", { key })).status).toBe(400);
    expect((await call("/properties?sort=name", { key })).body).toEqual({ error: "Unknown parameter: sort." });
  });
});

describe("/api/units", () => {
  it("creates, reads, updates, lists by property and deletes a unit", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    const otherProperty = await newProperty(orgId, { name: "9 Elm" });
    await newUnit(orgId, otherProperty, { label: "A" });
    const created = await call("/units", {
      key, method: "POST",
      json: { property_id: propertyId, label: "1B", bedrooms: 2, bathrooms: 1.5, square_feet: 850, market_rent: 1825.5 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ property_id: propertyId, label: "1B", bedrooms: 2, bathrooms: 1.5, square_feet: 850, market_rent: 1825.5 });
    expect(created.body.id).toMatch(/^unit_/);
    const [row] = await sql`select market_rent_cents from app.units where id = ${created.body.id}`;
    expect(Number(row.market_rent_cents)).toBe(182550);

    expect(await call(`/units/${created.body.id}`, { key })).toMatchObject({ status: 200, body: created.body });
    const patched = await call(`/units/${created.body.id}`, { key, method: "PATCH", json: { market_rent: 1900, bedrooms: null } });
    expect(patched.body).toMatchObject({ market_rent: 1900, bedrooms: null, label: "1B" });

    const byProperty = await call(`/units?property_id=${propertyId}`, { key });
    expect(byProperty.body.data.map((u: any) => u.id)).toEqual([created.body.id]);
    expect((await call("/units", { key })).body.data).toHaveLength(2);

    expect(await call(`/units/${created.body.id}`, { key, method: "DELETE" })).toMatchObject({ status: 200, body: { deleted: true } });
  });

  it("refuses a duplicate label in one property, and deleting a unit with leases (409)", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    const unitId = await newUnit(orgId, propertyId, { label: "1B" });
    const dup = await call("/units", { key, method: "POST", json: { property_id: propertyId, label: "1B" } });
    expect(dup).toMatchObject({ status: 409, body: { error: "This property already has a unit labelled 1B." } });
    await newLease(orgId, unitId, { tenantIds: [await newTenant(orgId)] });
    const del = await call(`/units/${unitId}`, { key, method: "DELETE" });
    expect(del).toMatchObject({ status: 409, body: { error: "This unit has 1 lease; a unit with lease history cannot be deleted." } });
  });

  it("validates bodies: unknown fields, money with more than two decimals, malformed ids", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    expect(await call("/units", { key, method: "POST", json: { property_id: propertyId, label: "1", floor: 2 } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: floor." } });
    const cents = await call("/units", { key, method: "POST", json: { property_id: propertyId, label: "1", market_rent: 10.001 } });
    expect(cents.status).toBe(400);
    expect(cents.body.error).toMatch(/^market_rent: at most two decimals/);
    const negative = await call("/units", { key, method: "POST", json: { property_id: propertyId, label: "1", market_rent: -5 } });
    expect(negative.status).toBe(400);
    const badId = await call("/units", { key, method: "POST", json: { property_id: "5f...", label: "1" } });
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatch(/^property_id: /);
    expect((await call("/units?property_id=x", { key })).status).toBe(400);
  });

  it("answers 403 naming the scope, and 404 for another organization's units and properties", async () => {
    const { key: noScope } = await newTenantOrg(["read:properties"]);
    expect(await call("/units", { key: noScope })).toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:units required here." } });
    const { key: readOnly } = await newTenantOrg(["read:units"]);
    expect((await call("/units/unit_01H00000000000000000000000", { key: readOnly, method: "DELETE" })).body.error)
      .toBe("This API key lacks the scope write:units required here.");

    const other = await newTenantOrg();
    const foreignProperty = await newProperty(other.id);
    const foreignUnit = await newUnit(other.id, foreignProperty, { label: "X" });
    const { key } = await newTenantOrg();
    expect(await call("/units", { key, method: "POST", json: { property_id: foreignProperty, label: "1" } }))
      .toMatchObject({ status: 404, body: { error: "Property not found." } });
    for (const init of [{}, { method: "PATCH", json: { label: "Y" } }, { method: "DELETE" }]) {
      expect(await call(`/units/${foreignUnit}`, { key, ...init })).toMatchObject({ status: 404, body: { error: "Unit not found." } });
    }
    expect(await call(`/units?property_id=${foreignProperty}`, { key })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    const [row] = await sql`select label from app.units where id = ${foreignUnit}`;
    expect(row.label).toBe("X");
  });

  it("pages through more than one page", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    for (let i = 0; i < 5; i++) await newUnit(orgId, propertyId, { label: `U${i}` });
    const { ids, pages } = await allPages(`/units?property_id=${propertyId}&limit=2`, key);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(5);
  });
});
