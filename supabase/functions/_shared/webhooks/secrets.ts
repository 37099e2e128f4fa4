// Webhook signing secrets at rest: sealed with AES-256-GCM under a key held outside the database
// (WEBHOOK_SECRET_KEYS, a function secret), the key's id stored next to each ciphertext. Only the
// webhook-endpoints function (creation, rotation: the secret is shown once) seals, and only the
// dispatcher (signing) opens; the database, lists, reads and logs see ciphertext at most.
// Why a function secret and not Vault: docs/decisions/0012-webhook-secrets-at-rest.md.
//
// WEBHOOK_SECRET_KEYS is "<id>:<base64 of 32 bytes>" entries, comma-separated: the first seals,
// any opens, so the key is rotated by putting a new one first, re-sealing (npm run
// webhook-secrets:reencrypt) and then dropping the old one (docs/hosted.md).
//
// node:crypto, not Web Crypto: synchronous, as signing.ts is, and the same module runs under
// Node for the re-encryption script and the tests.
import { Buffer } from "node:buffer";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Claimed } from "./deliver.ts";

export interface SecretKey {
  id: string;
  key: Uint8Array;
}

/** WEBHOOK_SECRET_KEYS is missing or malformed: nothing can be sealed or opened. */
export class SecretKeysUnavailable extends Error {}

/** One sealed secret cannot be opened: its key is not configured, or it is not that key's. */
export class SecretUnreadable extends Error {}

export const SECRET_KEYS_ENV = "WEBHOOK_SECRET_KEYS";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The keys of a WEBHOOK_SECRET_KEYS value, first the one that seals. The message never holds key material. */
export function parseSecretKeys(value: string | undefined): SecretKey[] {
  if (!value?.trim()) throw new SecretKeysUnavailable(`${SECRET_KEYS_ENV} is not set: webhook signing secrets can be neither stored nor used.`);
  const keys: SecretKey[] = [];
  for (const [i, entry] of value.split(",").map((e) => e.trim()).entries()) {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon);
    const key = Buffer.from(entry.slice(colon + 1), "base64");
    if (colon < 0 || !KEY_ID.test(id)) {
      throw new SecretKeysUnavailable(`${SECRET_KEYS_ENV}: entry ${i + 1} is not <id>:<base64 key> with an id of 1-32 letters, digits, _ or -.`);
    }
    if (key.length !== 32) throw new SecretKeysUnavailable(`${SECRET_KEYS_ENV}: key ${id} is not 32 bytes in base64 (openssl rand -base64 32).`);
    if (keys.some((k) => k.id === id)) throw new SecretKeysUnavailable(`${SECRET_KEYS_ENV}: key id ${id} appears twice.`);
    keys.push({ id, key });
  }
  return keys;
}

/** A new key entry for WEBHOOK_SECRET_KEYS. */
export function newSecretKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

let parsed: { value: string | undefined; keys: SecretKey[] | SecretKeysUnavailable } | undefined;

/** The function's configured keys (parsed once per value); throws SecretKeysUnavailable. */
export function configuredKeys(): SecretKey[] {
  const value = Deno.env.get(SECRET_KEYS_ENV);
  if (parsed?.value !== value) {
    let keys: SecretKey[] | SecretKeysUnavailable;
    try {
      keys = parseSecretKeys(value);
    } catch (e) {
      keys = e as SecretKeysUnavailable;
    }
    parsed = { value, keys };
  }
  const { keys } = parsed!;
  if (keys instanceof SecretKeysUnavailable) throw keys;
  return keys;
}

/** A new signing secret: whsec_ and 32 random bytes, base64url; the HMAC key is the whole string. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

// Bound to the organization: a ciphertext copied to another organization's endpoint does not open.
const aad = (organizationId: string) => Buffer.from(`aptoria webhook secret ${organizationId}`);

export interface Sealed {
  keyId: string;
  /** nonce (12 bytes), ciphertext, tag (16 bytes) */
  sealed: Uint8Array;
}

/** `secret` sealed under the first key. */
export function sealSecret(keys: SecretKey[], secret: string, organizationId: string): Sealed {
  const [current] = keys;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, nonce);
  cipher.setAAD(aad(organizationId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return { keyId: current.id, sealed: Buffer.concat([nonce, body, cipher.getAuthTag()]) };
}

/** The secret `sealed` holds; throws SecretUnreadable naming the key id, never any key or secret. */
export function openSecret(keys: SecretKey[], keyId: string, sealed: Uint8Array, organizationId: string): string {
  const k = keys.find((x) => x.id === keyId);
  if (!k) {
    throw new SecretUnreadable(`key ${keyId} is not in ${SECRET_KEYS_ENV} (configured: ${keys.map((x) => x.id).join(", ")})`);
  }
  if (sealed.length <= NONCE_BYTES + TAG_BYTES) throw new SecretUnreadable(`a secret sealed under key ${keyId} is truncated`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", k.key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAAD(aad(organizationId));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadable(`a secret sealed under key ${keyId} does not open with the configured key ${keyId} (a different key under that id, or an altered row)`);
  }
}

/** A secret as app.webhook_claim hands it over: its key's id and the sealed bytes in hex. */
export interface SealedSecret {
  key_id: string;
  sealed: string;
}

export type SealedClaimed = Omit<Claimed, "secrets"> & { secrets: SealedSecret[] };

// Opened secrets by key id, ciphertext and organization: each is opened once per isolate, not per
// attempt. Bounded, as an isolate may live for many runs.
const opened = new Map<string, string>();
const OPENED_MAX = 10_000;

/**
 * The claimed messages ready to sign, their secrets opened (in place: the messages are the
 * claim's own). A message whose secret cannot be opened (no key configured, a key missing or
 * wrong) is left out and not recorded: it stays claimed until its visibility timeout, then is
 * claimed again, so nothing is lost and the endpoint is not blamed for it; one line per batch
 * says why.
 */
export function openClaimed(messages: SealedClaimed[], log = console.error): Claimed[] {
  if (messages.length === 0) return [];
  let keys: SecretKey[];
  try {
    keys = configuredKeys();
  } catch (e) {
    log(JSON.stringify({ fn: "webhook-dispatcher", error: `not sent, retried later: ${(e as Error).message}`, messages: messages.length }));
    return [];
  }
  const ready: Claimed[] = [];
  // an endpoint's messages in one claim carry the same secrets: opened (or refused) once a batch
  const byEndpoint = new Map<string, string[] | Error>();
  const failures = new Map<string, string[]>();
  for (const m of messages) {
    let secrets = byEndpoint.get(m.endpoint_id);
    if (secrets === undefined) {
      try {
        secrets = m.secrets.map((s) => {
          const cacheKey = `${s.key_id}:${s.sealed}:${m.organization_id}`;
          let secret = opened.get(cacheKey);
          if (secret === undefined) {
            secret = openSecret(keys, s.key_id, Buffer.from(s.sealed, "hex"), m.organization_id);
            if (opened.size >= OPENED_MAX) opened.clear();
            opened.set(cacheKey, secret);
          }
          return secret;
        });
      } catch (e) {
        secrets = e as Error;
        const endpoints = failures.get(secrets.message) ?? [];
        failures.set(secrets.message, [...endpoints, m.endpoint_id]);
      }
      byEndpoint.set(m.endpoint_id, secrets);
    }
    if (secrets instanceof Error) continue;
    const claimed = m as unknown as Claimed;
    claimed.secrets = secrets;
    ready.push(claimed);
  }
  for (const [reason, endpoints] of failures) {
    log(JSON.stringify({
      fn: "webhook-dispatcher",
      error: `not sent, retried after the visibility timeout: signing secret unreadable: ${reason}`,
      endpoints,
    }));
  }
  return ready;
}
