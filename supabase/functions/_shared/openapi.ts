// What the OpenAPI document (scripts/openapi.ts) says of a route, attached where the route is
// declared, to the handlers the route line already names: requireKey and its kin record the
// scopes, resource() the schemas it validates with, and `documented` wraps a route's own handler.
// The notes are written once, when the function loads, into a WeakMap that only the generator
// reads: nothing of it runs per request (docs/decisions/0013-openapi-from-route-schemas.md).
import type { z } from "./deps.ts";

/** How a route is authenticated. */
export type Auth =
  | "key" // an API key or a member's session with `scopes` (requireKey, keyedRead)
  | "caller" // an API key or a member's session, no scope (GET /api/me)
  | "scheduler" // the scheduler secret (scheduled functions)
  | "none";

export interface RouteDoc {
  summary?: string;
  description?: string;
  auth?: Auth;
  scopes?: string[];
  /** app.route_quotas row: a tighter quota per key for this route */
  quota?: string;
  /** Idempotency-Key is honoured (the AI helpers) */
  idempotent?: boolean;
  /** path parameters beyond `:id` of the resource (e.g. `delivery_id`), and `:id` itself on a resource's routes */
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** no body at all counts as `{}` (optionalJsonBody) */
  optionalBody?: boolean;
  /** the answers that are not errors: status → schema */
  responses?: Record<number, z.ZodType>;
  /** error statuses the route can answer beyond those every route of its kind has (e.g. 409, 422) */
  errors?: number[];
}

const docs = new WeakMap<object, RouteDoc>();

/** Records `doc` for `handler` (merged with what was recorded before) and returns the handler unchanged. */
export function documented<H extends object>(doc: RouteDoc, handler: H): H {
  docs.set(handler, { ...docs.get(handler), ...doc });
  return handler;
}

/** What was recorded for a handler (scripts/openapi.ts). */
export function routeDoc(handler: object): RouteDoc | undefined {
  return docs.get(handler);
}
