// The standard routes of a resource as hono handlers, so a function file declares each route in
// one line that names its path, its scope, its schemas and the SQL function it calls:
//
//   const units = resource({ what: "Unit", prefix: "unit", view: "api_units" });
//   app.get("/", requireKey("read:units"), units.list(Filters, (q) => ({ where: [eq("property_id", q.property_id)] })));
//   app.patch("/:id", requireKey("write:units"), units.update(Update, "app.unit_update"));
//
// Each handler makes the one SQL call its route made when written out: the list and read through
// lists.ts, the writes `select app.<x>_<verb>(org, ...) as j`.
import { type Context, z } from "./deps.ts";
import { type Fragment, sql } from "./db.ts";
import { found, nonEmpty } from "./fields.ts";
import { type Env, jsonBody, queryParams } from "./http.ts";
import { pathId } from "./ids.ts";
import { type Kind, listPage, readOne, type View } from "./lists.ts";
import { documented } from "./openapi.ts";
import { pageOf } from "./records.ts";

/** What a resource's routes need to know of it. */
export interface Resource {
  /** its name in "<what> not found." (404) */
  what: string;
  /** its ids' prefix: `prop` for prop_01H... */
  prefix: string;
  /** the view that gives its API shape and filter columns (see lists.ts) */
  view: View;
  /** that shape, for the OpenAPI document (records.ts) */
  record: z.ZodType;
}

/** An SQL function of the `app` schema, called by name (postgres.js quotes it as an identifier). */
export type SqlFunction = `app.${string}`;

/** The filters given, as SQL: `where` (eq, when) and the records they name that must be the organization's. */
export interface ListFilters {
  where?: Fragment[];
  require?: [Kind, string | undefined][];
}

type Handler = (c: Context<Env>) => Promise<Response>;
type Json = Parameters<typeof sql.json>[0];
type PageQuery = { limit: number; cursor?: string };

export function resource(r: Resource) {
  /** The `:id` path parameter: "<what> not found." (404) unless it is an id with the resource's prefix. */
  const id = (c: Context<Env>) => pathId(c, r.prefix, r.what);
  const params = { id: z.string().regex(new RegExp(`^${r.prefix}_[0-9A-HJKMNP-TV-Z]{26}$`)).describe(`the ${r.what.toLowerCase()}'s id`) };

  return {
    id,

    /** GET /: one page, newest first, with the filters `filters` parses (pageParams plus the resource's own). */
    list<Q extends PageQuery>(filters: z.ZodType<Q>, given: (q: Q) => ListFilters = () => ({})): Handler {
      return documented({ query: filters, responses: { 200: pageOf(r.record) }, errors: [404] }, async (c) => {
        const q = queryParams(c, filters);
        const { where, require } = given(q);
        return c.json(await listPage(c, r.view, q, where, require));
      });
    },

    /**
     * GET /:id: the record from the resource's view, or, given `detail`, what `detail(org, id)`
     * returns (a record with more than its view shows, e.g. a payment with its receipts).
     */
    read(detail?: SqlFunction, answer: z.ZodType = r.record): Handler {
      const doc = { params, responses: { 200: answer } };
      if (!detail) return documented(doc, async (c) => c.json(await readOne(c, r.view, id(c), r.what)));
      return documented(doc, async (c) => {
        const [row] = await sql`select ${sql(detail)}(${c.var.caller.organizationId}, ${id(c)}) as j`;
        return c.json(found(row.j, r.what));
      });
    },

    /** POST /: `create(org, body)`, 201 with the record it returns. */
    create<B>(body: z.ZodType<B>, create: SqlFunction): Handler {
      return documented({ body, responses: { 201: r.record }, errors: [404, 409, 422] }, async (c) => {
        const fields = await jsonBody(c, body);
        const [row] = await sql`select ${sql(create)}(${c.var.caller.organizationId}, ${sql.json(fields as Json)}) as j`;
        return c.json(row.j, 201);
      });
    },

    /** PATCH /:id: `update(org, id, body)` with at least one field; 404 when it returns null (absent or foreign). */
    update<B extends Record<string, unknown>>(body: z.ZodType<B>, update: SqlFunction): Handler {
      return documented({ params, body, responses: { 200: r.record }, errors: [409, 422] }, async (c) => {
        const key = id(c);
        const changes = nonEmpty(await jsonBody(c, body));
        const [row] = await sql`select ${sql(update)}(${c.var.caller.organizationId}, ${key}, ${sql.json(changes as Json)}) as j`;
        return c.json(found(row.j, r.what));
      });
    },

    /**
     * DELETE /:id, and the actions that take nothing but the id (POST /:id/sign, /:id/revoke):
     * `act(org, id)`, which answers 404 and 409 itself, and what it returns. No body is read.
     */
    act(act: SqlFunction, answer: z.ZodType = r.record): Handler {
      return documented({ params, responses: { 200: answer }, errors: [409, 422] }, async (c) => {
        const [row] = await sql`select ${sql(act)}(${c.var.caller.organizationId}, ${id(c)}) as j`;
        return c.json(row.j);
      });
    },

    /** The `:id` path parameter as the OpenAPI document shows it, for a route's own handler (`documented`). */
    params,
  };
}
