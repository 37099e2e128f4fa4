// What the operations functions (work-orders, vendors, applications, inspections,
// payment-plans) share: field schemas that mirror the tables' checks, path ids, bodies that
// may be left out, and pages built from the jsonb arrays the list functions return.
import type { Context } from "./deps.ts";
import { z } from "./deps.ts";
import { badRequest, notFound } from "./errors.ts";
import { type Env, jsonBody, parse } from "./http.ts";
import { page, type Page } from "./pagination.ts";

const twoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** Dollars as the API shows them: non-negative, at most two decimals (cents in the database). */
export const usd = z.number().nonnegative().max(100_000_000).refine(twoDecimals, "at most two decimals (dollars and cents)");
export const positiveUsd = z.number().positive().max(100_000_000).refine(twoDecimals, "at most two decimals (dollars and cents)");

export const isoDate = z.iso.date("a date as YYYY-MM-DD");
export const email = z.string().max(320).regex(/^[^@\s]+@[^@\s]+$/, "an email address");

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

/** PATCH bodies must change something. */
export function nonEmpty<T extends Record<string, unknown>>(body: T): T {
  if (Object.keys(body).length === 0) throw badRequest("body: send at least one field to change.");
  return body;
}

/** For actions whose fields are all optional: no body at all counts as `{}`. */
export async function optionalJsonBody<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
  if ((await c.req.text()).trim() === "") return parse(schema, {}, "body");
  return jsonBody(c, schema);
}

/** A page from a list function's jsonb array, fetched with `limit + 1` items. */
export function pageOf<T extends { id: string }>(c: Context<Env>, items: T[] | null, limit: number): Page<T> {
  return page(c, items ?? [], limit);
}

/** The jsonb a lookup returned, or 404 naming `what` when it found nothing (absent or foreign). */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}
