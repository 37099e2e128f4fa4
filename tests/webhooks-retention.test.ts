// Webhook retention (the webhook-retention function, app.webhook_prune): what is older than
// the retention goes, and nothing undelivered does. Old rows are written with ids of their
// age, as app.new_id would have given them then (ids are ULIDs and carry their creation time).
import { describe, expect, it } from "vitest";
import { rolledBack, runScheduled, sql } from "./helpers.ts";
import {
  idOfAge, newQueuedWebhookMessage, newTenantOrg, newWebhookDelivery, newWebhookEndpoint, newWebhookEvent,
} from "./fixtures/index.ts";

const prune = (body: Record<string, unknown> = {}) => runScheduled("webhook-retention", body);

const exists = async (table: "webhook_events" | "webhook_deliveries", id: string) =>
  (await sql`select 1 from ${sql("app." + table)} where id = ${id}`).length === 1;

describe("webhook retention", () => {
  it("deletes finished deliveries, their attempts, their events and archived messages older than the retention, and keeps everything undelivered", async () => {
    const org = await newTenantOrg();
    const { id: endpointId } = await newWebhookEndpoint(org.key, "http://127.0.0.1:9/hook");

    const succeeded = await newWebhookDelivery(org.id, endpointId, { daysAgo: 40, status: "succeeded" });
    const failed = await newWebhookDelivery(org.id, endpointId, { daysAgo: 40, status: "failed" });
    const held = await newWebhookDelivery(org.id, endpointId, { daysAgo: 40, status: "held" });
    const pending = await newWebhookDelivery(org.id, endpointId, { daysAgo: 40, status: "pending" });
    const replayed = await newWebhookDelivery(org.id, endpointId, { daysAgo: 40, status: "succeeded", lastAttemptDaysAgo: 1 });
    const recent = await newWebhookDelivery(org.id, endpointId, { daysAgo: 10, status: "succeeded" });
    // an event whose message no dispatcher has claimed yet has no delivery row
    const unclaimed = await newWebhookEvent(org.id, { daysAgo: 40 });
    await newQueuedWebhookMessage({ delivery_id: await idOfAge("dlv", 40), event_id: unclaimed, endpoint_id: endpointId });
    const orphan = await newWebhookEvent(org.id, { daysAgo: 40 });
    const [{ old_archived, new_archived }] = await sql<{ old_archived: string; new_archived: string }[]>`
      with sent as (select pgmq.send('webhooks', '{}', 3600) as id union all select pgmq.send('webhooks', '{}', 3600))
      select min(id) as old_archived, max(id) as new_archived from sent`;
    await sql`select pgmq.archive('webhooks', ${[old_archived, new_archived]}::bigint[])`;
    await sql`update pgmq.a_webhooks set archived_at = now() - interval '40 days' where msg_id = ${old_archived}::bigint`;
    await sql`update pgmq.a_webhooks set archived_at = now() - interval '10 days' where msg_id = ${new_archived}::bigint`;

    // a longer retention keeps all of it (tried in a transaction that is rolled back)
    await rolledBack(async (tx) => {
      await tx`update app.webhook_settings set retention_days = 60`;
      const [{ pruned }] = await tx`select app.webhook_prune() as pruned`;
      expect(pruned).toEqual({ deliveries: 0, events: 0, archived_messages: 0, more: false });
    });
    expect((await sql`select retention_days from app.webhook_settings`)[0].retention_days).toBe(30);

    // one row per batch: the function goes on until nothing is left
    const res = await prune({ batch_size: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.deliveries).toBeGreaterThanOrEqual(2);
    expect(res.body.events).toBeGreaterThanOrEqual(3);
    expect(res.body.archived_messages).toBeGreaterThanOrEqual(1);
    expect(res.body.more).toBe(false);

    for (const d of [succeeded, failed]) {
      expect(await exists("webhook_deliveries", d.id)).toBe(false);
      expect(await exists("webhook_events", d.eventId)).toBe(false);
      expect(await sql`select 1 from app.webhook_attempts where delivery_id = ${d.id}`).toHaveLength(0);
    }
    expect(await exists("webhook_events", orphan)).toBe(false);
    for (const d of [held, pending, replayed, recent]) {
      expect(await exists("webhook_deliveries", d.id)).toBe(true);
      expect(await exists("webhook_events", d.eventId)).toBe(true);
    }
    expect(await exists("webhook_events", unclaimed)).toBe(true);
    const archived = await sql`select msg_id::text from pgmq.a_webhooks where msg_id in (${old_archived}::bigint, ${new_archived}::bigint)`;
    expect(archived.map((r) => r.msg_id)).toEqual([String(new_archived)]);

    // what is kept stays where the views can see it
    const [backlog] = await sql`select pending::int, held::int from app.webhook_backlog where endpoint_id = ${endpointId}`;
    expect(backlog).toEqual({ pending: 2, held: 1 });
    await sql`delete from pgmq.q_webhooks where message->>'endpoint_id' = ${endpointId} or message->>'delivery_id' = ${pending.id}`;
  });

  it("bounds the ids app.new_id gives by creation time, which the retention's key ranges rely on", async () => {
    const [row] = await sql<{ before: string; id: string; after: string }[]>`
      select app.id_floor('dlv', now() - interval '1 second') as before, app.new_id('dlv') as id,
             app.id_floor('dlv', clock_timestamp() + interval '1 second') as after`;
    expect(row.before < row.id && row.id < row.after, JSON.stringify(row)).toBe(true);
    const [old] = await sql<{ floor: string; newer: string }[]>`
      select app.id_floor('dlv', now() - interval '40 days') as floor, app.id_floor('dlv', now() - interval '39 days') as newer`;
    expect(old.floor < old.newer).toBe(true);
  });

  it("answers a JSON error for a bad option", async () => {
    const res = await prune({ batch_size: 0 });
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe("string");
    const unknown = await prune({ keep_days: 1 });
    expect(unknown.status).toBe(400);
  });
});
