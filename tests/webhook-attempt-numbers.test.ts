// A delivery's attempts are numbered 1, 2, 3 ... for its whole life: a redeliver or a replay
// continues the count (X-PMAI-Attempt and the API's attempts list), it never restarts at 1.
import { afterAll, describe, expect, it } from "vitest";
import { call, dispatchUntil, type Receiver, sql, startReceiver } from "./helpers.ts";
import { newTenant, newTenantOrg, newWebhookEndpoint } from "./fixtures/index.ts";

let receiver: Receiver;
afterAll(async () => {
  await receiver?.close();
});

describe("attempt numbers", () => {
  it("keep increasing across a redeliver and a replay", async () => {
    const org = await newTenantOrg();
    receiver = await startReceiver();
    const ep = await newWebhookEndpoint(org.key, receiver.url);
    receiver.respond = () => ({ status: 500, body: "down" });
    await newTenant(org.id, { name: "Numbered" });
    await dispatchUntil(() => receiver.received.length >= 1);
    const [{ id }] = await sql<{ id: string }[]>`select id from app.webhook_deliveries where endpoint_id = ${ep.id}`;

    const redeliver = await call(`/webhook-endpoints/${ep.id}/deliveries/${id}/redeliver`, { method: "POST", key: org.key });
    expect(redeliver.status).toBe(202);
    await dispatchUntil(async () => receiver.received.length >= 2 &&
      (await sql`select 1 from app.webhook_attempts where delivery_id = ${id}`).length >= 2);

    receiver.respond = () => ({ status: 204 });
    const since = new Date(Date.now() - 3600_000).toISOString();
    const replay = await call(`/webhook-endpoints/${ep.id}/replay`, { method: "POST", key: org.key, json: { since } });
    expect(replay.body).toMatchObject({ replayed: 1 });
    await dispatchUntil(async () => receiver.received.length >= 3 &&
      (await sql`select 1 from app.webhook_deliveries where id = ${id} and status = 'succeeded'`).length === 1);

    expect(receiver.received.map((r) => r.headers["x-pmai-attempt"])).toEqual(["1", "2", "3"]);
    const delivery = await call(`/webhook-endpoints/${ep.id}/deliveries/${id}`, { key: org.key });
    expect(delivery.body).toMatchObject({ status: "succeeded", attempt_count: 3 });
    expect(delivery.body.attempts.map((a: { attempt: number; status_code: number }) => [a.attempt, a.status_code]))
      .toEqual([[3, 204], [2, 500], [1, 500]]);
  });
});
