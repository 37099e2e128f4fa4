// The request log: every request a function answers gets one JSON line in the function log
// (Supabase's log explorer indexes it), and, when its organization is known, a row in
// app.request_logs, which GET /api/request-logs reads. Never a key, a secret, a token or a body.
//
// Rows are not written on the request path: entries wait in this instance's memory and go to
// the database as ONE statement per batch (app.request_log_append, the batch as one JSON text), every FLUSH_MS or as soon
// as BATCH entries wait, one batch in flight at a time. An entry is serialized once, as the
// middle of the request's log line. A clean stop flushes what waits (the
// local functions server awaits flushRequestLog() on SIGTERM; the edge runtime dispatches
// `beforeunload` before it retires a worker). A crash of the instance loses what waited: at
// most FLUSH_MS of requests, and never more than MAX_WAITING entries (beyond which the oldest
// are dropped and counted in the log).
//
//   REQUEST_LOG=off             neither the line nor the row (to measure what the log costs)
//   REQUEST_LOG_FLUSH_MS=1000   longest an entry waits before its batch is written
//   REQUEST_LOG_BATCH=500       entries that start a write without waiting for the interval
import { sql } from "./db.ts";
import { type Context, type MiddlewareHandler, routePath } from "./deps.ts";
import { ApiError } from "./errors.ts";
import type { Env } from "./http.ts";

const ENABLED = Deno.env.get("REQUEST_LOG") !== "off";
const FLUSH_MS = Math.max(10, Number(Deno.env.get("REQUEST_LOG_FLUSH_MS") ?? 1000));
const BATCH = Math.max(1, Number(Deno.env.get("REQUEST_LOG_BATCH") ?? 500));
const MAX_WAITING = Math.max(BATCH, 20 * BATCH);

/** Who sent a request, as far as authentication got: also for a 403 or a 429. */
export interface RequestIdentity {
  organizationId: string | null;
  keyId?: string | null;
  memberId?: string | null;
  /** the presented key's public prefix (the 8 characters after apt_) */
  keyPrefix?: string | null;
  /** the rate-limit headers authentication answered with, and Retry-After's seconds */
  rateLimit?: Record<string, string>;
  retryAfter?: number | null;
}

const identities = new WeakMap<Context, RequestIdentity>();

/** Called by authentication once it knows who is calling, admitted or not (auth.ts). */
export function noteIdentity(c: Context, identity: RequestIdentity): void {
  identities.set(c, identity);
}

// Entries of requests whose organization is known: JSON objects whose keys are the columns
// app.request_log_append reads.
const waiting: string[] = [];
let dropped = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | undefined;

// The key's public prefix (apt_<8 characters>) only; the secret after it never leaves auth.ts.
const KEY_PREFIX = /^Bearer\s+(apt_[a-z0-9]{8})_/i;

/** The middleware createApp installs on every function. */
export const requestLog: MiddlewareHandler<Env> = async (c, next) => {
  if (!ENABLED) return await next();
  const arrived = Date.now();
  const started = performance.now();
  await next();
  const durationMs = Math.round(performance.now() - started);
  const status = c.res.status;
  const who = identities.get(c);
  const route = `/api${routePath(c)}`;
  const error = status >= 400 ? await errorMessage(c) : null;
  const stored = Boolean(who?.organizationId);
  // What is stored is serialized once and is also the line's middle: the database reads only it.
  const entry = JSON.stringify({
    // the entry's id in GET /api/request-logs, for a request stored there
    log_id: stored ? logId(arrived) : null,
    arrived_ms: arrived,
    request_id: c.get("requestId"),
    organization_id: who?.organizationId ?? null,
    key_id: who?.keyId ?? null,
    member_id: who?.memberId ?? null,
    method: c.req.method,
    route,
    status,
    duration_ms: durationMs,
    error,
  });
  // what authentication noted, else (a 401 before it) read back from the request and response:
  // a Headers lookup costs a few µs, noted values nothing
  const keyPrefix = who ? (who.keyPrefix ? `apt_${who.keyPrefix}` : null) : KEY_PREFIX.exec(c.req.header("authorization") ?? "")?.[1] ?? null;
  const rateLimit = who ? notedRateLimit(who) : answeredRateLimit(c.res.headers);
  print(`{"msg":"request",${entry.slice(1, -1)},"key_prefix":${JSON.stringify(keyPrefix)},"rate_limit":${JSON.stringify(rateLimit)}}`);
  if (stored) enqueue(entry);
};

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

function notedRateLimit(who: RequestIdentity) {
  const h = who.rateLimit;
  if (!h?.ratelimit && !who.retryAfter) return null;
  return { limit: num(h?.["x-ratelimit-limit"]), remaining: num(h?.["x-ratelimit-remaining"]), policy: h?.ratelimit ?? null, retry_after: who.retryAfter ?? null };
}

function answeredRateLimit(headers: Headers) {
  if (!headers.has("ratelimit") && !headers.has("retry-after")) return null;
  return { limit: num(headers.get("x-ratelimit-limit")), remaining: num(headers.get("x-ratelimit-remaining")), policy: headers.get("ratelimit"), retry_after: num(headers.get("retry-after")) };
}

// Lines are printed together, every PRINT_MS or as soon as PRINT_LINES wait: one console.log (a
// write to stdout) per line cost 20-60 µs a request under load, more than the rest of the log;
// printed once per turn of the event loop, most writes still held one or two lines under load
// (a timer and a write per request, 8 µs of the ~17 the log costs this process). Each line is
// still one request's JSON; a crash loses at most PRINT_MS of lines, a clean stop none.
const PRINT_MS = 50;
const PRINT_LINES = 64;
let lines: string[] = [];
let printTimer: ReturnType<typeof setTimeout> | undefined;
function print(line: string): void {
  lines.push(line);
  if (lines.length >= PRINT_LINES) printLines();
  else if (printTimer === undefined) {
    printTimer = setTimeout(printLines, PRINT_MS);
    Deno.unrefTimer(printTimer);
  }
}
function printLines(): void {
  if (printTimer !== undefined) clearTimeout(printTimer);
  printTimer = undefined;
  if (!lines.length) return;
  const out = lines.join("\n");
  lines = [];
  console.log(out);
}

/** The message the client was answered with: from the error thrown, or else the JSON error body. */
async function errorMessage(c: Context<Env>): Promise<string | null> {
  if (c.error instanceof ApiError) return c.error.message.slice(0, 1000);
  try {
    const body = await c.res.clone().json() as { error?: unknown };
    return typeof body?.error === "string" ? body.error.slice(0, 1000) : null;
  } catch {
    return null;
  }
}

function enqueue(entry: string): void {
  if (waiting.length >= MAX_WAITING) {
    waiting.shift();
    dropped++;
  }
  waiting.push(entry);
  if (inFlight) return; // the running write looks again when it ends
  if (waiting.length >= BATCH) void write();
  else timer ??= later();
}

// The timer does not keep a process alive on its own: when nothing else is left, `beforeunload`
// writes what waits.
function later(): ReturnType<typeof setTimeout> {
  const t = setTimeout(() => void write(), FLUSH_MS);
  Deno.unrefTimer(t);
  return t;
}

/** Writes what waits, one batch of at most BATCH entries per statement. */
function write(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (inFlight) return inFlight;
  if (!waiting.length) return Promise.resolve();
  const batch = waiting.splice(0, BATCH);
  inFlight = append(batch).finally(() => {
    inFlight = undefined;
    if (waiting.length >= BATCH) void write();
    else if (waiting.length) timer ??= later();
  });
  waitUntil(inFlight);
  return inFlight;
}

async function append(batch: string[]): Promise<void> {
  try {
    // one JSON text, joined: eleven arrays would cost postgres.js an escape per element
    await sql`select app.request_log_append(${`[${batch.join(",")}]`}::text::json)`;
    if (dropped) {
      console.error(JSON.stringify({ msg: "request log: entries dropped while the database was behind", dropped }));
      dropped = 0;
    }
  } catch (e) {
    // A log must not take the API down: the batch is lost, and said so.
    console.error(JSON.stringify({ msg: "request log: a batch could not be written", entries: batch.length, error: (e as Error).message }));
  }
}

/** Writes every entry waiting, e.g. before the process exits; resolves when they are stored (or failed). */
export async function flushRequestLog(): Promise<void> {
  printLines();
  while (waiting.length || inFlight) await (inFlight ?? write());
}

// Keeps the edge runtime from retiring the worker while a write is in flight.
function waitUntil(p: Promise<unknown>): void {
  (globalThis as { EdgeRuntime?: { waitUntil?: (p: Promise<unknown>) => void } }).EdgeRuntime?.waitUntil?.(p);
}

// The edge runtime dispatches `beforeunload` before it shuts a worker down (wall clock, CPU,
// memory, idle): last chance to write what waits.
globalThis.addEventListener("beforeunload", () => waitUntil(flushRequestLog()));

// ULID-shaped (48-bit milliseconds, then 80 random bits, Crockford base32), as app.new_id
// makes them. The time part is encoded once per millisecond; the random part only has to keep
// one organization's entries of one millisecond apart, so Math.random is enough (and 10x cheaper
// than crypto.getRandomValues here).
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let idMs = -1;
let idTime = "";
function logId(ms: number): string {
  if (ms !== idMs) {
    idTime = "";
    for (let i = 9, t = ms; i >= 0; i--, t = Math.floor(t / 32)) idTime = CROCKFORD[t % 32] + idTime;
    idMs = ms;
  }
  let rest = "";
  for (let i = 0; i < 4; i++) {
    let r = Math.floor(Math.random() * 0x100000); // 20 bits: four characters
    for (let j = 0; j < 4; j++, r >>>= 5) rest += CROCKFORD[r & 31];
  }
  return `log_${idTime}${rest}`;
}
