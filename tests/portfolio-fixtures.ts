// Arranging portfolio data for the portfolio tests, straight in SQL (the API under test is
// never used to arrange what it is tested on).
import { sql } from "./helpers.ts";

export async function insertProperty(orgId: string, name = "127 Pine"): Promise<string> {
  const [row] = await sql<{ id: string }[]>`insert into app.properties (organization_id, name) values (${orgId}, ${name}) returning id`;
  return row.id;
}

export async function insertUnit(orgId: string, propertyId: string, label = "1B"): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into app.units (organization_id, property_id, label) values (${orgId}, ${propertyId}, ${label}) returning id`;
  return row.id;
}

export async function insertTenant(orgId: string, name = "Maya R."): Promise<string> {
  const [row] = await sql<{ id: string }[]>`insert into app.tenants (organization_id, name) values (${orgId}, ${name}) returning id`;
  return row.id;
}

/** A signed lease (inserted as a draft, then signed, as the transition rules require). */
export async function insertSignedLease(
  orgId: string,
  unitId: string,
  tenantIds: string[],
  opts: { rentCents?: number; start?: string; end?: string | null } = {},
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into app.leases (organization_id, unit_id, rent_cents, start_date, end_date)
    values (${orgId}, ${unitId}, ${opts.rentCents ?? 182500}, ${opts.start ?? "2025-01-01"}, ${opts.end === undefined ? null : opts.end})
    returning id`;
  for (const t of tenantIds) {
    await sql`insert into app.lease_tenants (organization_id, lease_id, tenant_id) values (${orgId}, ${row.id}, ${t})`;
  }
  await sql`update app.leases set status = 'signed', signed_at = now() where id = ${row.id}`;
  return row.id;
}

export async function insertCharge(orgId: string, leaseId: string, period: string, dueDate: string, amountCents: number): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into app.payments (organization_id, lease_id, period_label, due_date, amount_cents)
    values (${orgId}, ${leaseId}, ${period}, ${dueDate}, ${amountCents}) returning id`;
  return row.id;
}

export async function insertReceipt(orgId: string, paymentId: string, amountCents: number, receivedAt: string): Promise<void> {
  await sql`insert into app.payment_receipts (organization_id, payment_id, amount_cents, received_at)
    values (${orgId}, ${paymentId}, ${amountCents}, ${receivedAt})`;
}

/** A property, a unit and a tenant on a signed lease: the smallest portfolio that owes rent. */
export async function smallPortfolio(orgId: string, names = { property: "127 Pine", unit: "1B", tenant: "Maya R." }) {
  const propertyId = await insertProperty(orgId, names.property);
  const unitId = await insertUnit(orgId, propertyId, names.unit);
  const tenantId = await insertTenant(orgId, names.tenant);
  const leaseId = await insertSignedLease(orgId, unitId, [tenantId]);
  return { propertyId, unitId, tenantId, leaseId };
}

/** Walks a list through every page, checking each page's links, and returns all ids. */
export async function allPages(
  call: (path: string, init: { key: string }) => Promise<{ status: number; body: any }>,
  firstPath: string,
  key: string,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let path: string | null = firstPath;
  let pages = 0;
  while (path) {
    const res = await call(path, { key });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    pages++;
    ids.push(...res.body.data.map((r: { id: string }) => r.id));
    if (res.body.has_more !== (res.body.next_cursor !== null)) throw new Error("has_more and next_cursor disagree");
    path = res.body.next_url ? res.body.next_url.replace(/^\/api/, "") : null;
  }
  return { ids, pages };
}
