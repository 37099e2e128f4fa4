// One attempt: build the envelope at this instant, sign it, POST it, and describe the outcome.
import { isIP } from "node:net";
import { AttemptTimeout, post } from "./http1.ts";
import { checkDestination, ForbiddenDestination, UnresolvedHost } from "./ssrf.ts";
import { signatureHeader } from "./signing.ts";

/** A claimed message, as app.webhook_claim returns it. */
export interface Claimed {
  msg_id: number;
  delivery_id: string;
  endpoint_id: string;
  event_id: string;
  event: string;
  organization_id: string;
  payload: unknown;
  url: string;
  /** The delivery's attempt number, counted across redeliveries and replays (X-PMAI-Attempt). */
  attempt: number;
  secrets: string[];
  /** Its endpoint's circuit is open and this attempt is the probe (app.webhook_record counts its failure). */
  probe?: boolean;
}

/** What app.webhook_record takes: a delivery's first recorded attempt writes its row. */
export interface Outcome {
  msg_id: number;
  delivery_id: string;
  event_id: string;
  endpoint_id: string;
  organization_id: string;
  ok: boolean;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string | null;
  attempted_at: string;
  finished_at: string;
  /** No later attempt can succeed (the destination is a forbidden address): the delivery fails now. */
  final?: boolean;
  probe?: boolean;
}

const RESPONSE_BYTES = 1024;
const decoder = new TextDecoder();

// Postgres text cannot hold NUL, and a lone surrogate breaks JSON on the way back.
function clean(text: string): string {
  return text.replaceAll("\u0000", "").replace(/[\ud800-\udfff]/g, (c, i, s) => {
    const code = c.charCodeAt(0);
    const next = s.charCodeAt(i + 1), prev = s.charCodeAt(i - 1);
    if (code < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) return c;
    if (code >= 0xdc00 && prev >= 0xd800 && prev < 0xdc00) return c;
    return "\ufffd";
  });
}

/** The body as delivered: the reference's envelope, then the event id for deduplication. */
export function envelope(m: Claimed, deliveredAt: string): string {
  return JSON.stringify({
    event: m.event,
    delivered_at: deliveredAt,
    organization_id: m.organization_id,
    payload: m.payload,
    id: m.event_id,
  });
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as Error;
  if (e instanceof AttemptTimeout) return `timed out after ${timeoutMs} ms`;
  if (e instanceof ForbiddenDestination) return `refused: ${err.message}`;
  // connection and TLS errors name the address or the certificate at most; never a header, so never a secret
  return clean(`${err?.name ?? "Error"}: ${err?.message ?? String(e)}`).slice(0, 500);
}

export async function deliver(m: Claimed, timeoutMs: number): Promise<Outcome> {
  const started = Date.now();
  const attemptedAt = new Date(started).toISOString();
  const done = (o: Pick<Outcome, "ok" | "status_code" | "error" | "response_body">): Outcome => {
    const finished = Date.now();
    return {
      msg_id: m.msg_id,
      delivery_id: m.delivery_id,
      event_id: m.event_id,
      endpoint_id: m.endpoint_id,
      organization_id: m.organization_id,
      latency_ms: finished - started,
      attempted_at: attemptedAt,
      finished_at: new Date(finished).toISOString(),
      probe: m.probe ?? false,
      ...o,
    };
  };
  try {
    const url = new URL(m.url);
    const addresses = await checkDestination(url);
    // IPv4 first: a host with both kinds of address is often not reachable over IPv6 from here
    const address = addresses.find((a) => isIP(a) === 4) ?? addresses[0];
    // t and delivered_at are this attempt's, never the first attempt's: receivers reject
    // timestamps more than 5 minutes off.
    const now = Date.now();
    const body = envelope(m, new Date(now).toISOString());
    const t = Math.floor(now / 1000);
    // a redirect is an answer like any other non-2xx: not followed
    const res = await post(url, address, {
      "content-type": "application/json",
      "user-agent": "Aptoria-Webhooks/1.0",
      "x-pmai-signature": signatureHeader(m.secrets, t, body),
      "x-pmai-event": m.event,
      "x-pmai-event-id": m.event_id,
      "x-pmai-delivery-id": m.delivery_id,
      "x-pmai-attempt": String(m.attempt),
    }, body, timeoutMs, RESPONSE_BYTES);
    const ok = res.status >= 200 && res.status < 300;
    return done({ ok, status_code: res.status, error: ok ? null : `HTTP ${res.status}`, response_body: clean(decoder.decode(res.body)) });
  } catch (e) {
    const outcome = done({ ok: false, status_code: null, error: describe(e, timeoutMs), response_body: null });
    if (e instanceof ForbiddenDestination && !(e instanceof UnresolvedHost)) outcome.final = true;
    return outcome;
  }
}
