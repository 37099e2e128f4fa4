// The dispatcher's run: claim due messages, deliver them through a bounded pool, record the
// outcomes, and keep going while work is due and time remains. Two SQL calls per batch: one
// claim (which also renews the lease) and one record. Claiming, delivering and recording
// overlap, so the pool stays full while a batch is being recorded.
import type { Sql } from "../db.ts";
import { type Claimed, deliver, type Outcome } from "./deliver.ts";

export interface RunOptions {
  /** Stop claiming after this many seconds (in-flight attempts still finish and are recorded). */
  maxSeconds: number;
  /** Return as soon as nothing is due, instead of waiting for new work until maxSeconds. */
  untilIdle: boolean;
  /** How long a claimed message stays invisible; it reappears after this if the run dies. */
  visibilityTimeoutSeconds: number;
  attemptTimeoutMs: number;
  concurrency: number;
  batchSize: number;
}

export interface RunSummary {
  skipped: boolean;
  delivered: number;
  failed: number;
  batches: number;
  records: number;
  disabled: string[];
  seconds: number;
}

// Idle, a run claims (renewing its lease) at most every IDLE_MAX_MS, and in between Postgres
// waits for a message to come due (app.queue_wait), so a burst is claimed within milliseconds.
const IDLE_MIN_MS = 5;
const IDLE_MAX_MS = 1000;
const RECORD_MAX = 500;
// a run whose lease holder stops within this long waits and takes over
const HANDOVER_MS = 3000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDispatcher(sql: Sql, o: RunOptions): Promise<RunSummary> {
  const began = Date.now();
  const deadline = began + o.maxSeconds * 1000;
  const holder = crypto.randomUUID();
  const summary: RunSummary = { skipped: false, delivered: 0, failed: 0, batches: 0, records: 0, disabled: [], seconds: 0 };
  const outcomes: Outcome[] = [];
  let inflight = 0;
  let recording: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const waitForChange = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  /** Attempts in flight, or outcomes not yet recorded. */
  const busy = () => inflight > 0 || outcomes.length > 0 || recording !== null;
  /** Waits `ms` at most: until an attempt finishes or a record ends, or, when none is under way, a message is due. */
  const waitForWork = async (ms: number) => {
    if (busy()) {
      await waitForChange(ms);
      return;
    }
    // a wait that fails is a pause: the claim that follows reports what is wrong
    await sql`call app.queue_wait('webhooks', ${Math.max(0, Math.ceil(ms))}::int, null)`.catch(() => sleep(ms));
  };

  const record = () => {
    if (recording || outcomes.length === 0) return;
    const batch = outcomes.splice(0, RECORD_MAX);
    recording = (async () => {
      for (let tries = 0;; tries++) {
        try {
          const [row] = await sql<{ result: { disabled: string[] } }[]>`select app.webhook_record(${JSON.stringify(batch)}::text::json) as result`;
          summary.records++;
          summary.disabled.push(...row.result.disabled);
          return;
        } catch (e) {
          // Unrecorded outcomes are not lost: their messages reappear after the visibility
          // timeout and are delivered again. Still, try a few times before giving up.
          if (tries >= 3) {
            console.error(JSON.stringify({ fn: "webhook-dispatcher", error: `record failed: ${(e as Error).message}` }));
            return;
          }
          await sleep(200 * (tries + 1));
        }
      }
    })().finally(() => {
      recording = null;
      notify();
    });
  };

  let idleMs = IDLE_MIN_MS;
  let leased = false;
  const release = async () => {
    if (!leased) return;
    leased = false;
    await sql`select app.webhook_release(${holder})`.catch(() => {});
  };
  for (;;) {
    record();
    const timeLeft = Date.now() < deadline;
    const room = o.concurrency - inflight;
    // claim when at least half a batch fits (or the pool is empty), so claims stay large
    if (timeLeft && (room >= Math.min(o.batchSize, Math.ceil(o.concurrency / 2)) || (inflight === 0 && room > 0))) {
      const [row] = await sql<{ result: { leased: boolean; ends_in_ms?: number; messages?: Claimed[] } }[]>`
        select app.webhook_claim(${holder}, ${Math.min(room, o.batchSize)}, ${o.visibilityTimeoutSeconds},
          ${new Date(deadline)}::timestamptz) as result`;
      if (!row.result.leased) {
        // Another run is draining. If it is about to end, take over from it so there is no gap
        // until the next tick; otherwise leave it the work.
        const endsIn = row.result.ends_in_ms ?? Infinity;
        if (!leased && endsIn <= HANDOVER_MS && Date.now() + endsIn < deadline) {
          await sleep(Math.max(endsIn, IDLE_MIN_MS));
          continue;
        }
        if (!leased) summary.skipped = true;
        break;
      }
      leased = true;
      const messages = row.result.messages ?? [];
      if (messages.length > 0) {
        summary.batches++;
        idleMs = IDLE_MIN_MS;
        for (const m of messages) {
          inflight++;
          deliver(m, o.attemptTimeoutMs).then((outcome) => {
            inflight--;
            if (outcome.ok) summary.delivered++;
            else summary.failed++;
            outcomes.push(outcome);
            notify();
          });
        }
        continue;
      }
      if (!busy() && o.untilIdle) break;
      // nothing due: claim again soon, backing off while it stays quiet (Postgres watching the queue meanwhile)
      await waitForWork(Math.min(idleMs, deadline - Date.now()));
      if (inflight === 0) idleMs = Math.min(idleMs * 2, IDLE_MAX_MS);
      continue;
    }
    if (!timeLeft) break;
    await waitForChange(50);
  }
  // The claimed messages stay invisible, so the next run may start now while these finish.
  await release();
  while (busy()) {
    record();
    await waitForChange(20);
  }
  summary.seconds = (Date.now() - began) / 1000;
  return summary;
}
