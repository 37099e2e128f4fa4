// npm run webhook-secrets:reencrypt
// Seals every stored webhook signing secret under the first key of WEBHOOK_SECRET_KEYS (opening
// each with whichever configured key it names): the middle step of rotating that key
// (docs/hosted.md#the-webhook-secrets-key). WEBHOOK_SECRET_KEYS as the functions have it, else
// the local stack's (APTORIA_DATA_DIR/webhook-secret-keys.json); the database as for npm start
// (DATABASE_URL, else DB_PORT). Prints counts and key ids only, never a key or a secret.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { connectLocalDatabase } from "./lib/local-database.ts";
import { ROOT } from "./lib/paths.ts";
import { localWebhookSecretKeys, reencryptWebhookSecrets } from "./lib/webhook-secrets.ts";

const localFile = join(process.env.APTORIA_DATA_DIR || join(ROOT, ".data"), "webhook-secret-keys.json");
const keys = process.env.WEBHOOK_SECRET_KEYS || (existsSync(localFile) ? localWebhookSecretKeys(localFile) : undefined);
if (!keys) {
  console.error(`error: set WEBHOOK_SECRET_KEYS (the functions' value, new key first), or run npm start once for ${localFile}.`);
  process.exit(2);
}

const sql = await connectLocalDatabase();
try {
  const r = await reencryptWebhookSecrets(sql, keys);
  console.log(`${r.resealed} secret(s) sealed again under key ${r.keyId}; ${r.current} already were.`);
  for (const f of r.failed) console.error(`  ${f.endpoint_id}: ${f.error}`);
  if (r.failed.length > 0) {
    console.error(`${r.failed.length} endpoint(s) left as they were: keep their keys configured until they are sealed again.`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 2 });
}
