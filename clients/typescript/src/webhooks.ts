// Verifies an Aptoria webhook delivery (X-PMAI-Signature) with Web Crypto only, so the same code
// runs in Node 20+, Deno, browsers and edge runtimes. Every v1= is checked against every secret:
// during a rotation a delivery carries one v1= per secret, and a receiver on either secret accepts.

/** Why a delivery was refused; `reason` is stable, `message` is for people. */
export type WebhookFailure =
  | "missing_header"
  | "malformed_header"
  | "timestamp_too_old"
  | "timestamp_in_future"
  | "signature_mismatch"
  | "invalid_json";

export class WebhookVerificationError extends Error {
  constructor(readonly reason: WebhookFailure, message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** The envelope every delivery carries (docs/webhooks.md). */
export interface WebhookEvent<Payload = Record<string, unknown>> {
  event: string;
  delivered_at: string;
  organization_id: string;
  payload: Payload;
  id: string;
}

export interface VerifyOptions {
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string | Uint8Array | ArrayBuffer;
  /** The X-PMAI-Signature header, e.g. `t=1716659938,v1=4f1c...` (null or undefined when absent). */
  signature: string | null | undefined;
  /** The endpoint's signing secret(s) (`whsec_...`); several while a rotation is being rolled out. */
  secrets: string | readonly string[];
  /** How far, in seconds, `t` may be from now, either way (default 300). */
  toleranceSeconds?: number;
  /** The current unix time in seconds (default: the clock); for replaying recorded deliveries. */
  now?: number;
}

export const SIGNATURE_HEADER = "X-PMAI-Signature";
const DEFAULT_TOLERANCE_SECONDS = 300;
const encoder = new TextEncoder();

/**
 * Checks the signature and the timestamp, then returns the parsed event; throws
 * WebhookVerificationError otherwise. `verifyWebhook<AptoriaEvent>` types the event by the document.
 */
export async function verifyWebhook<Event = WebhookEvent>(options: VerifyOptions): Promise<Event> {
  const { t, signatures } = parseSignatureHeader(options.signature);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Date.now() / 1000;
  if (t < now - tolerance) throw new WebhookVerificationError("timestamp_too_old", `The timestamp is more than ${tolerance} seconds old.`);
  if (t > now + tolerance) throw new WebhookVerificationError("timestamp_in_future", `The timestamp is more than ${tolerance} seconds ahead.`);

  const body = bodyBytes(options.body);
  const signed = concat(encoder.encode(`${t}.`), body);
  const secrets = typeof options.secrets === "string" ? [options.secrets] : options.secrets;
  if (secrets.length === 0) throw new TypeError("verifyWebhook: at least one secret is needed.");
  let matched = false;
  // every pair is compared, matched or not, so the time taken says nothing about which one matched
  for (const secret of secrets) {
    const expected = await hmacSha256(secret, signed);
    for (const candidate of signatures) matched = constantTimeEqual(expected, candidate) || matched;
  }
  if (!matched) throw new WebhookVerificationError("signature_mismatch", "No v1 signature matches the secret(s).");

  try {
    return JSON.parse(new TextDecoder().decode(body)) as Event;
  } catch {
    throw new WebhookVerificationError("invalid_json", "The body is not JSON.");
  }
}

/**
 * Reads `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`. Unknown fields (another scheme, a future
 * version) are ignored; a missing or repeated `t`, or no well-formed `v1`, is malformed.
 */
export function parseSignatureHeader(header: string | null | undefined): { t: number; signatures: Uint8Array[] } {
  if (header === null || header === undefined || header.trim() === "") {
    throw new WebhookVerificationError("missing_header", `The ${SIGNATURE_HEADER} header is missing.`);
  }
  let t: number | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) {
        throw new WebhookVerificationError("malformed_header", `${SIGNATURE_HEADER}: t must appear once, as unix seconds.`);
      }
      t = Number(value);
    } else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(hexBytes(value));
    }
  }
  if (t === undefined) throw new WebhookVerificationError("malformed_header", `${SIGNATURE_HEADER}: no t= timestamp.`);
  if (signatures.length === 0) throw new WebhookVerificationError("malformed_header", `${SIGNATURE_HEADER}: no v1= signature.`);
  return { t, signatures };
}

async function hmacSha256(secret: string, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, data as Uint8Array<ArrayBuffer>));
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function bodyBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
