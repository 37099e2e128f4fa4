// What the integration tests share: the stack's URLs, a database client, HTTP calls, waiting
// (built on vi.waitFor), webhook receivers and the dispatcher. The test data factories are in
// tests/fixtures/index.ts.
import { inject, vi } from "vitest";
import postgres from "postgres";
import { request as httpRequest } from "node:http";
import { execFile } from "node:child_process";
import { appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { connect } from "../scripts/lib/database.ts";
import { denoBinary } from "../scripts/lib/paths.ts";
import { type AptoriaClient, createAptoriaClient, type WebhookEvent, verifyWebhook } from "../clients/typescript/src/index.ts";

export const functionsUrl = inject("functionsUrl");
export const databaseUrl = inject("databaseUrl");
export const serviceRoleKey = inject("serviceRoleKey");
export const schedulerSecret = inject("schedulerSecret");
/** The functions' WEBHOOK_SECRET_KEYS (the stack's, from its data folder). */
export const webhookSecretKeys = inject("webhookSecretKeys");
/** Every line the stack has logged so far. */
export const stackLogFile = inject("stackLogFile");
/** The functions the scheduler calls (app.scheduled_jobs), with the scheduler secret only. */
export const scheduledFunctions = ["webhook-dispatcher", "email-outbox", "rent-late", "webhook-retention", "request-log-retention"];

export const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });

/** Runs `fn` in a transaction that is then rolled back, whatever it did: other tests never see it. */
export async function rolledBack(fn: (tx: postgres.TransactionSql) => Promise<void>): Promise<void> {
  await sql.begin(async (tx) => {
    await fn(tx);
    throw new Rollback();
  }).catch((e) => {
    if (!(e instanceof Rollback)) throw e;
  });
}
class Rollback extends Error {}

/** Runs `fn` on a database of its own on the shared server (named `<prefix>_<random>`), dropped afterwards. */
export async function withDatabase(prefix: string, fn: (db: postgres.Sql, url: string) => Promise<void>): Promise<void> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  await sql.unsafe(`create database ${name}`);
  const db = connect(url.toString(), 2);
  try {
    await fn(db, url.toString());
  } finally {
    await db.end({ timeout: 5 });
    await sql.unsafe(`drop database if exists ${name} with (force)`);
  }
}

export interface ApiInit extends Omit<RequestInit, "body"> {
  key?: string;
  json?: unknown;
  body?: BodyInit;
}

/** A request to `/api<path>` on the local stack. */
export function api(path: string, init: ApiInit = {}): Promise<Response> {
  const { key, json, headers, ...rest } = init;
  return fetch(`${functionsUrl}/api${path}`, {
    ...rest,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...(headers as Record<string, string>),
    },
    body: json !== undefined ? JSON.stringify(json) : init.body,
  });
}

/** Our typed client (clients/typescript) on the local stack, with `key` (none: anonymous). */
export function apiClient(key?: string, options: Omit<Parameters<typeof createAptoriaClient>[0], "baseUrl" | "apiKey"> = {}): AptoriaClient {
  return createAptoriaClient({ baseUrl: `${functionsUrl}/api`, apiKey: key, ...options });
}

/** A response's JSON body together with its status and headers. */
export async function call<T = any>(path: string, init: ApiInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(path, init);
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, headers: res.headers };
}

/** Resolves once `url` answers HTTP (with a 2xx when `ok`), e.g. a server a test just started. */
export async function waitForServer(url: string, { ok = false, timeoutMs = 10_000 } = {}): Promise<void> {
  await vi.waitFor(async () => {
    const res = await fetch(url);
    await res.body?.cancel();
    if (ok && !res.ok) throw new Error(`${url}: ${res.status}`);
  }, { timeout: timeoutMs, interval: 100 });
}

/** Walks a list through every page, checking each page's links, and returns all ids. */
export async function allPages(firstPath: string, key: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let path: string | null = firstPath;
  let pages = 0;
  while (path) {
    const res: { status: number; body: any } = await call(path, { key });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    pages++;
    ids.push(...res.body.data.map((r: { id: string }) => r.id));
    if (res.body.has_more !== (res.body.next_cursor !== null)) throw new Error("has_more and next_cursor disagree");
    path = res.body.next_url ? res.body.next_url.replace(/^\/api/, "") : null;
  }
  return { ids, pages };
}

/**
 * A raw HTTP/1.1 request from a chosen loopback source address (127.0.0.x), so tests of
 * per-address throttling do not share an address with the rest of the suite.
 */
export function rawRequest(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(`${functionsUrl}${path}`);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname + url.search,
      method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress,
    }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/**
 * Runs a curl command from the public reference verbatim with the real `curl` (through a
 * shell), after substituting placeholders such as the base URL, the key and ids. The page
 * prints line continuations as "\ "; they are restored to backslash-newline first.
 * Returns the parsed JSON body.
 */
export async function runReferenceCurl(command: string, substitutions: Record<string, string>): Promise<any> {
  let cmd = command.replaceAll("\\ ", "\\\n");
  for (const [from, to] of Object.entries(substitutions)) cmd = cmd.split(from).join(to);
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile("sh", ["-c", cmd], (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)))
  );
  return JSON.parse(stdout);
}

/** The local SMTP catcher's HTTP address: GET `${mailUrl}/messages` lists the emails sent. */
export const mailUrl = inject("mailUrl");
const deliveryRecordFile = inject("deliveryRecordFile");

// ---- Webhooks: real receivers on loopback and the scheduled dispatcher, run on demand ----

export interface Received {
  n: number;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

export interface ReceiverAnswer {
  status: number;
  body?: string;
  delayMs?: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How the next requests are answered (default 200). */
  respond: (r: Received) => ReceiverAnswer | undefined | Promise<ReceiverAnswer | undefined>;
  close(): Promise<void>;
}

/** An HTTP receiver on 127.0.0.1 that records every request. */
export async function startReceiver(path = "/hook"): Promise<Receiver> {
  const { createServer } = await import("node:http");
  const receiver: Receiver = { url: "", received: [], respond: () => undefined, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const r: Received = {
        n: receiver.received.length + 1,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
      };
      receiver.received.push(r);
      // checked against the OpenAPI document's webhooks when the run ends (tests/global-setup.ts;
      // the faults project has no global setup, so no record file)
      if (deliveryRecordFile) appendFileSync(deliveryRecordFile, `${JSON.stringify({ headers: r.headers, body: r.body })}\n`);
      void Promise.resolve(receiver.respond(r)).then((given) => {
        const answer = given ?? { status: 200 };
        const send = () => res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body ?? "ok");
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}${path}`;
  receiver.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return receiver;
}

/** One run of the webhook dispatcher until nothing is due (short timeouts for tests). */
/** Calls a scheduled function (webhook-retention, ...) as the scheduler does, with the scheduler secret. */
export async function runScheduled(name: string, body: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${functionsUrl}/functions/v1/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${schedulerSecret}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export async function dispatchOnce(options: Record<string, unknown> = {}): Promise<any> {
  const { status, body } = await runScheduled("webhook-dispatcher",
    { until_idle: true, max_seconds: 10, attempt_timeout_ms: 1500, visibility_timeout_seconds: 3, ...options });
  if (status !== 200) throw new Error(`webhook-dispatcher: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Runs the dispatcher until `done()` holds. Test files run in parallel and share the queue: a
 * run may be skipped while another file's run holds the lease, which then delivers our work.
 */
export async function dispatchUntil(done: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  await vi.waitFor(async () => {
    if (await done()) return;
    await dispatchOnce();
    if (!(await done())) throw new Error(`dispatchUntil: not done within ${timeoutMs} ms of dispatcher runs`);
  }, { timeout: timeoutMs, interval: 50 });
}

/**
 * Moves a pending delivery's next attempt to now, and its endpoint's next probe if its circuit is
 * open: the test's stand-in for waiting out a backoff.
 */
export async function makeDue(deliveryId: string): Promise<void> {
  await sql`select pgmq.set_vt('webhooks'::text, msg_id::bigint, 0::integer) from app.webhook_deliveries
    where id = ${deliveryId} and status = 'pending'`;
  await sql`update app.webhook_endpoints e set next_probe_at = now() from app.webhook_deliveries d
    where d.id = ${deliveryId} and e.id = d.endpoint_id and e.next_probe_at is not null`;
}

/**
 * Moves an API key's per-minute counter one window back: the test's stand-in for waiting until
 * the next minute starts (the next request starts a new window, as it would then).
 */
export async function startNextMinuteWindow(apiKey: string): Promise<void> {
  await sql`update app.rate_limit_counters c set minute_window = c.minute_window - 1
    from app.api_keys k where k.id = c.key_id and k.prefix = ${apiKey.slice(4, 12)}`;
}

/**
 * The event of a received delivery, as our published verifier (clients/typescript's
 * verifyWebhook) accepts it with `secrets`; rejects with its WebhookVerificationError otherwise.
 */
export function verifiedEvent(delivery: { headers: Record<string, string>; body: string }, secrets: string | string[]): Promise<WebhookEvent> {
  return verifyWebhook({ body: delivery.body, signature: delivery.headers["x-pmai-signature"], secrets });
}

export interface FixtureOutcome {
  ok: boolean;
  status_code: number | null;
  error: string | null;
  response_body: string | null;
}

/**
 * Runs the dispatcher's own deliver() under Deno on each URL in order, in one process (see
 * tests/fixtures/deliver-once.ts for `sleep:` and `timeout:` arguments).
 */
export function deliverOnce(args: string[], env: Record<string, string> = {}): Promise<FixtureOutcome[]> {
  return new Promise((resolve, reject) => {
    execFile(denoBinary(), ["run", "--allow-all", "--no-prompt", "tests/fixtures/deliver-once.ts", ...args], {
      env: { ...process.env, WEBHOOK_ALLOW_LOOPBACK: "true", ...env }, timeout: 60_000,
    }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))));
  });
}
