// GET /api/request-logs: the organization's recent requests (app.request_logs), newest first,
// to find out why a request was answered as it was. GET /api/request-logs/{request_id}: one.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { notFound } from "../_shared/errors.ts";
import { createApp, queryParams, serve } from "../_shared/http.ts";
import { page, pageParams } from "../_shared/pagination.ts";
import { documented } from "../_shared/openapi.ts";
import { RequestLogEntry, pageOf } from "../_shared/records.ts";

const app = createApp("request-logs");

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const requestId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/, "not a request id");

const Filters = z.strictObject({
  ...pageParams("log"),
  request_id: requestId.optional(),
  key_id: z.string().regex(/^key_[0-9A-HJKMNP-TV-Z]{26}$/, "not an API key id").optional(),
  // a class (2xx, 4xx, 5xx) or one status (404)
  status: z.string().regex(/^[1-5](xx|\d\d)$/, "expected a status class such as 4xx or a status such as 404").optional(),
  route: z.string().min(1).max(200).optional(),
  method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]).optional(),
  since: instant.optional(),
  until: instant.optional(),
});

app.get("/", requireKey("admin:api_keys"), documented({ query: Filters, responses: { 200: pageOf(RequestLogEntry) } }, async (c) => {
  const q = queryParams(c, Filters);
  const [low, high] = !q.status ? [null, null]
    : q.status.endsWith("xx") ? [Number(q.status[0]) * 100, Number(q.status[0]) * 100 + 99]
    : [Number(q.status), Number(q.status)];
  // since/until bound the ids (ULIDs of the arrival time), so the time range is a range of the index
  const rows = await sql<{ entry: { id: string } }[]>`
    select app.request_log_json(r) as entry from app.request_logs r
    where r.organization_id = ${c.var.caller.organizationId}
      and (${q.cursor ?? null}::text is null or r.id < ${q.cursor ?? null})
      and (${q.since ?? null}::timestamptz is null or r.id >= app.id_floor('log', ${q.since ?? null}))
      and (${q.until ?? null}::timestamptz is null or r.id < app.id_floor('log', ${q.until ?? null}))
      and (${q.request_id ?? null}::text is null or r.request_id = ${q.request_id ?? null})
      and (${q.key_id ?? null}::text is null or r.key_id = ${q.key_id ?? null})
      and (${q.route ?? null}::text is null or r.route = ${q.route ?? null})
      and (${q.method ?? null}::text is null or r.method = ${q.method ?? null})
      and (${low}::int is null or r.status between ${low} and ${high})
    order by r.id desc limit ${q.limit + 1}`;
  return c.json(page(c, rows.map((r) => r.entry), q.limit));
}));

app.get("/:request_id", requireKey("admin:api_keys"), documented({ params: { request_id: requestId }, responses: { 200: RequestLogEntry } }, async (c) => {
  const id = requestId.safeParse(c.req.param("request_id"));
  if (!id.success) throw notFound("Request");
  // a client may send the same X-Request-Id twice: the latest answers
  const [row] = await sql`select app.request_log_json(r) as entry from app.request_logs r
    where r.request_id = ${id.data} and r.organization_id = ${c.var.caller.organizationId}
    order by r.id desc limit 1`;
  if (!row) throw notFound("Request");
  return c.json(row.entry);
}));

serve(app);
