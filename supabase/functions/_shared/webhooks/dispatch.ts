// The dispatcher's run: claim due messages, deliver them through a bounded pool, record the
// outcomes, and keep going while work is due, CPU and time remain. Two SQL calls per batch: one
// claim (which also renews the lease) and one record. Claiming, delivering and recording
// overlap, so the pool stays full while a batch is being recorded.
//
// Lanes: the claim gives a slow endpoint (an attempt in flight older than SLOW_MS) no more than
// its lane's room (app.webhook_settings endpoint_concurrency, less what this run has in flight to
// it) and parks its excess messages (each of its attempts that finishes releases one); a prompt
// endpoint gets its share of the run's pool (a lane at least), so a burst to a few endpoints keeps
// the pool full. The run tells the claim what it has in flight per endpoint and which are slow. A
// run claims whenever it has room; after a claim that left messages due (lanes full) or a small
// one, the next waits for half of what is in flight to finish, or SHORT_WAIT_MS, so claims do not
// follow every attempt that finishes. When nothing else is due, the run's next claim first waits
// in Postgres for the next message (app.webhook_wait_claim: app.queue_wait, looking every
// millisecond while messages keep coming, then the claim in the same call), whatever it has in
// flight: the wait is most of a steady event's latency (docs/decisions/0018). Outcomes are
// recorded as they finish, in batches (RECORD_DELAY_MS).
//
// Near its CPU budget a run asks for its successor and keeps claiming until the successor's
// first claim takes the lease over (app.webhook_hand_over), so a steady stream sees no gap.
//
// A run ends when nothing has been due for idleSeconds (at once with untilIdle), when its CPU
// budget is near (what it has in flight must fit in what is left), at maxSeconds, or when it
// loses the lease. Whatever ends it, in `finally` it lets what is in flight finish (for
// STOP_GRACE_MS; then it releases the lease first, so a slow receiver's attempts do not hold up
// the next run), records it and releases the lease; app.webhook_release asks for the next run when
// messages are still due.
import type { Sql } from "../db.ts";
import { cpuMeter, type CpuCharges } from "./cpu.ts";
import { type Claimed, deliver, type Outcome } from "./deliver.ts";
import { openClaimed, type SealedClaimed } from "./secrets.ts";

export interface RunOptions {
  /** Stop claiming after this many seconds (in-flight attempts still finish and are recorded). */
  maxSeconds: number;
  /** Stop claiming once nothing has been due for this long. */
  idleSeconds: number;
  /** Return as soon as nothing is due (idleSeconds 0). */
  untilIdle: boolean;
  /** Stop claiming when the CPU spent, plus what the attempts in flight will cost, nears this. */
  cpuBudgetMs: number;
  /** How a runtime without a CPU clock charges itself (cpu.ts). */
  cpuCharges: CpuCharges;
  /** How long a claimed message stays invisible; it reappears after this if the run dies. */
  visibilityTimeoutSeconds: number;
  attemptTimeoutMs: number;
  concurrency: number;
  batchSize: number;
}

export type StopReason = "idle" | "budget" | "deadline" | "lease_lost" | "skipped" | "error";

export interface RunSummary {
  skipped: boolean;
  delivered: number;
  failed: number;
  batches: number;
  claims: number;
  records: number;
  disabled: string[];
  seconds: number;
  stopped: StopReason;
  /** Attempts in flight when the run stopped claiming (finished and recorded before it answered). */
  in_flight_at_stop: number;
  /** Whether the run, ending with messages still due, asked for the next one. */
  handed_over: boolean;
  cpu_ms: number;
  cpu_source: "process" | "estimate";
  cpu_estimate_ms: number;
  cpu_budget_ms: number;
  error?: string;
}

// Idle, a run claims (renewing its lease) at most every IDLE_MAX_MS, each claim first waiting in
// Postgres for a message to come due (app.webhook_wait_claim), so a burst is claimed within
// milliseconds.
const IDLE_MIN_MS = 50;
const IDLE_MAX_MS = 1000;
const RECORD_MAX = 500;
// outcomes are recorded RECORD_DELAY_MS after the first of them finished, or at once when
// RECORD_SOON are waiting (a burst)
const RECORD_DELAY_MS = 25;
const RECORD_SOON = 50;
// A live run renews its lease at least every RENEW_MS; the lease lasts LEASE_SECONDS. A lease
// with less than HANDOVER_MS left has not been renewed for a while: its holder is ending or
// dead, and a run that finds it waits that long, once, then takes over. A lease renewed
// recently is a live run's: the newcomer returns at once (skipped), no polling.
const RENEW_MS = 1000;
const LEASE_SECONDS = 5;
const HANDOVER_MS = 3500;
// CPU kept aside for recording and releasing after the last claim, and for a garbage collection
// the process clock counts meanwhile (or 12% of the budget: at 5%, one 300 ms run in a suite's
// few dozen went 40 ms over; at 10%, with the hand-over's claims, one went 0.4 ms over)
const RESERVE_MS = 25;
const RESERVE_SHARE = 0.12;
// attempts finished before a run prices attempts by what it has seen, and claims past a batch
const WARM_UP = 50;
// an endpoint with an attempt in flight at least this old is slow: its lane binds (and its excess
// messages are parked); a prompt one may use its share of the pool. Short, so that a receiver
// turning slow has few attempts in flight (its rate times this) before its lane binds.
const SLOW_MS = 200;
// after a claim that left messages due (lanes full), the longest wait before the next
const SHORT_WAIT_MS = 20;
// How often Postgres looks at the queue while the run waits for a message: every LOOK_HOT_MS
// while messages came within HOT_MS (a steady stream: the look is most of an event's wait),
// every LOOK_MS after (docs/decisions/0018-dispatcher-watches-the-queue.md has the costs)
const LOOK_HOT_MS = 1;
const LOOK_MS = 10;
const HOT_MS = 1000;
// CPU left when a run asks for its successor: enough to keep claiming until the successor's
// first claim (tens of milliseconds) and for what is in flight then
const HAND_OVER_CPU_MS = 100;
// while it hands over, the longest a run's claim waits for a message (the successor's first
// claim, taking the lease over, is seen within that)
const HAND_OVER_POLL_MS = 5;
// at its end, how long a run waits for its attempts before it hands over the lease
const STOP_GRACE_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDispatcher(sql: Sql, o: RunOptions): Promise<RunSummary> {
  const began = Date.now();
  const deadline = began + o.maxSeconds * 1000;
  const idleLimitMs = o.untilIdle ? 0 : o.idleSeconds * 1000;
  const holder = crypto.randomUUID();
  const cpu = cpuMeter(o.cpuCharges);
  const summary: RunSummary = {
    skipped: false, delivered: 0, failed: 0, batches: 0, claims: 0, records: 0, disabled: [], seconds: 0,
    stopped: "idle", in_flight_at_stop: 0, handed_over: false,
    cpu_ms: 0, cpu_source: cpu.source, cpu_estimate_ms: 0, cpu_budget_ms: o.cpuBudgetMs,
  };
  const outcomes: Outcome[] = [];
  let inflight = 0;
  let sent = 0;
  let finished = 0;
  /** Per endpoint, when each of its attempts in flight started, oldest first. */
  const lanes = new Map<string, number[]>();
  /** After a short claim: claim again once `finished` reaches this, or at `until`. */
  let gate: { finished: number; until: number } | null = null;
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
  const reserveMs = Math.max(RESERVE_MS, o.cpuBudgetMs * RESERVE_SHARE);
  /**
   * How many more messages the CPU left can take: those in flight and the new ones must fit in
   * the budget. An attempt is priced at the dearer of the charge and what this run has spent per
   * attempt finished (everything it spent, over those finished: an overestimate while many are
   * in flight).
   */
  const affordable = () => {
    const used = cpu.usedMs();
    const finished = sent - inflight;
    const seen = finished >= WARM_UP ? (used - (cpu.source === "estimate" ? o.cpuCharges.perRunMs : 0)) / finished : 0;
    const perAttempt = Math.max(o.cpuCharges.perAttemptUs / 1000, seen);
    return Math.floor((o.cpuBudgetMs - reserveMs - used) / perAttempt) - inflight;
  };

  let recordTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Records the outcomes that have finished, one call at a time: at once when RECORD_SOON of them
   * are waiting or `now`, else RECORD_DELAY_MS after the first of them, so a steady stream
   * is recorded in batches, not a call per attempt.
   */
  const record = (now = false) => {
    if (recording || outcomes.length === 0) return;
    if (!now && outcomes.length < RECORD_SOON) {
      recordTimer ??= setTimeout(() => {
        recordTimer = null;
        record(true);
      }, RECORD_DELAY_MS);
      return;
    }
    if (recordTimer) clearTimeout(recordTimer);
    recordTimer = null;
    const batch = outcomes.splice(0, RECORD_MAX);
    recording = (async () => {
      for (let tries = 0;; tries++) {
        try {
          cpu.call();
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
      // what finished meanwhile is recorded next, without waiting for the loop
      record();
      notify();
    });
  };

  type ClaimResult = { leased: boolean; ends_in_ms?: number; messages?: SealedClaimed[]; more?: boolean };
  /**
   * Claims up to `qty` messages. With `waitMs`, Postgres first waits that long at most for a
   * message to come due (app.webhook_wait_claim), looking at the queue every LOOK_HOT_MS while
   * messages have come recently, every LOOK_MS once it has been quiet for HOT_MS; attempts
   * finishing meanwhile are recorded as they finish. The lanes it is told are those at the call,
   * so the wait ends before a prompt lane would turn slow.
   */
  const claim = async (qty: number, waitMs = 0): Promise<ClaimResult> => {
    summary.claims++;
    cpu.call();
    const busyLanes: Record<string, number> = {};
    const park: string[] = [];
    const now = Date.now();
    let promptFor = Infinity;
    for (const [endpoint, starts] of lanes) {
      busyLanes[endpoint] = starts.length;
      if (now - starts[0] >= SLOW_MS) park.push(endpoint);
      else promptFor = Math.min(promptFor, SLOW_MS - (now - starts[0]));
    }
    // app.webhook_claim's arguments, which app.webhook_wait_claim passes on
    const claimArgs = sql`${holder}, ${qty}, ${o.visibilityTimeoutSeconds}, ${new Date(handingOverAt ?? deadline)}::timestamptz,
      ${LEASE_SECONDS}, ${JSON.stringify(busyLanes)}::text::json, ${park}::text[]`;
    if (waitMs > 0) {
      const ms = Math.max(1, Math.ceil(Math.min(waitMs, promptFor)));
      const look = Date.now() - lastDueAt < HOT_MS ? LOOK_HOT_MS : LOOK_MS;
      const waited = await sql<{ result: ClaimResult }[]>`call app.webhook_wait_claim(${ms}::int, ${look}::int, ${claimArgs})`
        // a wait that fails is a pause: the plain claim that follows reports what is wrong
        .catch(() => sleep(ms).then(() => null));
      if (waited) return waited[0].result;
      cpu.call();
    }
    const [row] = await sql<{ result: ClaimResult }[]>`select app.webhook_claim(${claimArgs}) as result`;
    return row.result;
  };
  const start = (m: Claimed) => {
    const startedAt = Date.now();
    const starts = lanes.get(m.endpoint_id) ?? [];
    starts.push(startedAt);
    lanes.set(m.endpoint_id, starts);
    return () => {
      starts.splice(starts.indexOf(startedAt), 1);
      if (starts.length === 0 && lanes.get(m.endpoint_id) === starts) lanes.delete(m.endpoint_id);
    };
  };

  let idleMs = IDLE_MIN_MS;
  let leased = false;
  let waitedForHolder = false;
  let lastClaimAt = 0;
  let lastWorkAt = Date.now();
  // a run is started because messages came (a wake-up, a hand-over): it starts looking often
  let lastDueAt = began;
  /** When this run asked for its successor (near its budget). */
  let handingOverAt: number | null = null;
  let handOverAsked = false;
  /** How long the next claim first waits for a message to come due (nothing else was due). */
  let waitFirstMs = 0;
  try {
    for (;;) {
      record();
      if (Date.now() >= deadline) {
        summary.stopped = "deadline";
        break;
      }
      // near the budget, the successor is asked for now, while this run keeps claiming: it takes
      // the lease over (this run then stops) without the gap of a release and a fresh request
      if (handingOverAt === null && leased && cpu.usedMs() >= o.cpuBudgetMs - reserveMs - HAND_OVER_CPU_MS) {
        handingOverAt = Date.now();
        cpu.call();
        const [row] = await sql<{ asked: boolean }[]>`select app.webhook_hand_over(${holder}) as asked`.catch(() => [{ asked: false }]);
        handOverAsked = row.asked;
      }
      const canAfford = affordable();
      // near the budget: what is in flight fits in what is left, a worthwhile batch no longer does
      if (canAfford < Math.max(1, Math.min(o.batchSize, o.concurrency) / 4)) {
        summary.stopped = "budget";
        break;
      }
      // until WARM_UP attempts have finished, no more than a batch in flight: a cold isolate's
      // first attempts cost several times its later ones
      const warm = sent - inflight >= WARM_UP;
      const room = Math.min(o.concurrency - inflight, canAfford, warm ? Infinity : o.batchSize - inflight);
      // claim whenever there is room: the gate below keeps small claims from following every
      // attempt that finishes (a pool held by slow attempts must not stop the others' claims)
      const wanted = room > 0;
      // a full pool still renews the lease, or another run would take over
      const renew = !wanted && leased && Date.now() - lastClaimAt >= RENEW_MS;
      if (!wanted && !renew) {
        await waitForChange(Math.min(50, RENEW_MS));
        continue;
      }
      if (wanted && !renew && gate && finished < gate.finished && Date.now() < gate.until) {
        await waitForChange(gate.until - Date.now());
        continue;
      }
      gate = null;
      const asked = wanted ? Math.min(room, o.batchSize) : 0;
      const result = await claim(asked, asked > 0 ? waitFirstMs : 0);
      waitFirstMs = 0;
      lastClaimAt = Date.now();
      if (!result.leased) {
        if (leased && handingOverAt !== null) {
          // the successor has taken over
          summary.stopped = "budget";
          summary.handed_over = true;
          leased = false;
          cpu.detach();
          break;
        }
        if (leased) {
          // silent too long (a stalled machine): another run has taken over
          cpu.detach();
          summary.stopped = "lease_lost";
          break;
        }
        // The holder is ending, or dead: wait for its lease to end, once, and take over.
        const endsIn = result.ends_in_ms ?? Infinity;
        if (!waitedForHolder && endsIn <= HANDOVER_MS && Date.now() + endsIn < deadline) {
          waitedForHolder = true;
          await sleep(endsIn + 10);
          continue;
        }
        summary.skipped = true;
        summary.stopped = "skipped";
        break;
      }
      leased = true;
      // the batch's secrets opened once each; a message whose secret cannot be is left for later
      const messages = openClaimed(result.messages ?? []);
      if (messages.length > 0) {
        summary.batches++;
        idleMs = IDLE_MIN_MS;
        lastWorkAt = lastDueAt = Date.now();
        for (const m of messages) {
          inflight++;
          sent++;
          cpu.attempt();
          const done = start(m);
          deliver(m, o.attemptTimeoutMs).then((outcome) => {
            inflight--;
            finished++;
            done();
            if (outcome.ok) summary.delivered++;
            else summary.failed++;
            outcomes.push(outcome);
            record();
            notify();
          });
        }
        // a full claim of a worthwhile size: more may be due at once
        if (messages.length >= asked && asked >= Math.min(o.batchSize, Math.ceil(o.concurrency / 2))) continue;
      }
      if (!wanted) continue;
      if (inflight > 0 && result.more !== false) {
        lastWorkAt = Date.now();
        // messages left due (lanes full) or little room: wait for some of what is in flight, not every attempt
        gate = { finished: finished + Math.max(1, Math.ceil(inflight / 2)), until: Date.now() + SHORT_WAIT_MS };
        continue;
      }
      if (busy()) lastWorkAt = Date.now();
      else if (Date.now() - lastWorkAt >= idleLimitMs) {
        summary.stopped = "idle";
        break;
      }
      // handing over: each claim waits in Postgres for a few milliseconds at most (a message
      // coming due meanwhile is claimed at once), so the successor (in this isolate, sharing its
      // connections) takes the lease over at its first claim and this run sees it within that
      if (handingOverAt !== null) {
        waitFirstMs = HAND_OVER_POLL_MS;
        continue;
      }
      // nothing else due: an attempt finishing frees no work, a message coming due does; claim
      // again when one is, backing off while it stays quiet (Postgres watching the queue meanwhile)
      waitFirstMs = Math.min(idleMs, deadline - Date.now(), RENEW_MS);
      idleMs = Math.min(idleMs * 2, IDLE_MAX_MS);
    }
  } catch (e) {
    summary.stopped = "error";
    summary.error = (e as Error).message;
  } finally {
    summary.in_flight_at_stop = inflight;
    // What is in flight finishes and is recorded before the lease goes (a successor that took it
    // over overlaps this run by this tail only: two runs at once in one isolate share its CPU
    // limit; cpu.detach() keeps the process clock from charging the successor's CPU to this run).
    // Attempts still waiting on a slow receiver after STOP_GRACE_MS cost no CPU while they wait:
    // the lease goes first, so the next run delivers to everyone else meanwhile.
    const graceEnds = Date.now() + STOP_GRACE_MS;
    while (busy() && Date.now() < graceEnds) {
      record(true);
      await waitForChange(20);
    }
    if (leased) {
      cpu.call();
      const [row] = await sql<{ handed_over: boolean }[]>`select app.webhook_release(${holder}) as handed_over`
        .catch(() => [{ handed_over: false }]);
      summary.handed_over = row.handed_over || handOverAsked;
      cpu.detach();
    }
    while (busy()) {
      record(true);
      await waitForChange(20);
    }
  }
  summary.seconds = (Date.now() - began) / 1000;
  summary.cpu_ms = Math.round(cpu.usedMs() * 10) / 10;
  summary.cpu_estimate_ms = Math.round(cpu.estimateMs() * 10) / 10;
  return summary;
}
