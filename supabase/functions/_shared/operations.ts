// What the operations functions (work-orders, vendors, applications, inspections,
// payment-plans) share: references, path ids, bodies that may be left out, and list pages read
// from the app.api_<resource> views in one statement. Field schemas are in fields.ts.
import type { Context } from "./deps.ts";
import { z } from "./deps.ts";
import { notFound } from "./errors.ts";
import { sql } from "./db.ts";
import { type Env, jsonBody, parse } from "./http.ts";
import { page, type Page } from "./pagination.ts";

type Fragment = ReturnType<typeof sql>;

/**
 * An id the caller names in a body or a filter. Its format is not checked here: whatever does
 * not name a record of the caller's organization answers 404 from SQL, like a foreign id.
 */
export const ref = z.string().min(1).max(64);

/** Optional free text: a string, or null to clear it in an update. */
export const text = (max: number) => z.string().max(max).nullable().optional();

/** The `:id` of the path when it has the resource's prefix; anything else cannot exist (404). */
export function pathId(c: Context<Env>, prefix: string, what: string): string {
  const id = c.req.param("id") ?? "";
  if (!new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`).test(id)) throw notFound(what);
  return id;
}

/** For actions whose fields are all optional: no body at all counts as `{}`. */
export async function optionalJsonBody<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
  if ((await c.req.text()).trim() === "") return parse(schema, {}, "body");
  return jsonBody(c, schema);
}

/** The kinds of record a filter or body may name; see app.ops_require. */
export type Kind = "Unit" | "Property" | "Vendor" | "Lease";

/** The views of migration 0220 that give each resource's API shape (`j`) and filter columns. */
export type View = "api_work_orders" | "api_vendors" | "api_applications" | "api_inspections" | "api_payment_plans";

/** `and <column> = <value>` when a filter was given, nothing otherwise. */
export function eq(column: string, value: string | undefined): Fragment {
  return value === undefined ? sql`` : sql`and ${sql(column)} = ${value}`;
}

/**
 * One page of `view` (an app.api_<resource> view: id, organization_id, filter columns, j), newest
 * first, in ONE statement: the caller's organization, the given conditions, the cursor, and a
 * check that every record named in `refs` is the organization's (404 naming its kind otherwise).
 * Only the filters given appear in the SQL, so each combination is its own prepared statement
 * with a plan that uses that filter's index.
 */
export async function listPage(
  c: Context<Env>,
  view: View,
  q: { limit: number; cursor?: string },
  conditions: Fragment[],
  refs: [Kind, string | undefined][] = [],
): Promise<Page<{ id: string }>> {
  const org = c.var.caller.organizationId;
  const checks = refs.filter(([, id]) => id !== undefined).map(([kind, id]) => sql`app.ops_require(${org}, ${kind}, ${id!}),`);
  // `checks.length ? checks : sql```: an empty array would be sent as a parameter, not as no SQL
  const [row] = await sql<{ list: { id: string }[] }[]>`
    select ${checks.length ? checks : sql``} (
      select coalesce(jsonb_agg(x.j order by x.id desc), '[]') from (
        select id, j from ${sql(`app.${view}`)}
        where organization_id = ${org} ${conditions} ${q.cursor ? sql`and id < ${q.cursor}` : sql``}
        order by id desc limit ${q.limit + 1}
      ) x
    ) as list`;
  return page(c, row.list, q.limit);
}
