// /api/tenants over the real stack.
import { describe, expect, it } from "vitest";
import { allPages, call, sql } from "./helpers.ts";
import { newTenant, newTenantOrg } from "./fixtures/index.ts";

describe("/api/tenants", () => {
  it("adds, reads, updates and removes a tenant; a removed tenant leaves the default list", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const added = await call("/tenants", { key, method: "POST", json: { name: "Maya R.", email: "maya@example.test", phone: "+1 612 555 0100" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: "Maya R.", email: "maya@example.test", phone: "+1 612 555 0100", removed_at: null });
    expect(added.body.id).toMatch(/^ten_/);
    const [row] = await sql`select organization_id from app.tenants where id = ${added.body.id}`;
    expect(row.organization_id).toBe(orgId);

    const updated = await call(`/tenants/${added.body.id}`, { key, method: "PATCH", json: { phone: null, name: "Maya Rivera" } });
    expect(updated.body).toMatchObject({ name: "Maya Rivera", phone: null, email: "maya@example.test" });
    expect(await call(`/tenants/${added.body.id}`, { key })).toMatchObject({ status: 200, body: updated.body });

    const removed = await call(`/tenants/${added.body.id}/remove`, { key, method: "POST" });
    expect(removed.status).toBe(200);
    expect(removed.body.removed_at).toMatch(/Z$/);
    const [after] = await sql`select removed_at from app.tenants where id = ${added.body.id}`;
    expect(after.removed_at).toBeInstanceOf(Date);

    expect((await call("/tenants", { key })).body.data).toEqual([]);
    expect((await call("/tenants?include_removed=true", { key })).body.data.map((t: any) => t.id)).toEqual([added.body.id]);
    expect((await call("/tenants?include_removed=false", { key })).body.data).toEqual([]);
  });

  it("answers 409 when removing a tenant who was already removed", async () => {
    const { key } = await newTenantOrg();
    const { body: t } = await call("/tenants", { key, method: "POST", json: { name: "Sam" } });
    expect((await call(`/tenants/${t.id}/remove`, { key, method: "POST" })).status).toBe(200);
    const again = await call(`/tenants/${t.id}/remove`, { key, method: "POST" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/^This tenant was already removed at \d{4}-\d\d-\d\dT/);
  });

  it("validates bodies and query strings", async () => {
    const { key } = await newTenantOrg();
    expect(await call("/tenants", { key, method: "POST", json: { name: "A", ssn: "123" } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: ssn." } });
    const email = await call("/tenants", { key, method: "POST", json: { name: "A", email: "not an email" } });
    expect(email.status).toBe(400);
    expect(email.body.error).toMatch(/^email: /);
    expect((await call("/tenants", { key, method: "POST", json: { name: "" } })).status).toBe(400);
    const flag = await call("/tenants?include_removed=yes", { key });
    expect(flag.status).toBe(400);
    expect(flag.body.error).toMatch(/^include_removed /);
  });

  it("answers 403 naming the scope", async () => {
    const { key } = await newTenantOrg(["read:tenants"]);
    expect(await call("/tenants", { key, method: "POST", json: { name: "A" } }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:tenants required here." } });
    expect(await call("/tenants/ten_01H00000000000000000000000/remove", { key, method: "POST" }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:tenants required here." } });
    const { key: none } = await newTenantOrg(["read:leases"]);
    expect((await call("/tenants", { key: none })).body.error).toBe("This API key lacks the scope read:tenants required here.");
  });

  it("answers 404 for another organization's tenant and leaves it alone", async () => {
    const other = await newTenantOrg();
    const foreign = await newTenant(other.id, { name: "Theirs" });
    const { key } = await newTenantOrg();
    expect(await call(`/tenants/${foreign}`, { key })).toMatchObject({ status: 404, body: { error: "Tenant not found." } });
    expect((await call(`/tenants/${foreign}`, { key, method: "PATCH", json: { name: "x" } })).status).toBe(404);
    expect((await call(`/tenants/${foreign}/remove`, { key, method: "POST" })).status).toBe(404);
    const [row] = await sql`select name, removed_at from app.tenants where id = ${foreign}`;
    expect(row).toEqual({ name: "Theirs", removed_at: null });
  });

  it("pages through more than one page", async () => {
    const { id: orgId, key } = await newTenantOrg();
    for (let i = 0; i < 7; i++) await newTenant(orgId, { name: `T${i}` });
    const { ids, pages } = await allPages("/tenants?limit=3", key);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(7);
  });
});
