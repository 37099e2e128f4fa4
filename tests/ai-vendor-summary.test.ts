// POST /api/ai-vendor-summary: facts computed in SQL from crafted work orders, checked against
// values worked out by hand; the recommendation rules; isolation, scopes and bad input.
import { describe, expect, it } from "vitest";
import { writeVendorSummary } from "../supabase/functions/_shared/ai/writer.ts";
import { call } from "./helpers.ts";
import { newKey, newProperty, newTenantOrg, newUnit, newVendor, newWorkOrder, orgDay } from "./fixtures/index.ts";

const DAY = 86_400_000;

/** A property, Pine Court, with units labelled `labels`. */
async function units(orgId: string, labels: string[]): Promise<string[]> {
  const propertyId = await newProperty(orgId, { name: "Pine Court" });
  const ids: string[] = [];
  for (const label of labels) ids.push(await newUnit(orgId, propertyId, { label }));
  return ids;
}

/** A vendor with contact details (which the answer must not show). */
const vendor = (orgId: string, name: string, trade?: string) =>
  newVendor(orgId, { name, trade, email: "office@vendor.example", phone: "612-555-0100" });

interface Job {
  unit: string;
  vendor: string;
  /** instants, as Dates */
  created: Date;
  assigned?: Date;
  completed?: Date;
  /** status open (with the vendor named) instead of assigned, when not completed */
  open?: boolean;
  /** the due date as YYYY-MM-DD */
  due?: string;
  costCents?: number;
  notes?: string;
  title?: string;
}

/** A work order: assigned (or open) at `created`, completed at `completed` if given. */
const job = (orgId: string, j: Job) =>
  newWorkOrder(orgId, j.unit, {
    vendorId: j.vendor, title: j.title ?? "Job", status: j.completed ? "completed" : j.open ? "open" : "assigned",
    createdAt: j.created, assignedAt: j.assigned, completedAt: j.completed, due: j.due, costCents: j.costCents, notes: j.notes,
  });

/**
 * The calendar day of an instant in the organizations' default time zone (America/Chicago, by
 * the JavaScript runtime's time zone data), shifted by `days`.
 */
function dayOf(at: Date, days = 0): string {
  const day = at.toLocaleDateString("en-CA", { timeZone: "America/Chicago" });
  return new Date(Date.parse(day) + days * DAY).toISOString().slice(0, 10);
}

const summary = (key: string, vendorId: string) =>
  call("/ai-vendor-summary", { method: "POST", key, json: { vendor_id: vendorId } });

describe("POST /api/ai-vendor-summary", () => {
  it("computes the vendor's facts as worked out by hand, and recommends replace for repeat visits", async () => {
    const org = await newTenantOrg();
    const [u1, u2] = await units(org.id, ["1A", "2B"]);
    const acme = await vendor(org.id, "Acme Plumbing", "plumbing");
    const other = await vendor(org.id, "Other Co");
    const ago = (days: number) => new Date(Date.now() - days * DAY);

    // J1: 2 days to complete, on time (due the day after), $200
    const j1c = ago(198);
    await job(org.id, { unit: u1, vendor: acme, created: ago(200), completed: j1c, due: dayOf(j1c, 1), costCents: 200_00, notes: "Replaced washer" });
    // J2: same unit, opened 48 days after J1 was completed (a repeat); 4 days; late (due 2 days earlier); $300
    const j2c = ago(146);
    await job(org.id, { unit: u1, vendor: acme, created: ago(150), completed: j2c, due: dayOf(j2c, -2), costCents: 300_00, notes: "Second visit: replaced cartridge" });
    // J3: other unit, assigned a day after creation; 6 days from assignment; on time; $400; no notes
    const j3c = ago(93);
    await job(org.id, { unit: u2, vendor: acme, created: ago(100), assigned: ago(99), completed: j3c, due: dayOf(j3c, 3), costCents: 400_00 });
    // J4: opened 91 days after J3 was completed on its unit (not a repeat); assigned, due yesterday: overdue
    await job(org.id, { unit: u2, vendor: acme, created: ago(2), due: await orgDay(org.id, -1), notes: "Waiting on a part" });
    // J5: open with the vendor named, no due date
    await job(org.id, { unit: u1, vendor: acme, created: ago(20), open: true, notes: "Drip again; tenant at 612-555-0142" });
    // another vendor's job: 10 days, $100 (only in the organization's comparison figures)
    await job(org.id, { unit: u2, vendor: other, created: ago(60), completed: ago(50), costCents: 100_00 });

    const { status, body } = await summary(org.key, acme);
    expect(status).toBe(200);
    expect(body.vendor).toEqual({ id: acme, name: "Acme Plumbing", trade: "plumbing" });
    expect(body.as_of).toBe(await orgDay(org.id));
    const f = body.facts;
    expect(f.work_orders).toEqual({ total: 5, open: 1, assigned: 1, completed: 3, overdue: 1 });
    expect(f.median_days_to_complete).toBe(4); // 2, 4, 6
    expect(f.average_cost_per_job_usd).toBe(300); // (200 + 300 + 400) / 3
    expect(f.jobs_with_cost).toBe(3);
    expect(f.jobs_with_due_date).toBe(3);
    expect(f.jobs_on_time).toBe(2);
    expect(f.on_time_rate).toBe(0.6667);
    expect(f.repeat_jobs_90_days).toBe(1);
    expect(f.organization).toEqual({ median_days_to_complete: 5, average_cost_per_job_usd: 250 }); // 2,4,6,10; 1000/4
    // the three newest notes, newest first; J1's is the fourth
    expect(f.latest_notes.map((n: any) => n.note)).toEqual(["Waiting on a part", "Drip again; tenant at 612-555-0142", "Second visit: replaced cartridge"]);
    expect(f.latest_notes[2]).toMatchObject({ title: "Job", date: dayOf(j2c) });
    // the vendor's own contact details are not part of the answer
    expect(JSON.stringify(body)).not.toContain("office@vendor.example");

    expect(body.recommendation).toEqual({
      action: "replace",
      reasons: [
        "1 repeat visit to the same unit within 90 days, for 3 completed jobs.",
        "2 of 3 jobs with a due date were done on time (67%).",
        "1 open job is past its due date.",
      ],
    });
    expect(body.narrative_source).toBe("deterministic");
    expect(body.model).toBeNull();
    expect(body.summary).toBe(writeVendorSummary(body));
  });

  it("counts spend and completed jobs in the organization's calendar year only", async () => {
    const org = await newTenantOrg();
    const [u1] = await units(org.id, ["1"]);
    const v = await vendor(org.id, "Year Co");
    // the organization's year began at midnight on January 1 in Chicago, 06:00 UTC (CST)
    const ys = new Date(`${(await orgDay(org.id)).slice(0, 4)}-01-01T06:00:00Z`);
    const at = (minutes: number) => new Date(ys.getTime() + minutes * 60_000);
    await job(org.id, { unit: u1, vendor: v, created: at(-3000), completed: at(-1), costCents: 1000_00 }); // last year, a minute before it ended
    await job(org.id, { unit: u1, vendor: v, created: at(-2000), completed: at(1), costCents: 150_50 });
    await job(org.id, { unit: u1, vendor: v, created: at(-1000), completed: at(2) }); // no cost recorded

    const { status, body } = await summary(org.key, v);
    expect(status).toBe(200);
    expect(body.facts.spend_this_year_usd).toBe(150.5);
    expect(body.facts.jobs_completed_this_year).toBe(2);
    expect(body.facts.average_cost_per_job_usd).toBe(575.25); // (1000 + 150.50) / 2 jobs with a cost
    expect(body.facts.jobs_with_cost).toBe(2);
  });

  it("recommends keep for a reliable vendor, giving its strengths", async () => {
    const org = await newTenantOrg();
    const [u1, u2, u3] = await units(org.id, ["1", "2", "3"]);
    const v = await vendor(org.id, "Good Electric", "electrical");
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    for (const [unit, created, completed] of [[u1, 40, 39], [u2, 30, 27], [u3, 20, 15]] as const) {
      const c = ago(completed);
      await job(org.id, { unit, vendor: v, created: ago(created), completed: c, due: dayOf(c), costCents: 120_00 });
    }
    const { body } = await summary(org.key, v);
    expect(body.facts.median_days_to_complete).toBe(3); // 1, 3, 5
    expect(body.recommendation).toEqual({
      action: "keep",
      reasons: [
        "3 of 3 jobs with a due date were done on time (100%).",
        "No repeat visits to the same unit within 90 days.",
        "Median time to complete is 3 days (3 days across your vendors).",
      ],
    });
    expect(body.summary).toBe(writeVendorSummary(body));
    expect(body.summary).toMatch(/^Good Electric \(electrical\) has 3 work orders with you: 3 completed, 0 still open\. Jobs take a median of 3 days to complete \(3 days across your vendors\) and cost \$120 on average\./);
    expect(body.summary).toMatch(/Recommendation: keep\./);
  });

  it("recommends watch for slow or costly work and for too little history", async () => {
    const org = await newTenantOrg();
    const [u1, u2, u3, u4] = await units(org.id, ["1", "2", "3", "4"]);
    const slow = await vendor(org.id, "Slow Roofing");
    const fast = await vendor(org.id, "Fast Roofing");
    const fresh = await vendor(org.id, "New Painter");
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    // fast: 1 day each at $100; slow: 10 days each at $400 (no due dates)
    for (const unit of [u1, u2, u3]) await job(org.id, { unit, vendor: fast, created: ago(50), completed: ago(49), costCents: 100_00 });
    for (const unit of [u1, u2, u3]) await job(org.id, { unit, vendor: slow, created: ago(40), completed: ago(30), costCents: 400_00 });
    await job(org.id, { unit: u4, vendor: fresh, created: ago(10), completed: ago(9) });

    // organization: median of 1,1,1,10,10,10,1 = 1 day; average cost (300 + 1200) / 6 = $250
    const s = await summary(org.key, slow);
    expect(s.body.facts.organization).toEqual({ median_days_to_complete: 1, average_cost_per_job_usd: 250 });
    expect(s.body.recommendation).toEqual({
      action: "watch",
      reasons: [
        "Median time to complete is 10 days, against 1 day across your vendors.",
        "Average cost per job is $400, against $250 across your vendors.",
      ],
    });
    const n = await summary(org.key, fresh);
    expect(n.body.recommendation).toEqual({ action: "watch", reasons: ["Only 1 completed job so far: too few to judge."] });
  });

  it("answers a vendor without work orders with zeros and a watch", async () => {
    const org = await newTenantOrg();
    const v = await vendor(org.id, "Idle LLC");
    const { status, body } = await summary(org.key, v);
    expect(status).toBe(200);
    expect(body.facts).toMatchObject({
      work_orders: { total: 0, open: 0, assigned: 0, completed: 0, overdue: 0 },
      median_days_to_complete: null, average_cost_per_job_usd: null, spend_this_year_usd: 0,
      on_time_rate: null, repeat_jobs_90_days: 0, latest_notes: [],
    });
    expect(body.recommendation).toEqual({ action: "watch", reasons: ["Only 0 completed jobs so far: too few to judge."] });
    expect(body.summary).toBe(
      "Idle LLC has no work orders with you yet, so there is nothing to judge. Recommendation: watch. Only 0 completed jobs so far: too few to judge.",
    );
  });

  it("answers 404 alike for another organization's vendor and an absent one (the reference's own example id)", async () => {
    const mine = await newTenantOrg();
    const theirs = await newTenantOrg();
    const foreign = await vendor(theirs.id, "Their Vendor");
    const a = await summary(mine.key, foreign);
    const b = await summary(mine.key, "v_01H...");
    expect(a).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    expect(b).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
  });

  it("requires both ai:run and read:vendors", async () => {
    const org = await newTenantOrg(["ai:run"]);
    const v = await vendor(org.id, "Scoped");
    expect(await summary(org.key, v)).toMatchObject({ status: 403, body: { error: expect.stringMatching(/lacks the scope read:vendors/) } });
    const readOnly = await newKey(org.id, ["read:vendors"]);
    expect(await summary(readOnly, v)).toMatchObject({ status: 403, body: { error: expect.stringMatching(/lacks the scope ai:run/) } });
    expect((await call("/ai-vendor-summary", { method: "POST", json: { vendor_id: v } })).status).toBe(401);
  });

  it("answers bad input with a clear 4xx", async () => {
    const org = await newTenantOrg();
    const post = (init: object) => call("/ai-vendor-summary", { method: "POST", key: org.key, ...init });
    expect(await post({ json: {} })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/vendor_id/) } });
    expect(await post({ json: { vendor_id: "v_1", extra: 1 } })).toMatchObject({ status: 400, body: { error: "Unknown field: extra." } });
    expect(await post({ json: { vendor_id: 42 } })).toMatchObject({ status: 400 });
    expect(await post({ body: "vendor_id=v_1", headers: { "content-type": "application/x-www-form-urlencoded" } })).toMatchObject({ status: 415 });
    expect(await post({ body: "{", headers: { "content-type": "application/json" } })).toMatchObject({ status: 400 });
    const get = await call("/ai-vendor-summary", { key: org.key });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});
