// /api/vendors: list (by trade), get with work-order counts, create, update, delete.
import { describe, expect, it } from "vitest";
import { call, sql } from "./helpers.ts";
import {
  newExpense, newKey, newProperty, newPropertyWithUnit, newTenantOrg, newVendor, newWorkOrder,
} from "./fixtures/index.ts";

async function create(key: string, json: Record<string, unknown>) {
  const res = await call("/vendors", { method: "POST", key, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /api/vendors", () => {
  it("creates a vendor", async () => {
    const org = await newTenantOrg();
    const v = await create(org.key, { name: "Twin Cities Plow Co.", trade: "Snow removal", email: "ops@plow.example", phone: "612-555-0100" });
    expect(v).toMatchObject({
      name: "Twin Cities Plow Co.", trade: "Snow removal", email: "ops@plow.example", phone: "612-555-0100", notes: null,
      open_work_orders: 0, completed_work_orders: 0,
    });
    expect(v.id).toMatch(/^v_[0-9A-HJKMNP-TV-Z]{26}$/);
    const [row] = await sql`select organization_id from app.vendors where id = ${v.id}`;
    expect(row.organization_id).toBe(org.id);
  });

  it("rejects unknown and invalid fields with a 400 naming them", async () => {
    const org = await newTenantOrg();
    expect(await call("/vendors", { method: "POST", key: org.key, json: { name: "A", rating: 5 } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: rating." } });
    expect((await call("/vendors", { method: "POST", key: org.key, json: { name: "" } })).body.error).toMatch(/^name /);
    expect((await call("/vendors", { method: "POST", key: org.key, json: { name: "A", email: "not an email" } })).body.error).toMatch(/^email: /);
    expect((await call("/vendors", { method: "POST", key: org.key, body: "name=A", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(415);
  });

  it("needs write:vendors", async () => {
    const org = await newTenantOrg(["read:vendors"]);
    expect(await call("/vendors", { method: "POST", key: org.key, json: { name: "A" } }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:vendors required here." } });
  });
});

describe("GET /api/vendors", () => {
  it("lists the organization's vendors newest first, filtered by trade (any case)", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    await newVendor(other.id, { name: "Not mine", trade: "plumbing" });
    const a = await create(org.key, { name: "Pipes", trade: "Plumbing" });
    const b = await create(org.key, { name: "Sparks", trade: "Electrical" });
    const c = await create(org.key, { name: "Drains", trade: "plumbing" });
    let res = await call("/vendors", { key: org.key });
    expect(res.body.data.map((v: { id: string }) => v.id)).toEqual([c.id, b.id, a.id]);
    res = await call("/vendors?trade=PLUMBING", { key: org.key });
    expect(res.body.data.map((v: { id: string }) => v.id)).toEqual([c.id, a.id]);
    res = await call("/vendors?trade=roofing", { key: org.key });
    expect(res.body).toEqual({ data: [], has_more: false, next_cursor: null, next_url: null });
  });

  it("pages through more than one page", async () => {
    const org = await newTenantOrg();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create(org.key, { name: `V${i}`, trade: "hvac" })).id);
    const first = await call("/vendors?trade=hvac&limit=3", { key: org.key });
    expect(first.body).toMatchObject({ has_more: true, next_cursor: made[2] });
    expect(first.body.next_url).toBe(`/api/vendors?trade=hvac&limit=3&cursor=${made[2]}`);
    const second = await call(first.body.next_url.replace(/^\/api/, ""), { key: org.key });
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null, next_url: null });
    expect([...first.body.data, ...second.body.data].map((v: { id: string }) => v.id)).toEqual([...made].reverse());
    expect((await call("/vendors?cursor=bogus", { key: org.key })).status).toBe(400);
    expect(await call("/vendors?name=x", { key: org.key })).toMatchObject({ status: 400, body: { error: "Unknown parameter: name." } });
  });

  it("needs read:vendors", async () => {
    const org = await newTenantOrg(["write:vendors"]);
    expect(await call("/vendors", { key: org.key }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:vendors required here." } });
  });
});

describe("GET /api/vendors/:id", () => {
  it("counts the vendor's open (open or assigned) and completed work orders", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const v = await create(org.key, { name: "Handy" });
    const other = await create(org.key, { name: "Other" });
    await newWorkOrder(org.id, unitId, { vendorId: v.id, title: "job" });
    await newWorkOrder(org.id, unitId, { vendorId: v.id, title: "job" });
    await newWorkOrder(org.id, unitId, { vendorId: other.id, title: "job" });
    await newWorkOrder(org.id, unitId, { vendorId: v.id, title: "x", status: "completed" });

    const res = await call(`/vendors/${v.id}`, { key: org.key });
    expect(res).toMatchObject({ status: 200, body: { id: v.id, name: "Handy", open_work_orders: 2, completed_work_orders: 1 } });
  });

  it("answers 404 for another organization's vendor", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newVendor(other.id);
    expect(await call(`/vendors/${foreign}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    expect((await call("/vendors/v_nope", { key: org.key })).status).toBe(404);
  });
});

describe("PATCH /api/vendors/:id", () => {
  it("updates and clears fields", async () => {
    const org = await newTenantOrg();
    const v = await create(org.key, { name: "Handy", trade: "general", phone: "1" });
    const res = await call(`/vendors/${v.id}`, { method: "PATCH", key: org.key, json: { trade: null, notes: "Fast", name: "Handy LLC" } });
    expect(res).toMatchObject({ status: 200, body: { name: "Handy LLC", trade: null, phone: "1", notes: "Fast" } });
  });

  it("validates, answers 404 across organizations and needs write:vendors", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const v = await create(org.key, { name: "Handy" });
    expect(await call(`/vendors/${v.id}`, { method: "PATCH", key: org.key, json: {} })).toMatchObject({ status: 400 });
    expect(await call(`/vendors/${v.id}`, { method: "PATCH", key: org.key, json: { name: null } })).toMatchObject({ status: 400 });
    expect(await call(`/vendors/${v.id}`, { method: "PATCH", key: org.key, json: { id: "v_x" } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: id." } });
    expect(await call(`/vendors/${v.id}`, { method: "PATCH", key: other.key, json: { name: "Mine now" } }))
      .toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    const readOnly = await newKey(org.id, ["read:vendors"]);
    expect((await call(`/vendors/${v.id}`, { method: "PATCH", key: readOnly, json: { name: "X" } })).status).toBe(403);
    const [row] = await sql`select name from app.vendors where id = ${v.id}`;
    expect(row.name).toBe("Handy");
  });
});

describe("DELETE /api/vendors/:id", () => {
  it("deletes an unreferenced vendor", async () => {
    const org = await newTenantOrg();
    const v = await create(org.key, { name: "Gone" });
    expect(await call(`/vendors/${v.id}`, { method: "DELETE", key: org.key })).toMatchObject({ status: 200, body: { id: v.id, deleted: true } });
    expect((await call(`/vendors/${v.id}`, { key: org.key })).status).toBe(404);
    expect((await call(`/vendors/${v.id}`, { method: "DELETE", key: org.key })).status).toBe(404);
  });

  it("answers 409 while work orders or expenses refer to it", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const v = await create(org.key, { name: "Busy" });
    await newWorkOrder(org.id, unitId, { vendorId: v.id, title: "job" });
    expect(await call(`/vendors/${v.id}`, { method: "DELETE", key: org.key }))
      .toMatchObject({ status: 409, body: { error: "This vendor is on 1 work order; it cannot be deleted while work orders refer to it." } });

    const billed = await create(org.key, { name: "Billed" });
    await newExpense(org.id, await newProperty(org.id), { category: "repairs", label: "Fix", amountCents: 100, vendorId: billed.id });
    expect(await call(`/vendors/${billed.id}`, { method: "DELETE", key: org.key }))
      .toMatchObject({ status: 409, body: { error: "This vendor is on 1 expense; it cannot be deleted while expenses refer to it." } });
    const [{ count }] = await sql`select count(*)::int as count from app.vendors where organization_id = ${org.id}`;
    expect(count).toBe(2);
  });

  it("answers 404 for another organization's vendor and needs write:vendors", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const v = await create(org.key, { name: "Mine" });
    expect(await call(`/vendors/${v.id}`, { method: "DELETE", key: other.key })).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    const readOnly = await newKey(org.id, ["read:vendors"]);
    expect(await call(`/vendors/${v.id}`, { method: "DELETE", key: readOnly }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:vendors required here." } });
    expect((await call(`/vendors/${v.id}`, { key: org.key })).status).toBe(200);
  });
});
