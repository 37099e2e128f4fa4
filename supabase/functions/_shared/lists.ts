// Every list the API serves, read in ONE statement from the resource's view (app.api_<resource>:
// id, organization_id, the filter columns, and `j`, the record as the API shows it): the
// caller's organization, the filters given, the cursor, newest first, and a check that every
// record a filter names is the organization's (404 naming its kind otherwise).
import type { Context } from "./deps.ts";
import { type Fragment, sql } from "./db.ts";
import { found } from "./fields.ts";
import type { Env } from "./http.ts";
import { page, type Page } from "./pagination.ts";

/** The kinds of record a filter may be required to name; see app.ops_require. */
export type Kind = "Unit" | "Property" | "Tenant" | "Vendor" | "Lease" | "Webhook endpoint";

/** The views that give each resource's API shape (`j`) and filter columns. */
export type View =
  | "api_properties" | "api_units" | "api_tenants" | "api_leases" | "api_payments" | "api_expenses"
  | "api_work_orders" | "api_vendors" | "api_applications" | "api_inspections" | "api_payment_plans"
  | "api_api_keys" | "api_webhook_endpoints" | "api_webhook_deliveries";

/** `and <column> = <value>` when a filter was given, nothing otherwise. */
export function eq(column: string, value: string | undefined): Fragment {
  return value === undefined ? sql`` : sql`and ${sql(column)} = ${value}`;
}

/** `and <condition>` when a filter was given, nothing otherwise. */
export function when<T>(value: T | undefined, condition: (value: T) => Fragment): Fragment {
  return value === undefined ? sql`` : sql`and ${condition(value)}`;
}

/**
 * One page of `view`, newest first, in ONE statement. Only the filters given appear in the SQL,
 * so each combination is its own prepared statement with a plan that uses that filter's index.
 * `refs`: records the filters name that must be the organization's (a filter without one
 * simply matches nothing of another organization's).
 */
export async function listPage(
  c: Context<Env>,
  view: View,
  q: { limit: number; cursor?: string },
  conditions: Fragment[] = [],
  refs: [Kind, string | undefined][] = [],
): Promise<Page<{ id: string }>> {
  const org = c.var.caller.organizationId;
  const checks = refs.filter(([, id]) => id !== undefined).map(([kind, id]) => sql`app.ops_require(${org}, ${kind}, ${id!}),`);
  // `xs.length ? xs : sql```: an empty array would be sent as a parameter, not as no SQL.
  // json_agg, not jsonb_agg: jsonb_agg takes every record apart and builds it again, json_agg
  // appends its text (a page of 40 properties: 550-800 statements a second against 370-600).
  const [row] = await sql<{ list: { id: string }[] }[]>`
    select ${checks.length ? checks : sql``} (
      select coalesce(json_agg(x.j order by x.id desc), '[]') from (
        select id, j from ${sql(`app.${view}`)}
        where organization_id = ${org} ${conditions.length ? conditions : sql``} ${q.cursor ? sql`and id < ${q.cursor}` : sql``}
        order by id desc limit ${q.limit + 1}
      ) x
    ) as list`;
  return page(c, row.list, q.limit);
}

/** One record of `view` as the API shows it; "<what> not found." (404) when the organization has none with this id. */
export async function readOne(c: Context<Env>, view: View, id: string, what: string): Promise<unknown> {
  const [row] = await sql`select j from ${sql(`app.${view}`)} where id = ${id} and organization_id = ${c.var.caller.organizationId}`;
  return found(row?.j, what);
}
