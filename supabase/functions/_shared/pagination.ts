// Cursor pagination, the same on every list: `?limit=` (1-200, default 50) and `?cursor=`
// (the `next_cursor` of the previous page). Lists are newest first; ids sort by creation time.
import type { Context } from "./deps.ts";
import { z } from "./deps.ts";
import type { Env } from "./http.ts";
import { idOf } from "./ids.ts";

/** `?limit=` and `?cursor=` of a list of records whose ids start with `prefix`. */
export const pageParams = (prefix: string) => ({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: idOf(prefix).optional(),
});

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
  next_url: string | null;
}

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row only tells whether more
 * exist). `next_url` repeats the request's filters with the new cursor.
 */
export function page<T extends { id: string }>(c: Context<Env>, rows: T[], limit: number): Page<T> {
  const has_more = rows.length > limit;
  const data = has_more ? rows.slice(0, limit) : rows;
  const next_cursor = has_more ? data[data.length - 1].id : null;
  let next_url: string | null = null;
  if (next_cursor) {
    const url = new URL(c.req.url);
    url.searchParams.set("cursor", next_cursor);
    url.searchParams.set("limit", String(limit));
    next_url = `/api${c.req.path}${url.search}`;
  }
  return { data, has_more, next_cursor, next_url };
}
