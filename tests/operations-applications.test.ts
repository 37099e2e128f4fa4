// /api/applications: submit, list (by status, property, unit), get, approve, deny.
import { describe, expect, it } from "vitest";
import { call, sql } from "./helpers.ts";
import { newKey, newProperty, newPropertyWithUnit, newTenantOrg } from "./fixtures/index.ts";

async function submit(key: string, json: Record<string, unknown>) {
  const res = await call("/applications", { method: "POST", key, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /api/applications", () => {
  it("submits an application for a property or a unit (the unit's property filled in)", async () => {
    const org = await newTenantOrg();
    const { propertyId, unitId } = await newPropertyWithUnit(org.id);
    const a = await submit(org.key, {
      property_id: propertyId, applicant_name: "Maya R.", applicant_email: "maya@example.test",
      applicant_phone: "555-0100", desired_move_in: "2027-01-01", monthly_income_usd: 5400.5,
    });
    expect(a).toMatchObject({
      property_id: propertyId, unit_id: null, status: "submitted", applicant_name: "Maya R.",
      applicant_email: "maya@example.test", desired_move_in: "2027-01-01", monthly_income_usd: 5400.5,
      decision_reason: null, decided_at: null,
    });
    expect(a.id).toMatch(/^appl_/);
    const byUnit = await submit(org.key, { unit_id: unitId, applicant_name: "Sam" });
    expect(byUnit).toMatchObject({ property_id: propertyId, unit_id: unitId });
  });

  it("rejects a unit of another property, unknown fields and a missing place", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const elsewhere = await newProperty(org.id, { name: "Elsewhere" });
    expect(await call("/applications", { method: "POST", key: org.key, json: { property_id: elsewhere, unit_id: unitId, applicant_name: "A" } }))
      .toMatchObject({ status: 422, body: { error: "The unit is not in the given property." } });
    expect(await call("/applications", { method: "POST", key: org.key, json: { applicant_name: "A" } }))
      .toMatchObject({ status: 400, body: { error: "body: property_id or unit_id is required." } });
    expect(await call("/applications", { method: "POST", key: org.key, json: { unit_id: unitId, applicant_name: "A", ssn: "123" } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: ssn." } });
    expect((await call("/applications", { method: "POST", key: org.key, json: { unit_id: unitId, applicant_name: "A", monthly_income_usd: "lots" } })).body.error)
      .toMatch(/^monthly_income_usd /);
  });

  it("answers 404 for another organization's property or unit", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newPropertyWithUnit(other.id);
    expect(await call("/applications", { method: "POST", key: org.key, json: { property_id: foreign.propertyId, applicant_name: "A" } }))
      .toMatchObject({ status: 404, body: { error: "Property not found." } });
    expect(await call("/applications", { method: "POST", key: org.key, json: { unit_id: foreign.unitId, applicant_name: "A" } }))
      .toMatchObject({ status: 404, body: { error: "Unit not found." } });
  });

  it("needs write:applications", async () => {
    const org = await newTenantOrg(["read:applications"]);
    const { propertyId } = await newPropertyWithUnit(org.id);
    expect(await call("/applications", { method: "POST", key: org.key, json: { property_id: propertyId, applicant_name: "A" } }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:applications required here." } });
  });
});

describe("GET /api/applications", () => {
  it("filters by status, property and unit, and pages", async () => {
    const org = await newTenantOrg();
    const a = await newPropertyWithUnit(org.id);
    const b = await newPropertyWithUnit(org.id);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await submit(org.key, { property_id: a.propertyId, applicant_name: `A${i}` })).id);
    const inB = await submit(org.key, { unit_id: b.unitId, applicant_name: "B" });
    await call(`/applications/${made[0]}/approve`, { method: "POST", key: org.key });

    const ids = async (q: string) => (await call(`/applications?${q}`, { key: org.key })).body.data.map((x: { id: string }) => x.id);
    expect(await ids(`property_id=${a.propertyId}`)).toEqual([made[2], made[1], made[0]]);
    expect(await ids(`unit_id=${b.unitId}`)).toEqual([inB.id]);
    expect(await ids("status=approved")).toEqual([made[0]]);
    expect(await ids(`status=submitted&property_id=${a.propertyId}`)).toEqual([made[2], made[1]]);

    const p1 = await call(`/applications?property_id=${a.propertyId}&limit=2`, { key: org.key });
    expect(p1.body).toMatchObject({ has_more: true, next_cursor: made[1] });
    const p2 = await call(p1.body.next_url.replace(/^\/api/, ""), { key: org.key });
    expect(p2.body.data.map((x: { id: string }) => x.id)).toEqual([made[0]]);
    expect(p2.body.has_more).toBe(false);
  });

  it("answers 404 for another organization's property filter and 400 for unknown parameters", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newPropertyWithUnit(other.id);
    expect(await call(`/applications?property_id=${foreign.propertyId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    expect(await call(`/applications?unit_id=${foreign.unitId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Unit not found." } });
    expect(await call("/applications?state=x", { key: org.key })).toMatchObject({ status: 400, body: { error: "Unknown parameter: state." } });
  });

  it("needs read:applications", async () => {
    const org = await newTenantOrg(["write:applications"]);
    expect(await call("/applications", { key: org.key }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:applications required here." } });
  });
});

describe("GET /api/applications/:id", () => {
  it("returns one application; another organization's is 404", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { propertyId } = await newPropertyWithUnit(org.id);
    const a = await submit(org.key, { property_id: propertyId, applicant_name: "A" });
    expect(await call(`/applications/${a.id}`, { key: org.key })).toMatchObject({ status: 200, body: a });
    expect(await call(`/applications/${a.id}`, { key: other.key })).toMatchObject({ status: 404, body: { error: "Application not found." } });
  });
});

describe("POST /api/applications/:id/approve and /deny", () => {
  it("approves (body optional) and denies with a reason", async () => {
    const org = await newTenantOrg();
    const { propertyId } = await newPropertyWithUnit(org.id);
    const a = await submit(org.key, { property_id: propertyId, applicant_name: "A" });
    const b = await submit(org.key, { property_id: propertyId, applicant_name: "B" });
    let res = await call(`/applications/${a.id}/approve`, { method: "POST", key: org.key });
    expect(res).toMatchObject({ status: 200, body: { status: "approved", decision_reason: null } });
    expect(res.body.decided_at).toMatch(/Z$/);
    res = await call(`/applications/${b.id}/deny`, { method: "POST", key: org.key, json: { reason: "Income below 3x rent" } });
    expect(res).toMatchObject({ status: 200, body: { status: "denied", decision_reason: "Income below 3x rent" } });
    const rows = await sql`select id, status from app.applications where organization_id = ${org.id} order by id`;
    expect(rows).toEqual([{ id: a.id, status: "approved" }, { id: b.id, status: "denied" }]);
  });

  it("answers 409 saying why for deciding a decided application", async () => {
    const org = await newTenantOrg();
    const { propertyId } = await newPropertyWithUnit(org.id);
    const denied = await submit(org.key, { property_id: propertyId, applicant_name: "A" });
    await call(`/applications/${denied.id}/deny`, { method: "POST", key: org.key, json: { reason: "No" } });
    let res = await call(`/applications/${denied.id}/approve`, { method: "POST", key: org.key, json: {} });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/^This application was denied on \d{4}-\d{2}-\d{2}; a decided application cannot be approved\.$/);
    res = await call(`/applications/${denied.id}/deny`, { method: "POST", key: org.key, json: { reason: "Again" } });
    expect(res).toMatchObject({ status: 409, body: { error: "This application is already denied." } });
    const [row] = await sql`select status, decision_reason from app.applications where id = ${denied.id}`;
    expect(row).toEqual({ status: "denied", decision_reason: "No" });
  });

  it("validates, answers 404 across organizations and needs write:applications", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { propertyId } = await newPropertyWithUnit(org.id);
    const a = await submit(org.key, { property_id: propertyId, applicant_name: "A" });
    expect((await call(`/applications/${a.id}/deny`, { method: "POST", key: org.key, json: {} })).body.error).toMatch(/^reason /);
    expect(await call(`/applications/${a.id}/approve`, { method: "POST", key: org.key, json: { note: "x" } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: note." } });
    expect(await call(`/applications/${a.id}/approve`, { method: "POST", key: other.key })).toMatchObject({ status: 404, body: { error: "Application not found." } });
    const readOnly = await newKey(org.id, ["read:applications"]);
    expect(await call(`/applications/${a.id}/approve`, { method: "POST", key: readOnly }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:applications required here." } });
    expect((await call(`/applications/${a.id}`, { key: org.key })).body.status).toBe("submitted");
  });
});
