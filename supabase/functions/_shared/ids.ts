// Ids as the API hands them out: `<prefix>_<ULID>` (app.new_id). One parser for an id wherever
// a caller sends one: in the path an id that cannot exist answers 404, exactly as an absent or
// foreign one does; in a body, a filter or a cursor a malformed id is bad input (400).
import type { Context } from "./deps.ts";
import { z } from "./deps.ts";
import { notFound } from "./errors.ts";
import type { Env } from "./http.ts";

const ULID = "[0-9A-HJKMNP-TV-Z]{26}";
const patterns = new Map<string, RegExp>();

/** Whether `value` is an id with this prefix. */
export function isId(prefix: string, value: string): boolean {
  let pattern = patterns.get(prefix);
  if (!pattern) patterns.set(prefix, pattern = new RegExp(`^${prefix}_${ULID}$`));
  return pattern.test(value);
}

/** A body field, filter or cursor that must be an id with this prefix (400 otherwise). */
export const idOf = (prefix: string) => z.string().refine((v) => isId(prefix, v), `an id starting with ${prefix}_`);

/** The path parameter `param` (`:id`) as an id with this prefix; anything else is "<what> not found." (404). */
export function pathId(c: Context<Env>, prefix: string, what: string, param = "id"): string {
  const id = c.req.param(param) ?? "";
  if (!isId(prefix, id)) throw notFound(what);
  return id;
}
