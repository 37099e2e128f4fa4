// Field schemas that mirror the tables' checks, and small response helpers, for every
// resource function.
import { z } from "./deps.ts";
import { badRequest, notFound } from "./errors.ts";

/** Dollars as the API shows them: non-negative, at most two decimals (cents in the database). */
export const usd = z.number().nonnegative().max(100_000_000).refine(
  (v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
  "at most two decimals (dollars and cents)",
);
export const positiveUsd = usd.refine((v) => v > 0, "must be more than 0");

export const isoDate = z.iso.date("a date as YYYY-MM-DD");
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");
export const email = z.string().max(320).regex(/^[^@\s]+@[^@\s]+$/, "an email address");

/**
 * A record the caller names in a body or filter whose existence SQL checks (the operations
 * resources, the AI helpers). Its format is not checked here: whatever does not name a record of
 * the caller's organization answers 404 from SQL (e.g. app.ops_require), like a foreign id.
 */
export const ref = z.string().min(1).max(64);

/** Optional free text: a string, or null to clear it in an update. */
export const text = (max: number) => z.string().max(max).nullable().optional();

/** A query-string boolean: only the words true and false. */
export const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");

/** PATCH bodies must change something. */
export function nonEmpty<T extends Record<string, unknown>>(body: T): T {
  if (Object.keys(body).length === 0) throw badRequest("body: send at least one field to change.");
  return body;
}

/** The jsonb an operation returned, or 404 naming `what` when it returned nothing (absent or foreign). */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}
