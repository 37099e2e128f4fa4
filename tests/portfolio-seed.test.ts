// supabase/seed.sql: the demo portfolio loads on the current schema and shows what the demo promises.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rolledBack } from "./helpers.ts";

describe("the demo seed", () => {
  it("loads, and has late rent in every aging bucket, a partial payment and every kind of record", async () => {
    const seed = readFileSync("supabase/seed.sql", "utf8");
    let checked = false;
    // Loaded in a transaction that is rolled back: other tests never see the demo organization.
    await rolledBack(async (tx) => {
      await tx.unsafe(seed);
      const [org] = await tx`select id from app.organizations where name = 'Demo Rentals' order by created_at desc limit 1`;
      const [owner] = await tx`select email from app.members where organization_id = ${org.id} and role = 'owner'`;
      expect(owner.email).toBe("owner@demo-rentals.test");
      const count = async (table: string, where = "true") =>
        Number((await tx.unsafe(`select count(*) as n from app.${table} where organization_id = $1 and ${where}`, [org.id]))[0].n);
      expect(await count("properties")).toBe(3);
      expect(await count("units")).toBe(8);
      expect(await count("leases", "status = 'signed'")).toBe(7);
      expect(await count("leases", "status = 'terminated'")).toBe(1);
      expect(await count("leases", "status = 'draft'")).toBe(1);
      expect(await count("tenants", "removed_at is not null")).toBe(1);

      const charges = await count("payments");
      expect(charges).toBeGreaterThan(40);
      expect(await count("payments", "status = 'paid'")).toBeGreaterThan(charges * 0.7);
      expect(await count("payments", "status = 'late'")).toBeGreaterThanOrEqual(8);

      const [{ aging }] = await tx`select app.ar_aging(${org.id}) as aging`;
      for (const bucket of ["0-30", "31-60", "61-90", "90+"]) expect(aging.totals[bucket], bucket).toBeGreaterThan(0);
      // the partly paid charge shows its remainder
      expect(aging.rows.some((r: any) => r.amount === 750 && r.unit_label === "1A")).toBe(true);
      expect(aging.rows.find((r: any) => r.unit_label === "1A").tenant_name).toBe("Alex P., Jordan P.");

      expect(await count("work_orders", "status = 'open'")).toBeGreaterThanOrEqual(1);
      expect(await count("work_orders", "status = 'assigned' and vendor_id is not null")).toBeGreaterThanOrEqual(1);
      expect(await count("work_orders", "status = 'completed' and vendor_id is not null and cost_cents > 0")).toBeGreaterThanOrEqual(1);
      expect(await count("vendors")).toBeGreaterThanOrEqual(3);
      expect(await count("applications", "status = 'approved'")).toBe(1);
      expect(await count("applications", "status = 'denied'")).toBe(1);
      expect(await count("inspections", "status = 'completed' and jsonb_array_length(findings) > 0")).toBe(1);
      expect(await count("payment_plans", "status = 'accepted'")).toBe(1);
      const [{ n: installments }] = await tx`select count(*)::int as n from app.payment_plan_installments i
        join app.payment_plans p on p.id = i.payment_plan_id where p.organization_id = ${org.id}`;
      expect(installments).toBe(3);
      expect(await count("expenses")).toBeGreaterThanOrEqual(10);
      checked = true;
    });
    expect(checked).toBe(true);
  });
});
