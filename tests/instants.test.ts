// Every instant the API answers has one form, ISO 8601 UTC with milliseconds
// ("2026-12-07T16:31:54.454Z", app.iso_instant), whichever resource it comes from.
import { afterAll, describe, expect, it, vi } from "vitest";
import { call, dispatchUntil, type Receiver, sql, startReceiver } from "./helpers.ts";
import { newSmallPortfolio, newTenantOrg, newWebhookEndpoint, newWorkOrder } from "./fixtures/index.ts";

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Every string in `value` that reads as an instant (a date followed by a time), with its JSON path. */
function instantsIn(value: unknown, path = "$"): { path: string; text: string }[] {
  if (typeof value === "string") return /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => instantsIn(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => instantsIn(v, `${path}.${k}`));
  return [];
}

let receiver: Receiver;
afterAll(async () => {
  await receiver?.close();
});

describe("instants", () => {
  it("have one form in every resource's list and read", async () => {
    const org = await newTenantOrg();
    const { propertyId, unitId, tenantId, leaseId } = await newSmallPortfolio(org.id);
    const workOrderId = await newWorkOrder(org.id, unitId);

    // a key with an expiry, used once; another revoked
    const created = await call("/api-keys", {
      method: "POST", key: org.key, json: { name: "Instants", scopes: ["read:properties"], expires_at: "2099-01-01T00:00:00Z" },
    });
    expect(created.status).toBe(201);
    expect((await call("/properties", { key: created.body.key })).status).toBe(200);
    await vi.waitFor(async () => {
      expect((await call(`/api-keys/${created.body.id}`, { key: org.key })).body.last_used_at).not.toBeNull();
    }, { timeout: 10_000, interval: 100 });
    const revoked = await call("/api-keys", { method: "POST", key: org.key, json: { name: "Revoked", scopes: ["read:properties"] } });
    expect((await call(`/api-keys/${revoked.body.id}/revoke`, { method: "POST", key: org.key })).status).toBe(200);

    // an endpoint with a rotated secret, and a delivery whose first attempt failed (pending, with a next attempt)
    receiver = await startReceiver();
    receiver.respond = () => ({ status: 500, body: "down" });
    const endpoint = await newWebhookEndpoint(org.key, receiver.url);
    expect((await call(`/webhook-endpoints/${endpoint.id}/rotate-secret`, { method: "POST", key: org.key })).status).toBe(200);
    await call(`/webhook-endpoints/${endpoint.id}/test`, { method: "POST", key: org.key });
    await dispatchUntil(async () => (await sql`select 1 from app.webhook_attempts where endpoint_id = ${endpoint.id}`).length >= 1);
    const [{ id: deliveryId }] = await sql<{ id: string }[]>`select id from app.webhook_deliveries where endpoint_id = ${endpoint.id} limit 1`;
    const replay = await call(`/webhook-endpoints/${endpoint.id}/replay`, { method: "POST", key: org.key, json: { since: "2026-01-01T00:00:00+02:00" } });
    expect(replay.status).toBe(202);

    const answers: Record<string, unknown> = { replay: replay.body, created: created.body };
    for (const path of [
      "/api-keys", `/api-keys/${created.body.id}`, `/api-keys/${revoked.body.id}`, `/api-keys/${created.body.id}/usage`, "/me",
      "/webhook-endpoints", `/webhook-endpoints/${endpoint.id}`,
      `/webhook-endpoints/${endpoint.id}/deliveries`, `/webhook-endpoints/${endpoint.id}/deliveries/${deliveryId}`,
      "/properties", `/properties/${propertyId}`, "/tenants", `/tenants/${tenantId}`, "/leases", `/leases/${leaseId}`,
      "/work-orders", `/work-orders/${workOrderId}`, "/request-logs",
    ]) {
      const res = await call(path, { key: org.key });
      expect(res.status, path).toBe(200);
      answers[path] = res.body;
    }

    const found = instantsIn(answers);
    const wrong = found.filter((i) => !INSTANT.test(i.text));
    expect(wrong).toEqual([]);
    // the walk saw the instants this test set out to check
    const paths = found.map((i) => i.path).join("\n");
    for (const field of ["expires_at", "revoked_at", "last_used_at", "resets_at", "previous_secret_expires_at",
      "attempted_at", "last_attempt_at", "next_attempt_at", "since", "updated_at"]) {
      expect(paths, field).toContain(`.${field}`);
    }
  });
});
