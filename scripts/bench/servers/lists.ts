// The two list patterns side by side in one process, for scripts/bench/lists.ts:
//   /rows/<resource>: the pattern the portfolio used, one row per record with the record's JSON
//     from a function (schema bench_rows, created by the benchmark), an optional filter and the
//     cursor as `$n is null or ...` conditions;
//   /view/<resource>: _shared/lists.ts, the JSON from the app.api_<resource> view, aggregated
//     into one value, only the given filters in the SQL.
// Both answer the same page for ORGANIZATION_ID, without authentication (the same for both).
import { Hono, postgres } from "../../../supabase/functions/_shared/deps.ts";

const sql = postgres(Deno.env.get("DATABASE_URL")!, { max: 4, prepare: true });
const org = Deno.env.get("ORGANIZATION_ID")!;
const limit = 50;
const tables: Record<string, string> = { properties: "properties", units: "units", leases: "leases" };
const functions: Record<string, string> = { properties: "property_json", units: "unit_json", leases: "lease_json" };

function page(data: { id: string }[]) {
  const has_more = data.length > limit;
  const rows = has_more ? data.slice(0, limit) : data;
  return { data: rows, has_more, next_cursor: has_more ? rows[rows.length - 1].id : null, next_url: null };
}

const app = new Hono();
app.get("/rows/:resource", async (c) => {
  const resource = c.req.param("resource");
  const status = c.req.query("status") ?? null;
  const rows = await sql<{ j: { id: string } }[]>`
    select ${sql(`bench_rows.${functions[resource]}`)}(x) as j from ${sql(`app.${tables[resource]}`)} x
    where x.organization_id = ${org}
      ${resource === "leases" ? sql`and (${status}::text is null or x.status = ${status})` : sql``}
      and (${null}::text is null or x.id < ${null})
    order by x.id desc limit ${limit + 1}`;
  return c.json(page(rows.map((r) => r.j)));
});
app.get("/view/:resource", async (c) => {
  const resource = c.req.param("resource");
  const status = c.req.query("status");
  const [row] = await sql<{ list: { id: string }[] }[]>`
    select (
      select coalesce(json_agg(x.j order by x.id desc), '[]') from (
        select id, j from ${sql(`app.api_${resource}`)}
        where organization_id = ${org} ${status ? sql`and status = ${status}` : sql``}
        order by id desc limit ${limit + 1}
      ) x
    ) as list`;
  return c.json(page(row.list));
});
Deno.serve({ port: Number(Deno.env.get("PORT")), hostname: "127.0.0.1", onListen: () => console.log("listening") }, app.fetch);
