// /api/expenses: a landlord's expense ledger, filed under IRS Schedule E categories.
// POST takes an `action` (add_entry, update_entry, delete_entry), as the public reference shows.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { found, isoDate, nonEmpty, usd } from "../_shared/fields.ts";
import { createApp, jsonBody, queryParams, serve } from "../_shared/http.ts";
import { idOf } from "../_shared/ids.ts";
import { eq, when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { documented } from "../_shared/openapi.ts";
import { Deleted, Expense, ExpenseCategories, ExpenseSummary } from "../_shared/records.ts";

const app = createApp("expenses");
const expenses = resource({ what: "Expense", prefix: "exp", view: "api_expenses", record: Expense });

const category = z.string().regex(/^[a-z_]{1,50}$/, "a category id such as repairs (GET /api/expenses/categories)");
const fields = {
  property_id: idOf("prop"),
  category_id: category,
  label: z.string().trim().min(1).max(200),
  amount_usd: usd,
  paid_on: isoDate,
  vendor: z.string().max(200).nullable().optional(),
  vendor_id: idOf("v").nullable().optional(),
};
const expenseId = idOf("exp");

const Action = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("add_entry"), ...fields }),
  z.strictObject({
    action: z.literal("update_entry"),
    expense_id: expenseId,
    property_id: fields.property_id.optional(),
    category_id: fields.category_id.optional(),
    label: fields.label.optional(),
    amount_usd: fields.amount_usd.optional(),
    paid_on: fields.paid_on.optional(),
    vendor: fields.vendor,
    vendor_id: fields.vendor_id,
  }),
  z.strictObject({ action: z.literal("delete_entry"), expense_id: expenseId }),
]);
const Filters = z.strictObject({
  ...pageParams("exp"),
  property_id: idOf("prop").optional(),
  category_id: category.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const NoQuery = z.strictObject({});
const SummaryQuery = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2200),
  property_id: idOf("prop").optional(),
});

app.get("/", requireKey("read:expenses"), expenses.list(Filters, (q) => ({
  where: [
    eq("property_id", q.property_id), eq("category_id", q.category_id),
    when(q.from, (from) => sql`paid_on >= ${from}::date`), when(q.to, (to) => sql`paid_on <= ${to}::date`),
  ],
  require: [["Property", q.property_id]],
})));

app.get("/categories", requireKey("read:expenses"), documented({ query: NoQuery, responses: { 200: ExpenseCategories } }, async (c) => {
  queryParams(c, NoQuery);
  const rows = await sql`select id, schedule_e_line, name from app.expense_categories order by schedule_e_line`;
  return c.json({ data: rows });
}));

app.get("/summary", requireKey("read:expenses"), documented({ query: SummaryQuery, responses: { 200: ExpenseSummary }, errors: [404] }, async (c) => {
  const q = queryParams(c, SummaryQuery);
  const [row] = await sql`select app.expense_summary(${c.var.caller.organizationId}, ${q.year}, ${q.property_id ?? null}) as j`;
  return c.json(row.j);
}));

app.post("/", requireKey("write:expenses"), documented({ body: Action, responses: { 200: z.union([Expense, Deleted]), 201: Expense }, errors: [404, 409, 422] }, async (c) => {
  const body = await jsonBody(c, Action);
  const org = c.var.caller.organizationId;
  switch (body.action) {
    case "add_entry": {
      const { action: _, ...entry } = body;
      const [row] = await sql`select app.expense_add(${org}, ${sql.json(entry)}) as j`;
      return c.json(row.j, 201);
    }
    case "update_entry": {
      const { action: _, expense_id, ...changes } = body;
      const [row] = await sql`select app.expense_update(${org}, ${expense_id}, ${sql.json(nonEmpty(changes))}) as j`;
      return c.json(row.j);
    }
    case "delete_entry": {
      const [row] = await sql`select app.expense_delete(${org}, ${body.expense_id}) as j`;
      return c.json(found(row.j, "Expense"));
    }
  }
}));

serve(app);
