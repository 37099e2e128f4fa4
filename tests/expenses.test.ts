// /api/expenses: the action-style POST from the public reference, lists, the Schedule E summary.
import { describe, expect, it } from "vitest";
import { allPages, call, functionsUrl, runReferenceCurl, sql } from "./helpers.ts";
import { newExpense, newProperty, newTenantOrg, newVendor } from "./fixtures/index.ts";


const REFERENCE_CURL = `curl -X POST https://app.aptoria.ai/api/expenses \\ -H "Authorization: Bearer apt_..." \\ -H "Content-Type: application/json" \\ -d '{ "action": "add_entry", "property_id": "5f...", "category_id": "repairs", "label": "Snow removal — driveway", "amount_usd": 380, "paid_on": "2026-02-14", "vendor": "Twin Cities Plow Co." }'`;

const post = (key: string, json: unknown) => call("/expenses", { key, method: "POST", json });

describe("POST /api/expenses", () => {
  it("runs the reference's curl example verbatim (base URL, key and property id substituted)", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    // As printed on the developers page, where each line continuation shows as "\ ".
    const body = await runReferenceCurl(REFERENCE_CURL, { "https://app.aptoria.ai": functionsUrl, "apt_...": key, '"5f..."': `"${propertyId}"` });
    expect(body).toMatchObject({
      property_id: propertyId, category_id: "repairs", label: "Snow removal — driveway", amount_usd: 380,
      paid_on: "2026-02-14", vendor: "Twin Cities Plow Co.", vendor_id: null,
    });
    expect(body.id).toMatch(/^exp_/);
    const [row] = await sql`select label, amount_cents::int as cents, organization_id from app.expenses where id = ${body.id}`;
    expect(row).toEqual({ label: "Snow removal — driveway", cents: 38000, organization_id: orgId });
  });

  it("adds, updates and deletes entries", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const pine = await newProperty(orgId, { name: "127 Pine" });
    const elm = await newProperty(orgId, { name: "9 Elm" });
    const vendorId = await newVendor(orgId, { name: "Twin Cities Plow Co." });
    const added = await post(key, {
      action: "add_entry", property_id: pine, category_id: "insurance", label: "Policy", amount_usd: 1200.5, paid_on: "2026-01-10", vendor_id: vendorId,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ amount_usd: 1200.5, vendor: null, vendor_id: vendorId, category_id: "insurance" });

    const updated = await post(key, { action: "update_entry", expense_id: added.body.id, property_id: elm, amount_usd: 1300, vendor: "Acme Mutual" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: added.body.id, property_id: elm, amount_usd: 1300, vendor: "Acme Mutual", label: "Policy", paid_on: "2026-01-10" });

    const deleted = await post(key, { action: "delete_entry", expense_id: added.body.id });
    expect(deleted).toMatchObject({ status: 200, body: { id: added.body.id, deleted: true } });
    const [{ n }] = await sql`select count(*)::int as n from app.expenses where id = ${added.body.id}`;
    expect(n).toBe(0);
    expect(await post(key, { action: "delete_entry", expense_id: added.body.id })).toMatchObject({ status: 404, body: { error: "Expense not found." } });
  });

  it("validates each action's body", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const propertyId = await newProperty(orgId);
    const entry = { action: "add_entry", property_id: propertyId, category_id: "repairs", label: "x", amount_usd: 1, paid_on: "2026-02-14" };
    expect(await post(key, { ...entry, receipt_url: "x", memo: "y" })).toMatchObject({ status: 400, body: { error: "Unknown fields: receipt_url, memo." } });
    const action = await post(key, { ...entry, action: "remove_entry" });
    expect(action.status).toBe(400);
    expect(action.body.error).toMatch(/^action .*add_entry.*update_entry.*delete_entry/);
    expect((await post(key, { property_id: propertyId })).body.error).toMatch(/^action /);
    expect((await post(key, { ...entry, amount_usd: 1.005 })).body.error).toMatch(/^amount_usd: at most two decimals/);
    expect((await post(key, { ...entry, amount_usd: -1 })).status).toBe(400);
    expect((await post(key, { ...entry, paid_on: "14/02/2026" })).body.error).toMatch(/^paid_on: /);
    expect(await post(key, { ...entry, category_id: "snacks" }))
      .toMatchObject({ status: 400, body: { error: "category_id: snacks is not a category; GET /api/expenses/categories lists them." } });
    expect((await post(key, { action: "delete_entry", expense_id: "exp_01H00000000000000000000000", label: "x" })).body.error).toBe("Unknown field: label.");
    expect((await post(key, { action: "update_entry", expense_id: "exp_01H00000000000000000000000" })).status).toBe(400);
    const wrongType = await call("/expenses", { key, method: "POST", body: JSON.stringify(entry) });
    expect(wrongType.status).toBe(415);
  });

  it("answers 404 for another organization's expenses, properties and vendors", async () => {
    const other = await newTenantOrg();
    const theirProperty = await newProperty(other.id);
    const theirExpense = await newExpense(other.id, theirProperty, { category: "repairs", amountCents: 1000, paidOn: "2026-01-01", label: "Theirs" });
    const theirVendor = await newVendor(other.id, { name: "V" });
    const { id: orgId, key } = await newTenantOrg();
    const mine = await newProperty(orgId);
    const entry = { action: "add_entry", property_id: mine, category_id: "repairs", label: "x", amount_usd: 1, paid_on: "2026-02-14" };
    expect(await post(key, { ...entry, property_id: theirProperty })).toMatchObject({ status: 404, body: { error: "Property not found." } });
    expect(await post(key, { ...entry, vendor_id: theirVendor })).toMatchObject({ status: 404, body: { error: "Vendor not found." } });
    expect(await post(key, { action: "update_entry", expense_id: theirExpense, label: "Mine" })).toMatchObject({ status: 404, body: { error: "Expense not found." } });
    expect(await post(key, { action: "delete_entry", expense_id: theirExpense })).toMatchObject({ status: 404, body: { error: "Expense not found." } });
    const [row] = await sql`select label from app.expenses where id = ${theirExpense}`;
    expect(row.label).toBe("Theirs");
    expect((await call("/expenses", { key })).body.data).toEqual([]);
  });

  it("answers 403 naming the scope", async () => {
    const { key } = await newTenantOrg(["read:expenses"]);
    expect(await post(key, { action: "delete_entry", expense_id: "exp_01H00000000000000000000000" }))
      .toMatchObject({ status: 403, body: { error: "This API key lacks the scope write:expenses required here." } });
    const { key: none } = await newTenantOrg(["write:expenses"]);
    for (const path of ["/expenses", "/expenses/summary?year=2026", "/expenses/categories"]) {
      expect(await call(path, { key: none })).toMatchObject({ status: 403, body: { error: "This API key lacks the scope read:expenses required here." } });
    }
  });
});

describe("GET /api/expenses", () => {
  it("filters by property, category and date range, and pages", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const pine = await newProperty(orgId, { name: "127 Pine" });
    const elm = await newProperty(orgId, { name: "9 Elm" });
    const a = await newExpense(orgId, pine, { category: "repairs", amountCents: 38000, paidOn: "2026-02-14" });
    const b = await newExpense(orgId, pine, { category: "utilities", amountCents: 12000, paidOn: "2026-03-01" });
    const c = await newExpense(orgId, elm, { category: "repairs", amountCents: 5000, paidOn: "2026-03-31" });
    const d = await newExpense(orgId, elm, { category: "taxes", amountCents: 250000, paidOn: "2025-12-31" });
    const ids = async (q: string) => (await call(`/expenses?${q}`, { key })).body.data.map((e: any) => e.id).sort();
    expect(await ids(`property_id=${pine}`)).toEqual([a, b].sort());
    expect(await ids("category_id=repairs")).toEqual([a, c].sort());
    expect(await ids("from=2026-03-01&to=2026-03-31")).toEqual([b, c].sort());
    expect(await ids("to=2025-12-31")).toEqual([d]);
    expect(await ids(`property_id=${elm}&category_id=repairs&from=2026-01-01`)).toEqual([c]);
    const { ids: all, pages } = await allPages("/expenses?limit=3", key);
    expect(pages).toBe(2);
    expect(all.sort()).toEqual([a, b, c, d].sort());
    const first = (await call("/expenses?limit=1", { key })).body.data[0];
    expect(Object.keys(first).sort()).toEqual(["amount_usd", "category_id", "created_at", "id", "label", "paid_on", "property_id", "vendor", "vendor_id"]);
    expect((await call("/expenses?from=2026-02-30", { key })).status).toBe(400);
    expect((await call("/expenses?vendor=x", { key })).body.error).toBe("Unknown parameter: vendor.");
  });

  it("lists the Schedule E categories", async () => {
    const { key } = await newTenantOrg(["read:expenses"]);
    const res = await call("/expenses/categories", { key });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(15);
    expect(res.body.data[0]).toEqual({ id: "advertising", schedule_e_line: 5, name: "Advertising" });
    expect(res.body.data.find((c: any) => c.id === "repairs")).toEqual({ id: "repairs", schedule_e_line: 14, name: "Repairs" });
    expect(res.body.data.map((c: any) => c.schedule_e_line)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("sums a year per property and per Schedule E line", async () => {
    const { id: orgId, key } = await newTenantOrg();
    const pine = await newProperty(orgId, { name: "127 Pine" });
    const elm = await newProperty(orgId, { name: "9 Elm" });
    await newProperty(orgId, { name: "Empty lot" });
    await newExpense(orgId, pine, { category: "repairs", amountCents: 38000, paidOn: "2026-02-14" });
    await newExpense(orgId, pine, { category: "repairs", amountCents: 12050, paidOn: "2026-12-31" });
    await newExpense(orgId, pine, { category: "insurance", amountCents: 90000, paidOn: "2026-01-01" });
    await newExpense(orgId, elm, { category: "repairs", amountCents: 5000, paidOn: "2026-06-01" });
    await newExpense(orgId, elm, { category: "taxes", amountCents: 250000, paidOn: "2025-12-31" }); // another year
    await newExpense(orgId, elm, { category: "taxes", amountCents: 100000, paidOn: "2027-01-01" }); // another year
    const res = await call("/expenses/summary?year=2026", { key });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2026,
      properties: [
        {
          property_id: pine, property_name: "127 Pine", total_usd: 1400.5,
          categories: [
            { category_id: "insurance", schedule_e_line: 9, name: "Insurance", amount_usd: 900, entries: 1 },
            { category_id: "repairs", schedule_e_line: 14, name: "Repairs", amount_usd: 500.5, entries: 2 },
          ],
        },
        {
          property_id: elm, property_name: "9 Elm", total_usd: 50,
          categories: [{ category_id: "repairs", schedule_e_line: 14, name: "Repairs", amount_usd: 50, entries: 1 }],
        },
      ],
      totals: [
        { category_id: "insurance", schedule_e_line: 9, name: "Insurance", amount_usd: 900, entries: 1 },
        { category_id: "repairs", schedule_e_line: 14, name: "Repairs", amount_usd: 550.5, entries: 3 },
      ],
      total_usd: 1450.5,
    });
    const onlyElm = await call(`/expenses/summary?year=2025&property_id=${elm}`, { key });
    expect(onlyElm.body.total_usd).toBe(2500);
    expect((await call("/expenses/summary?year=1999", { key })).body).toEqual({ year: 1999, properties: [], totals: [], total_usd: 0 });
    expect((await call("/expenses/summary", { key })).body.error).toMatch(/^year /);
    expect((await call("/expenses/summary?year=twenty", { key })).status).toBe(400);
  });
});
