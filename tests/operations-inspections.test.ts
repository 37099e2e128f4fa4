// /api/inspections: schedule, list (by unit, property, status), get, complete with findings, cancel.
import { describe, expect, it } from "vitest";
import { call, sql } from "./helpers.ts";
import { newKey, newPropertyWithUnit, newTenantOrg, newUnit } from "./fixtures/index.ts";

async function schedule(key: string, json: Record<string, unknown>) {
  const res = await call("/inspections", { method: "POST", key, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const findings = [
  { area: "Kitchen", condition: "good" },
  { area: "Bathroom", condition: "poor", note: "Grout cracked around the tub" },
];

describe("POST /api/inspections", () => {
  it("schedules an inspection", async () => {
    const org = await newTenantOrg();
    const { propertyId, unitId } = await newPropertyWithUnit(org.id);
    const i = await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-15", kind: "move_out", inspector: "Lee" });
    expect(i).toMatchObject({
      unit_id: unitId, property_id: propertyId, kind: "move_out", status: "scheduled", scheduled_for: "2026-12-15",
      inspector: "Lee", findings: null, summary: null, completed_at: null,
    });
    expect(i.id).toMatch(/^insp_/);
    expect((await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-16" })).kind).toBe("routine");
  });

  it("validates the body, answers 404 for another organization's unit and needs write:inspections", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const foreign = await newPropertyWithUnit(other.id);
    expect(await call("/inspections", { method: "POST", key: org.key, json: { unit_id: unitId, scheduled_for: "2026-12-15", room: "all" } }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: room." } });
    expect((await call("/inspections", { method: "POST", key: org.key, json: { unit_id: unitId, scheduled_for: "2026-13-45" } })).body.error)
      .toMatch(/^scheduled_for: /);
    expect((await call("/inspections", { method: "POST", key: org.key, json: { unit_id: unitId, scheduled_for: "2026-12-15", kind: "annual" } })).body.error)
      .toMatch(/^kind /);
    expect(await call("/inspections", { method: "POST", key: org.key, json: { unit_id: foreign.unitId, scheduled_for: "2026-12-15" } }))
      .toMatchObject({ status: 404, body: { error: "Unit not found." } });
    const readOnly = await newKey(org.id, ["read:inspections"]);
    expect(await call("/inspections", { method: "POST", key: readOnly, json: { unit_id: unitId, scheduled_for: "2026-12-15" } }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:inspections required here." } });
    const [{ count }] = await sql`select count(*)::int as count from app.inspections where organization_id = ${org.id}`;
    expect(count).toBe(0);
  });
});

describe("GET /api/inspections", () => {
  it("filters by unit, property and status, and pages", async () => {
    const org = await newTenantOrg();
    const a = await newPropertyWithUnit(org.id);
    const a2 = await newUnit(org.id, a.propertyId, { label: "2A" });
    const b = await newPropertyWithUnit(org.id);
    const i1 = await schedule(org.key, { unit_id: a.unitId, scheduled_for: "2026-12-01" });
    const i2 = await schedule(org.key, { unit_id: a2, scheduled_for: "2026-12-02" });
    const i3 = await schedule(org.key, { unit_id: b.unitId, scheduled_for: "2026-12-03" });
    await call(`/inspections/${i2.id}/cancel`, { method: "POST", key: org.key });

    const ids = async (q: string) => (await call(`/inspections?${q}`, { key: org.key })).body.data.map((x: { id: string }) => x.id);
    expect(await ids(`unit_id=${a.unitId}`)).toEqual([i1.id]);
    expect(await ids(`property_id=${a.propertyId}`)).toEqual([i2.id, i1.id]);
    expect(await ids("status=scheduled")).toEqual([i3.id, i1.id]);
    expect(await ids("status=cancelled")).toEqual([i2.id]);

    const p1 = await call("/inspections?limit=1", { key: org.key });
    const p2 = await call(p1.body.next_url.replace(/^\/api/, ""), { key: org.key });
    const p3 = await call(p2.body.next_url.replace(/^\/api/, ""), { key: org.key });
    expect([p1, p2, p3].map((p) => p.body.data[0].id)).toEqual([i3.id, i2.id, i1.id]);
    expect(p3.body).toMatchObject({ has_more: false, next_url: null });
  });

  it("answers 404 for another organization's unit or property filter, 403 without read:inspections", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const foreign = await newPropertyWithUnit(other.id);
    expect(await call(`/inspections?unit_id=${foreign.unitId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Unit not found." } });
    expect(await call(`/inspections?property_id=${foreign.propertyId}`, { key: org.key })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    expect((await call("/inspections?status=done", { key: org.key })).status).toBe(400);
    const writeOnly = await newKey(org.id, ["write:inspections"]);
    expect(await call("/inspections", { key: writeOnly }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:inspections required here." } });
  });
});

describe("GET /api/inspections/:id", () => {
  it("returns one inspection; another organization's is 404", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const i = await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-01" });
    expect(await call(`/inspections/${i.id}`, { key: org.key })).toMatchObject({ status: 200, body: i });
    expect(await call(`/inspections/${i.id}`, { key: other.key })).toMatchObject({ status: 404, body: { error: "Inspection not found." } });
  });
});

describe("POST /api/inspections/:id/complete and /cancel", () => {
  it("completes with findings and a summary", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const i = await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-01" });
    const res = await call(`/inspections/${i.id}/complete`, { method: "POST", key: org.key, json: { findings, summary: "Bathroom needs work" } });
    expect(res).toMatchObject({
      status: 200,
      body: {
        status: "completed", summary: "Bathroom needs work",
        findings: [{ area: "Kitchen", condition: "good", note: null }, { area: "Bathroom", condition: "poor", note: "Grout cracked around the tub" }],
      },
    });
    expect(res.body.completed_at).toMatch(/Z$/);
    const [row] = await sql`select status, jsonb_array_length(findings) as n from app.inspections where id = ${i.id}`;
    expect(row).toEqual({ status: "completed", n: 2 });
  });

  it("answers 409 for completing a completed or cancelled inspection, and for cancelling a completed one", async () => {
    const org = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const done = await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-01" });
    await call(`/inspections/${done.id}/complete`, { method: "POST", key: org.key, json: { findings } });
    expect(await call(`/inspections/${done.id}/complete`, { method: "POST", key: org.key, json: { findings: [] } }))
      .toMatchObject({ status: 409, body: { error: "This inspection is already completed." } });
    expect(await call(`/inspections/${done.id}/cancel`, { method: "POST", key: org.key }))
      .toMatchObject({ status: 409, body: { error: "This inspection was completed; only a scheduled inspection can be cancelled." } });

    const cancelled = await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-02" });
    expect(await call(`/inspections/${cancelled.id}/cancel`, { method: "POST", key: org.key, json: { reason: "Tenant away" } }))
      .toMatchObject({ status: 200, body: { status: "cancelled", summary: "Tenant away", completed_at: null } });
    expect(await call(`/inspections/${cancelled.id}/complete`, { method: "POST", key: org.key, json: { findings } }))
      .toMatchObject({ status: 409, body: { error: "This inspection was cancelled; only a scheduled inspection can be completed." } });
    expect(await call(`/inspections/${cancelled.id}/cancel`, { method: "POST", key: org.key }))
      .toMatchObject({ status: 409, body: { error: "This inspection is already cancelled." } });
    const [row] = await sql`select findings from app.inspections where id = ${cancelled.id}`;
    expect(row.findings).toBeNull();
  });

  it("validates findings, answers 404 across organizations and needs write:inspections", async () => {
    const org = await newTenantOrg();
    const other = await newTenantOrg();
    const { unitId } = await newPropertyWithUnit(org.id);
    const i = await schedule(org.key, { unit_id: unitId, scheduled_for: "2026-12-01" });
    const complete = (json: unknown, key = org.key) => call(`/inspections/${i.id}/complete`, { method: "POST", key, json });
    expect((await complete({ findings: [{ area: "Roof", condition: "terrible" }] })).body.error).toMatch(/^findings\.0\.condition /);
    expect(await complete({ findings: [{ area: "Roof", condition: "good", photo: "x" }] }))
      .toMatchObject({ status: 400, body: { error: "Unknown field: photo." } });
    expect((await complete({ summary: "no findings" })).body.error).toMatch(/^findings /);
    expect(await complete({ findings }, other.key)).toMatchObject({ status: 404, body: { error: "Inspection not found." } });
    expect(await call(`/inspections/${i.id}/cancel`, { method: "POST", key: other.key })).toMatchObject({ status: 404 });
    const readOnly = await newKey(org.id, ["read:inspections"]);
    expect(await complete({ findings }, readOnly))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:inspections required here." } });
    expect((await call(`/inspections/${i.id}`, { key: org.key })).body.status).toBe("scheduled");
  });
});
