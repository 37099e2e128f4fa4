// API errors: every failure becomes `{"error": "..."}` with a 4xx/5xx status.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (what: string) => new ApiError(404, `${what} not found.`);
export const conflict = (message: string) => new ApiError(409, message);

// SQLSTATEs raised by rules in the database (see app.fail in the foundation migration) and
// the standard integrity errors, as HTTP statuses. Anything else is a 500 with no detail.
const SQLSTATE_STATUS: Record<string, number> = {
  AP400: 400,
  AP403: 403,
  AP404: 404,
  AP409: 409,
  AP422: 422,
  "23505": 409, // unique_violation
  "23P01": 409, // exclusion_violation
  "23514": 422, // check_violation
  "23503": 422, // foreign_key_violation
  "22P02": 400, // invalid_text_representation
  "22007": 400, // invalid_datetime_format
  "22008": 400, // datetime_field_overflow
  "22003": 400, // numeric_value_out_of_range
  "22021": 400, // character_not_in_repertoire (a NUL byte in text)
  "22001": 400, // string_data_right_truncation
  "22P05": 400, // untranslatable_character
  "54000": 400, // program_limit_exceeded (e.g. a value too large to index)
};

// Where PostgreSQL's own message names tables, constraints or encodings, say what rule was
// broken instead; every other mapped error (the AP codes, bad dates and numbers) keeps its message.
const MESSAGES: Record<string, string> = {
  "23505": "A record with these values already exists.",
  "23P01": "This conflicts with an existing record.",
  "23514": "A value breaks a rule of this resource.",
  "23503": "A referenced record does not exist.",
  "22021": "Text may not contain NUL (\\u0000) characters.",
  "22P05": "Text may not contain NUL (\\u0000) characters.",
  "54000": "A value is too large.",
};

// The database cannot be reached, is restarting (57P01-57P03), out of connections (53300) or lost
// the connection (class 08; postgres.js's and the socket's own codes): 503 at once, which a
// client retries. A statement cancelled by statement_timeout (57014, db.ts) did not commit.
const UNAVAILABLE = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED",
  "57P01", "57P02", "57P03", "53300",
]);
const RETRY_AFTER_SECONDS = "1";

function unavailable(code: string): ApiError | undefined {
  if (code === "57014") {
    return new ApiError(503, "The database did not answer in time; nothing was changed. Retry in a moment.", { "retry-after": RETRY_AFTER_SECONDS });
  }
  if (!UNAVAILABLE.has(code) && !code.startsWith("08")) return undefined;
  return new ApiError(503, "The database is unavailable right now; retry in a moment.", { "retry-after": RETRY_AFTER_SECONDS });
}

/** Maps an error thrown by postgres.js to an ApiError, or returns undefined. */
export function fromDatabaseError(err: unknown): ApiError | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== "string") return undefined;
  const down = unavailable(code);
  if (down) return down;
  const status = SQLSTATE_STATUS[code];
  if (!status) return undefined;
  const message = MESSAGES[code] ?? (err as Error).message;
  // an integrity error names the rule it broke, e.g. "(leases_no_overlap)"
  const constraint = code.startsWith("23") ? (err as { constraint_name?: string }).constraint_name : undefined;
  return new ApiError(status, constraint ? `${message} (${constraint})` : message);
}
