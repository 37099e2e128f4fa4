// Webhook signing secrets on the Docker-free stack and for operators: the stack's own
// WEBHOOK_SECRET_KEYS, kept in the data folder like the sessions' signing key, and the
// re-encryption of every stored secret under the first key (npm run webhook-secrets:reencrypt).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  newSecretKeyEntry, newSigningSecret, openSecret, parseSecretKeys, sealSecret, type SecretKey,
} from "../../supabase/functions/_shared/webhooks/secrets.ts";
import type { Sql } from "./database.ts";

/** The stack's WEBHOOK_SECRET_KEYS value, made once and kept (mode 0600) in `file`; edit it to rotate the key. */
export function localWebhookSecretKeys(file: string): string {
  if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { WEBHOOK_SECRET_KEYS: string }).WEBHOOK_SECRET_KEYS;
  const value = newSecretKeyEntry("local-1");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ WEBHOOK_SECRET_KEYS: value }, null, 2) + "\n", { mode: 0o600 });
  return value;
}

/**
 * An endpoint written straight to the database (tests and benches that arrange many), its new
 * secret sealed under `secretKeys` as the webhook-endpoints function seals it. Returns its id and secret.
 */
export async function createEndpoint(
  sql: Sql, secretKeys: string, organizationId: string, url: string, description: string,
): Promise<{ id: string; secret: string }> {
  const secret = newSigningSecret();
  const s = sealSecret(parseSecretKeys(secretKeys), secret, organizationId);
  const [row] = await sql<{ e: { id: string } }[]>`
    select app.webhook_endpoint_create(${organizationId}, ${url}, '{*}', ${description}, ${s.sealed}, ${s.keyId}) as e`;
  return { id: row.e.id, secret };
}

export interface Reencrypted {
  /** The key every secret is now sealed under. */
  keyId: string;
  /** Secrets (current and previous) sealed again. */
  resealed: number;
  /** Secrets already under that key. */
  current: number;
  /** Endpoints with a secret that could not be opened, and why (left as they were). */
  failed: { endpoint_id: string; error: string }[];
}

interface Row {
  id: string;
  organization_id: string;
  secret_sealed: Uint8Array;
  secret_key_id: string;
  previous_secret_sealed: Uint8Array | null;
  previous_secret_key_id: string | null;
}

/**
 * Seals every endpoint's secrets under the first of `keysValue`'s keys, opening them with any.
 * Each row is written only if it has not changed since it was read (a rotation meanwhile wins,
 * and its new secret is already under the first key if the functions have the same keys).
 */
export async function reencryptWebhookSecrets(sql: Sql, keysValue: string, batch = 500): Promise<Reencrypted> {
  const keys: SecretKey[] = parseSecretKeys(keysValue);
  const keyId = keys[0].id;
  const result: Reencrypted = { keyId, resealed: 0, current: 0, failed: [] };
  let after = "";
  for (;;) {
    const rows = await sql<Row[]>`
      select id, organization_id, secret_sealed, secret_key_id, previous_secret_sealed, previous_secret_key_id
      from app.webhook_endpoints where id > ${after} order by id limit ${batch}`;
    if (rows.length === 0) return result;
    after = rows[rows.length - 1].id;
    for (const r of rows) {
      const stale = [r.secret_key_id, r.previous_secret_key_id].filter((k) => k !== null && k !== keyId).length;
      const total = r.previous_secret_sealed ? 2 : 1;
      if (stale === 0) {
        result.current += total;
        continue;
      }
      try {
        const reseal = (sealed: Uint8Array, id: string) =>
          id === keyId ? { sealed, keyId } : sealSecret(keys, openSecret(keys, id, sealed, r.organization_id), r.organization_id);
        const now = reseal(r.secret_sealed, r.secret_key_id);
        const prev = r.previous_secret_sealed ? reseal(r.previous_secret_sealed, r.previous_secret_key_id!) : null;
        const updated = await sql`
          update app.webhook_endpoints set secret_sealed = ${now.sealed}, secret_key_id = ${now.keyId},
            previous_secret_sealed = ${prev?.sealed ?? null}, previous_secret_key_id = ${prev?.keyId ?? null}
          where id = ${r.id} and secret_sealed = ${r.secret_sealed}
            and previous_secret_sealed is not distinct from ${r.previous_secret_sealed}::bytea`;
        if (updated.count === 1) {
          result.resealed += stale;
          result.current += total - stale;
        } else {
          result.failed.push({ endpoint_id: r.id, error: "changed while being re-encrypted (rotated or deleted): run again" });
        }
      } catch (e) {
        result.failed.push({ endpoint_id: r.id, error: (e as Error).message });
      }
    }
  }
}
