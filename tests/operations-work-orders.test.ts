// /api/work-orders: create, list (the reference's curl), filters, update, assign, complete.
import { describe, expect, it } from "vitest";
import { call, functionsUrl, runReferenceCurl, sql } from "./helpers.ts";
import { newKey, newPropertyWithUnit, newTenantOrg, newUnit, newVendor } from "./fixtures/index.ts";

// The reference's "List work orders for a unit" example, with its line break restored.
const REFERENCE_CURL = `curl "https://app.aptoria.ai/api/work-orders?unit_id=5f..." \\
  -H "Authorization: Bearer apt_..."`;

async function create(key: string, json: Record<string, unknown>) {
  const res = await call("/work-orders", { method: "POST", key, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /api/work-orders", () => {
  it("creates an open work order, or an assigned one when a vendor is given", async () => {
    const org = await newTenantOrg();
    const { propertyId, unitId } = await newPropertyWithUnit(org.id);
    const vendorId = await newVendor(org.id);

    const open = await create(org.key, { unit_id: unitId, title: "Leaking faucet", description: "Kitchen sink", priority: "high", due_date: "2026-12-01" });
    expect(open).toMatchObject({
      unit_id: unitId, property_id: propertyId, vendor_id: null, title: "Leaking faucet", description: "Kitchen sink",
      priority: "high", status: "open", due_date: "2026-12-01", cost_usd: null, assigned_at: null, completed_at: null,
    });
    expect(open.id).toMatch(/^wo_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(open.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const assigned = await create(org.key, { unit_id: unitId, title: "Furnace check", vendor_id: vendorId });
    expect(assigned).toMatchObject({ vendor_id: vendorId, status: "assigned", priority: "normal" });
    expect(assigned.assigned_at).toBeTruthy();

    const [row] = await sql`select status, vendor_id from app.work_orders where id = ${assigned.id}`;
    expect(row).toEqual({ status: "assigned", vendor_id: vendorId });
  });

  it("rejects unknown and invalid fields with a 400 naming them", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    let res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: unitId, title: "X", colour: "red", size: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("Unknown fields: colour, size.");
    res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: unitId } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^title /);
    res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: unitId, title: "X", priority: "urgent", due_date: "12/01/2026" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/priority must be one of low, normal/);
    expect(res.body.error).toMatch(/due_date: /);
    res = await call("/work-orders", { method: "POST", key: org.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not valid JSON/);
  });

  it("answers 404 for a unit or vendor of another organization, and creates nothing", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const foreign = await newPropertyWithUnit(other.id);
    const foreignVendor = await newVendor(other.id);

    let res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: foreign.unitId, title: "X" } });
    expect(res).toMatchObject({ status: 404, body: { error: "Unit not found." } });
    res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: "unit_nope", title: "X" } });
    expect(res).toMatchObject({ status: 404, body: { error: "Unit not found." } });
    res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: unitId, title: "X", vendor_id: foreignVendor } });
    expect(res).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    const [{ count }] = await sql`select count(*)::int as count from app.work_orders where organization_id = ${org.id}`;
    expect(count).toBe(0);
  });

  it("needs write:work_orders", async () => {
    const org = await newTenantOrg(["read:work_orders"]);
    const { unitId } = await newPropertyWithUnit(org.id);
    const res = await call("/work-orders", { method: "POST", key: org.key, json: { unit_id: unitId, title: "X" } });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe("This API key lacks the scope write:work_orders required here.");
  });
});

describe("GET /api/work-orders", () => {
  it("runs the reference's curl verbatim: the unit's work orders, newest first", async () => {
    const org = await newTenantOrg();
    const { propertyId, unitId } = await newPropertyWithUnit(org.id);
    const otherUnit = await newUnit(org.id, propertyId, { label: "2A" });
    const first = await create(org.key, { unit_id: unitId, title: "Leaking faucet" });
    const second = await create(org.key, { unit_id: unitId, title: "Broken blind" });
    await create(org.key, { unit_id: otherUnit, title: "Elsewhere" });

    const body = await runReferenceCurl(REFERENCE_CURL, {
      "https://app.aptoria.ai": functionsUrl,
      "5f...": unitId,
      "apt_...": org.key,
    });
    expect(body.data.map((w: { id: string }) => w.id)).toEqual([second.id, first.id]);
    expect(body).toMatchObject({ has_more: false, next_cursor: null, next_url: null });
  });

  it("filters by property, status, vendor and priority", async () => {
    const org = await newTenantOrg();
    const a = await newPropertyWithUnit(org.id, { unit: "A" });
    const b = await newPropertyWithUnit(org.id, { unit: "B" });
    const plumber = await newVendor(org.id, { name: "Pipes Inc", trade: "plumbing" });
    const w1 = await create(org.key, { unit_id: a.unitId, title: "1", priority: "emergency", vendor_id: plumber });
    const w2 = await create(org.key, { unit_id: a.unitId, title: "2", priority: "low" });
    const w3 = await create(org.key, { unit_id: b.unitId, title: "3", priority: "emergency" });

    const ids = async (query: string) => {
      const res = await call(`/work-orders?${query}`, { key: org.key });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data.map((w: { id: string }) => w.id);
    };
    expect(await ids(`property_id=${a.propertyId}`)).toEqual([w2.id, w1.id]);
    expect(await ids(`property_id=${b.propertyId}`)).toEqual([w3.id]);
    expect(await ids("status=open")).toEqual([w3.id, w2.id]);
    expect(await ids("status=assigned")).toEqual([w1.id]);
    expect(await ids("status=completed")).toEqual([]);
    expect(await ids(`vendor_id=${plumber}`)).toEqual([w1.id]);
    expect(await ids("priority=emergency")).toEqual([w3.id, w1.id]);
    expect(await ids(`priority=emergency&property_id=${a.propertyId}`)).toEqual([w1.id]);
    expect(await ids("")).toEqual([w3.id, w2.id, w1.id]);
  });

  it("pages through more than one page with next_url", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create(org.key, { unit_id: unitId, title: `Job ${i}` })).id);

    const seen: string[] = [];
    let path: string | null = `/work-orders?unit_id=${unitId}&limit=2`;
    let pages = 0;
    while (path) {
      const res: { status: number; body: any } = await call(path, { key: org.key });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((w: { id: string }) => w.id));
      expect(res.body.has_more).toBe(res.body.next_url !== null);
      path = res.body.next_url ? res.body.next_url.replace(/^\/api/, "") : null;
      if (path) expect(path).toContain(`unit_id=${unitId}`);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
  });

  it("answers 404 for filters naming another organization's records, 400 for unknown parameters", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newPropertyWithUnit(other.id);
    const foreignVendor = await newVendor(other.id);
    expect(await call(`/work-orders?unit_id=${foreign.unitId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Unit not found." } });
    expect(await call(`/work-orders?property_id=${foreign.propertyId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    expect(await call(`/work-orders?vendor_id=${foreignVendor}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    expect(await call("/work-orders?colour=red", { key: org.key })).toMatchObject({ status: 400, body: { error: "Unknown parameter: colour." } });
    expect((await call("/work-orders?status=closed", { key: org.key })).status).toBe(400);
    expect((await call("/work-orders?limit=201", { key: org.key })).status).toBe(400);
  });

  it("needs read:work_orders", async () => {
    const org = await newTenantOrg(["write:work_orders"]);
    const res = await call("/work-orders", { key: org.key });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe("This API key lacks the scope read:work_orders required here.");
  });
});

describe("GET /api/work-orders/:id", () => {
  it("returns the work order; another organization's or a made-up id is 404", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const mine = await create(org.key, { unit_id: unitId, title: "Mine" });
    expect(await call(`/work-orders/${mine.id}`, { key: org.key })).toMatchObject({ status: 200, body: mine });
    const res = await call(`/work-orders/${mine.id}`, { key: other.key });
    expect(res).toMatchObject({ status: 404, body: { error: "Work order not found." } });
    expect((await call("/work-orders/wo_01HZZZZZZZZZZZZZZZZZZZZZZZ", { key: org.key })).status).toBe(404);
    expect((await call("/work-orders/nonsense", { key: org.key })).status).toBe(404);
  });

  it("answers a method the path does not take with 405 and Allow", async () => {
    const org = await newTenantOrg();
    const res = await call("/work-orders/wo_01HZZZZZZZZZZZZZZZZZZZZZZZ", { method: "DELETE", key: org.key });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, PATCH");
  });
});

describe("PATCH /api/work-orders/:id", () => {
  it("changes the given fields and clears those sent as null", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const wo = await create(org.key, { unit_id: unitId, title: "Old", description: "Desc", due_date: "2026-12-01" });
    const res = await call(`/work-orders/${wo.id}`, {
      method: "PATCH", key: org.key,
      json: { title: "New", description: null, priority: "high", notes: "Tenant home after 5", cost_usd: 125.5 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: "New", description: null, priority: "high", due_date: "2026-12-01", notes: "Tenant home after 5", cost_usd: 125.5 });
    const [row] = await sql`select cost_cents from app.work_orders where id = ${wo.id}`;
    expect(row.cost_cents).toBe("12550");
  });

  it("rejects an empty body, unknown fields, status changes and amounts with fractions of cents", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const wo = await create(org.key, { unit_id: unitId, title: "Old" });
    const patch = (json: unknown) => call(`/work-orders/${wo.id}`, { method: "PATCH", key: org.key, json });
    expect(await patch({})).toMatchObject({ status: 400, body: { error: "body: send at least one field to change." } });
    expect(await patch({ status: "completed" })).toMatchObject({ status: 400, body: { error: "Unknown field: status." } });
    expect((await patch({ cost_usd: 1.005 })).body.error).toMatch(/^cost_usd: .*two decimals/);
    expect((await patch({ cost_usd: -1 })).status).toBe(400);
  });

  it("answers 404 for another organization's work order and 403 without write:work_orders", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const wo = await create(org.key, { unit_id: unitId, title: "Old" });
    expect(await call(`/work-orders/${wo.id}`, { method: "PATCH", key: other.key, json: { title: "Hijack" } }))
      .toMatchObject({ status: 404, body: { error: "Work order not found." } });
    const readOnly = await newKey(org.id, ["read:work_orders"]);
    const res = await call(`/work-orders/${wo.id}`, { method: "PATCH", key: readOnly, json: { title: "X" } });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/write:work_orders/);
    const [row] = await sql`select title from app.work_orders where id = ${wo.id}`;
    expect(row.title).toBe("Old");
  });
});

describe("POST /api/work-orders/:id/assign and /complete", () => {
  it("assigns an open one, reassigns an assigned one, and completes it with cost and notes", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const first = await newVendor(org.id, { name: "First" });
    const second = await newVendor(org.id, { name: "Second" });
    const wo = await create(org.key, { unit_id: unitId, title: "Roof", notes: "Ladder in garage" });

    let res = await call(`/work-orders/${wo.id}/assign`, { method: "POST", key: org.key, json: { vendor_id: first } });
    expect(res).toMatchObject({ status: 200, body: { status: "assigned", vendor_id: first } });
    res = await call(`/work-orders/${wo.id}/assign`, { method: "POST", key: org.key, json: { vendor_id: second } });
    expect(res).toMatchObject({ status: 200, body: { status: "assigned", vendor_id: second } });

    res = await call(`/work-orders/${wo.id}/complete`, { method: "POST", key: org.key, json: { cost_usd: 380, notes: "Replaced flashing" } });
    expect(res).toMatchObject({ status: 200, body: { status: "completed", cost_usd: 380, notes: "Replaced flashing", vendor_id: second } });
    expect(res.body.completed_at).toMatch(/Z$/);

    const [row] = await sql`select status, cost_cents, completed_at is not null as done from app.work_orders where id = ${wo.id}`;
    expect(row).toEqual({ status: "completed", cost_cents: "38000", done: true });
  });

  it("keeps the notes when completing without new ones", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const wo = await create(org.key, { unit_id: unitId, title: "Roof", notes: "Ladder in garage", vendor_id: await newVendor(org.id) });
    const res = await call(`/work-orders/${wo.id}/complete`, { method: "POST", key: org.key, json: { cost_usd: 0 } });
    expect(res.body).toMatchObject({ status: "completed", cost_usd: 0, notes: "Ladder in garage" });
  });

  it("answers 409 saying why for completing an open or a completed one, and for reassigning a completed one", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const v = await newVendor(org.id);
    const open = await create(org.key, { unit_id: unitId, title: "Open" });
    let res = await call(`/work-orders/${open.id}/complete`, { method: "POST", key: org.key, json: { cost_usd: 10 } });
    expect(res).toMatchObject({ status: 409, body: { error: "This work order is open and has no vendor; assign a vendor before completing it." } });

    const done = await create(org.key, { unit_id: unitId, title: "Done", vendor_id: v });
    expect((await call(`/work-orders/${done.id}/complete`, { method: "POST", key: org.key, json: { cost_usd: 10 } })).status).toBe(200);
    res = await call(`/work-orders/${done.id}/complete`, { method: "POST", key: org.key, json: { cost_usd: 99 } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/^This work order is already completed \(on \d{4}-\d{2}-\d{2}\); it cannot be completed again\.$/);
    res = await call(`/work-orders/${done.id}/assign`, { method: "POST", key: org.key, json: { vendor_id: v } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/a completed work order cannot be reassigned/);

    const [row] = await sql`select cost_cents from app.work_orders where id = ${done.id}`;
    expect(row.cost_cents).toBe("1000");
  });

  it("answers 404 for another organization's vendor or work order", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const wo = await create(org.key, { unit_id: unitId, title: "Open" });
    const foreignVendor = await newVendor(other.id);
    let res = await call(`/work-orders/${wo.id}/assign`, { method: "POST", key: org.key, json: { vendor_id: foreignVendor } });
    expect(res).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    res = await call(`/work-orders/${wo.id}/assign`, { method: "POST", key: other.key, json: { vendor_id: foreignVendor } });
    expect(res).toMatchObject({ status: 404, body: { error: "Work order not found." } });
    res = await call(`/work-orders/${wo.id}/complete`, { method: "POST", key: other.key, json: { cost_usd: 1 } });
    expect(res).toMatchObject({ status: 404, body: { error: "Work order not found." } });
    const [row] = await sql`select status, vendor_id from app.work_orders where id = ${wo.id}`;
    expect(row).toEqual({ status: "open", vendor_id: null });
  });

  it("validates the bodies and needs write:work_orders", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const wo = await create(org.key, { unit_id: unitId, title: "Open", vendor_id: await newVendor(org.id) });
    expect(await call(`/work-orders/${wo.id}/assign`, { method: "POST", key: org.key, json: {} }))
      .toMatchObject({ status: 400, body: { error: expect.stringMatching(/^vendor_id /) } });
    expect(await call(`/work-orders/${wo.id}/complete`, { method: "POST", key: org.key, json: { cost_usd: 5, rating: 5 } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: rating." } });
    expect(await call(`/work-orders/${wo.id}/complete`, { method: "POST", key: org.key, json: { notes: "no cost" } }))
      .toMatchObject({ status: 400, body: { error: expect.stringMatching(/^cost_usd /) } });
    const readOnly = await newKey(org.id, ["read:work_orders"]);
    const res = await call(`/work-orders/${wo.id}/complete`, { method: "POST", key: readOnly, json: { cost_usd: 5 } });
    expect(res).toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:work_orders required here." } });
  });
});
