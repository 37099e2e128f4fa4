// Webhook signing secrets at rest (_shared/webhooks/secrets.ts): sealed under WEBHOOK_SECRET_KEYS,
// never in the database, lists, reads or logs in plain text; opened by the dispatcher only;
// the previous secret cleared when its overlap ends; a secret the dispatcher cannot open is
// retried, never sent unsigned; the encryption key rotated with npm run webhook-secrets:reencrypt.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FunctionsServer, startFunctions } from "../scripts/lib/functions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import {
  newSecretKeyEntry, openSecret, parseSecretKeys, sealSecret, SecretKeysUnavailable, SecretUnreadable,
} from "../supabase/functions/_shared/webhooks/secrets.ts";
import {
  call, databaseUrl, dispatchOnce, dispatchUntil, type Receiver, runScheduled, sql, stackLogFile,
  startReceiver, verifiedEvent, webhookSecretKeys,
} from "./helpers.ts";
import { newTenant, newTenantOrg, newWebhookEndpoint } from "./fixtures/index.ts";

const receivers: Receiver[] = [];
const receiver = async () => {
  const r = await startReceiver();
  receivers.push(r);
  return r;
};
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

/** Every place in schemas app and pgmq where `needle` appears in a text, json or bytea column ("table.column"). */
async function whereInDatabase(needle: string): Promise<string[]> {
  const columns = await sql<{ t: string; c: string; type: string }[]>`
    select format('%I.%I', c.table_schema, c.table_name) as t, c.column_name as c, c.data_type as type
    from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
    where c.table_schema in ('app', 'pgmq') and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')`;
  expect(columns.map((c) => `${c.t}.${c.c}`)).toEqual(expect.arrayContaining(["app.webhook_endpoints.secret_sealed", "pgmq.q_webhooks.message"]));
  const found: string[] = [];
  for (const col of columns) {
    const value = col.type === "bytea" ? sql`position(convert_to(${needle}, 'UTF8') in ${sql(col.c)}) > 0`
      : sql`strpos(${sql(col.c)}::text, ${needle}) > 0`;
    const [{ n }] = await sql`select count(*)::int as n from ${sql.unsafe(col.t)} where ${value}`;
    if (n > 0) found.push(`${col.t}.${col.c}`);
  }
  return found;
}

const signatures = (header: string) => header.split(",").filter((p) => p.startsWith("v1=")).length;
const log = () => readFileSync(stackLogFile, "utf8");

const retention = (body: Record<string, unknown>) => runScheduled("webhook-retention", body);

describe("webhook signing secrets at rest", () => {
  it("never hold a plaintext secret in the database, a list or a read after create and rotate", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url);
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const rotated = await call(`/webhook-endpoints/${ep.id}/rotate-secret`, { method: "POST", key: org.key });
    expect(rotated.status).toBe(200);
    const secrets = [ep.secret, rotated.body.secret as string];
    expect(secrets[1]).toMatch(/^whsec_/);
    expect(secrets[1]).not.toBe(secrets[0]);
    await newTenant(org.id);
    await dispatchUntil(() => r.received.length >= 1);

    // the search finds what is there
    expect(await whereInDatabase(ep.id)).toEqual(expect.arrayContaining(["app.webhook_endpoints.id", "app.webhook_deliveries.endpoint_id"]));
    for (const secret of secrets) {
      expect(await whereInDatabase(secret), secret).toEqual([]);
      // nor the part an HMAC key is made of, should a secret ever be stored without its prefix
      expect(await whereInDatabase(secret.slice("whsec_".length))).toEqual([]);
    }
    const [row] = await sql`select secret_key_id, previous_secret_key_id, length(secret_sealed) as n from app.webhook_endpoints where id = ${ep.id}`;
    const current = parseSecretKeys(webhookSecretKeys)[0].id;
    expect(row).toEqual({ secret_key_id: current, previous_secret_key_id: current, n: 12 + secrets[1].length + 16 });

    const list = await call("/webhook-endpoints", { key: org.key });
    const read = await call(`/webhook-endpoints/${ep.id}`, { key: org.key });
    for (const res of [list, read]) {
      expect(res.status).toBe(200);
      for (const secret of secrets) expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    expect(read.body).not.toHaveProperty("secret");
    for (const secret of secrets) expect(log()).not.toContain(secret);
  });

  it("sign with the secret the API showed, both secrets during the overlap, only the new one once the overlap is cleared", async () => {
    const org = await newTenantOrg();
    const r = await receiver();
    const ep = await newWebhookEndpoint(org.key, r.url);
    await newTenant(org.id);
    await dispatchUntil(() => r.received.length >= 1);
    const first = r.received[0];
    expect(signatures(first.headers["x-pmai-signature"])).toBe(1);
    await expect(verifiedEvent(first, ep.secret)).resolves.toBeTruthy();

    const rotated = await call(`/webhook-endpoints/${ep.id}/rotate-secret`, { method: "POST", key: org.key });
    const newSecret = rotated.body.secret as string;
    await newTenant(org.id);
    await dispatchUntil(() => r.received.length >= 2);
    const during = r.received[1];
    expect(signatures(during.headers["x-pmai-signature"])).toBe(2);
    await expect(verifiedEvent(during, ep.secret)).resolves.toBeTruthy();
    await expect(verifiedEvent(during, newSecret)).resolves.toBeTruthy();

    // the overlap ends: the scheduled retention clears the previous secret (history: false
    // leaves the other files' old history to them)
    const [job] = await sql`select every_seconds from app.scheduled_jobs where function_name = 'webhook-retention'`;
    expect(job.every_seconds).toBe(600);
    expect((await retention({ history: false })).status).toBe(200);
    const [kept] = await sql`select previous_secret_sealed is not null as kept from app.webhook_endpoints where id = ${ep.id}`;
    expect(kept.kept).toBe(true);
    await sql`update app.webhook_endpoints set previous_secret_expires_at = now() - interval '1 second' where id = ${ep.id}`;
    const cleared = await retention({ history: false });
    expect(cleared.status).toBe(200);
    expect(cleared.body.previous_secrets_cleared).toBeGreaterThanOrEqual(1);
    expect(Object.keys(cleared.body)).toEqual(["previous_secrets_cleared"]);
    const [after] = await sql`select previous_secret_sealed, previous_secret_key_id, previous_secret_expires_at
      from app.webhook_endpoints where id = ${ep.id}`;
    expect(after).toEqual({ previous_secret_sealed: null, previous_secret_key_id: null, previous_secret_expires_at: null });
    expect((await call(`/webhook-endpoints/${ep.id}`, { key: org.key })).body.previous_secret_expires_at).toBeNull();

    await newTenant(org.id);
    await dispatchUntil(() => r.received.length >= 3);
    const later = r.received[2];
    expect(signatures(later.headers["x-pmai-signature"])).toBe(1);
    await expect(verifiedEvent(later, newSecret)).resolves.toBeTruthy();
    await expect(verifiedEvent(later, ep.secret)).rejects.toMatchObject({ reason: "signature_mismatch" });
  });

  it("a secret the dispatcher cannot open is logged and retried, never sent; re-encrypting under the current key delivers it", async () => {
    const org = await newTenantOrg();
    const current = parseSecretKeys(webhookSecretKeys)[0].id;
    const retired = newSecretKeyEntry("retired-1");
    // a row still under a key since dropped from the functions' WEBHOOK_SECRET_KEYS
    const r1 = await receiver();
    const underRetired = await newWebhookEndpoint(org.key, r1.url);
    const resealed = sealSecret(parseSecretKeys(retired), underRetired.secret, org.id);
    await sql`update app.webhook_endpoints set secret_sealed = ${resealed.sealed}, secret_key_id = ${resealed.keyId}
      where id = ${underRetired.id}`;
    // a row under the current key's id but sealed with another key (a wrong key configured, or an altered row)
    const r2 = await receiver();
    const wrong = await newWebhookEndpoint(org.key, r2.url);
    const [original] = await sql`select secret_sealed from app.webhook_endpoints where id = ${wrong.id}`;
    const impostor = sealSecret(parseSecretKeys(newSecretKeyEntry(current)), wrong.secret, org.id);
    await sql`update app.webhook_endpoints set secret_sealed = ${impostor.sealed} where id = ${wrong.id}`;
    const ids = [underRetired.id, wrong.id];

    await newTenant(org.id);
    const queued = () => sql<{ endpoint: string; read_ct: number }[]>`
      select message->>'endpoint_id' as endpoint, read_ct from pgmq.q_webhooks where message->>'endpoint_id' in ${sql(ids)}`;
    const logged = (id: string, what: string) => log().split("\n").some((l) => l.includes(id) && l.includes("not sent, retried") && l.includes(what));
    // claimed (read_ct up) and logged, but not sent, not recorded: still queued
    await dispatchUntil(async () =>
      (await queued()).every((m) => m.read_ct >= 1) && logged(underRetired.id, "key retired-1 is not in WEBHOOK_SECRET_KEYS") &&
      logged(wrong.id, `does not open with the configured key ${current}`), 20_000);
    await dispatchOnce();
    expect(r1.received.length + r2.received.length).toBe(0);
    expect((await queued()).map((m) => m.endpoint).sort()).toEqual([...ids].sort());
    const [state] = await sql`select (select count(*)::int from app.webhook_deliveries where endpoint_id in ${sql(ids)}) as deliveries,
      sum(consecutive_failures)::int as failures, bool_and(enabled) as enabled from app.webhook_endpoints where id in ${sql(ids)}`;
    expect(state).toEqual({ deliveries: 0, failures: 0, enabled: true });
    for (const secret of [underRetired.secret, wrong.secret]) expect(log()).not.toContain(secret);

    // the altered row put back; the retired key given to the re-encryption, the current one first
    await sql`update app.webhook_endpoints set secret_sealed = ${original.secret_sealed} where id = ${wrong.id}`;
    const out = await reencrypt(`${webhookSecretKeys},${retired}`);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^[1-9]\\d* secret\\(s\\) sealed again under key ${current}; \\d+ already were\\.`));
    const [moved] = await sql`select secret_key_id from app.webhook_endpoints where id = ${underRetired.id}`;
    expect(moved.secret_key_id).toBe(current);

    await dispatchUntil(() => r1.received.length >= 1 && r2.received.length >= 1, 20_000);
    for (const [r, secret] of [[r1, underRetired.secret], [r2, wrong.secret]] as const) {
      await expect(verifiedEvent(r.received[0], secret)).resolves.toBeTruthy();
    }
  });

  it("re-encryption refuses what it cannot open and says which endpoint, leaving the row as it was", async () => {
    const org = await newTenantOrg();
    const ep = await newWebhookEndpoint(org.key, "http://127.0.0.1:9/hook");
    const gone = sealSecret(parseSecretKeys(newSecretKeyEntry("gone-1")), ep.secret, org.id);
    await sql`update app.webhook_endpoints set secret_sealed = ${gone.sealed}, secret_key_id = 'gone-1' where id = ${ep.id}`;
    const out = await reencrypt(webhookSecretKeys);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`${ep.id}: key gone-1 is not in WEBHOOK_SECRET_KEYS`);
    expect(out.stderr + out.stdout).not.toContain(ep.secret);
    const [row] = await sql`select secret_key_id from app.webhook_endpoints where id = ${ep.id}`;
    expect(row.secret_key_id).toBe("gone-1");
    await sql`delete from app.webhook_endpoints where id = ${ep.id}`;
  });
});

/** npm run webhook-secrets:reencrypt against the test database. */
function reencrypt(keys: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "scripts/reencrypt-webhook-secrets.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, WEBHOOK_SECRET_KEYS: keys },
    }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe("the encryption keys (WEBHOOK_SECRET_KEYS)", () => {
  it("the first key seals, any opens; a wrong key, another organization or a missing key fails clearly", () => {
    const keys = parseSecretKeys(`${newSecretKeyEntry("new-2")}, ${newSecretKeyEntry("old-1")}`);
    expect(keys.map((k) => k.id)).toEqual(["new-2", "old-1"]);
    const sealed = sealSecret(keys, "whsec_abc", "org_a");
    expect(sealed.keyId).toBe("new-2");
    expect(openSecret(keys, "new-2", sealed.sealed, "org_a")).toBe("whsec_abc");
    const underOld = sealSecret(keys.slice(1), "whsec_old", "org_a");
    expect(openSecret(keys, "old-1", underOld.sealed, "org_a")).toBe("whsec_old");
    expect(() => openSecret(keys, "new-2", sealed.sealed, "org_b")).toThrow(SecretUnreadable);
    expect(() => openSecret(keys.slice(1), "new-2", sealed.sealed, "org_a")).toThrow(/key new-2 is not in WEBHOOK_SECRET_KEYS \(configured: old-1\)/);
    // the same plaintext seals differently each time (a fresh nonce)
    expect(Buffer.from(sealSecret(keys, "whsec_abc", "org_a").sealed).equals(Buffer.from(sealed.sealed))).toBe(false);
  });

  it("refuses a missing or malformed value, naming the problem and never the key", () => {
    const bad: [string | undefined, RegExp][] = [
      [undefined, /WEBHOOK_SECRET_KEYS is not set/],
      ["  ", /WEBHOOK_SECRET_KEYS is not set/],
      ["nocolon", /entry 1 is not <id>:<base64 key>/],
      ["a b:" + Buffer.alloc(32).toString("base64"), /entry 1 is not <id>:<base64 key>/],
      ["k1:c2hvcnQ=", /key k1 is not 32 bytes/],
      [`k1:${Buffer.alloc(32, 7).toString("base64")},k1:${Buffer.alloc(32, 8).toString("base64")}`, /key id k1 appears twice/],
    ];
    for (const [value, message] of bad) {
      let error: unknown;
      try {
        parseSecretKeys(value);
      } catch (e) {
        error = e;
      }
      expect(error, String(value)).toBeInstanceOf(SecretKeysUnavailable);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(Buffer.alloc(32, 7).toString("base64"));
    }
  });
});

describe("webhook endpoints without WEBHOOK_SECRET_KEYS", () => {
  let server: FunctionsServer;
  const logs: string[] = [];
  beforeAll(async () => {
    const port = await freePort();
    server = await startFunctions({
      port,
      env: {
        SUPABASE_URL: `http://127.0.0.1:${port}`, SUPABASE_DB_URL: databaseUrl, WEBHOOK_ALLOW_LOOPBACK: "true",
        WEBHOOK_SECRET_KEYS: "", FUNCTIONS_ONLY: "webhook-endpoints,health",
      },
      log: (l) => logs.push(l),
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("answer 503 with a clear error to create and rotate, store nothing, log why; lists and reads still work", async () => {
    const org = await newTenantOrg();
    const ep = await newWebhookEndpoint(org.key, "http://127.0.0.1:9/hook");
    const at = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api${path}`, { ...init, headers: { authorization: `Bearer ${org.key}`, "content-type": "application/json" } })
        .then(async (res) => ({ status: res.status, body: await res.json() }));
    const created = await at("/webhook-endpoints", { method: "POST", body: JSON.stringify({ url: "http://127.0.0.1:9/other" }) });
    expect(created).toEqual({ status: 503, body: { error: expect.stringMatching(/^Webhook signing secrets cannot be stored right now: the server's encryption key is not configured/) } });
    const rotated = await at(`/webhook-endpoints/${ep.id}/rotate-secret`, { method: "POST" });
    expect(rotated.status).toBe(503);
    expect(rotated.body.error).toMatch(/encryption key is not configured/);
    const [{ n }] = await sql`select count(*)::int as n from app.webhook_endpoints where organization_id = ${org.id}`;
    expect(n).toBe(1);
    const [row] = await sql`select previous_secret_sealed from app.webhook_endpoints where id = ${ep.id}`;
    expect(row.previous_secret_sealed).toBeNull();
    expect((await at("/webhook-endpoints")).status).toBe(200);
    expect((await at(`/webhook-endpoints/${ep.id}`)).status).toBe(200);
    expect(logs.some((l) => l.includes('"fn":"webhook-endpoints"') && l.includes("WEBHOOK_SECRET_KEYS is not set"))).toBe(true);
  });
});
