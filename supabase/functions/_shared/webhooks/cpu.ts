// The CPU a dispatcher run has spent, measured while it runs, so it can stop claiming before
// the Edge Function's CPU limit (about 2 s per request on hosted Supabase, soft then hard) and
// hand over to the next run instead of being killed with attempts sent but not recorded.
//
// Deno reports the process's CPU time (node:process cpuUsage, from getrusage). Supabase's
// edge-runtime does not: its cpuUsage() returns zeros, and it exposes no
// per-isolate CPU clock to the function. There the run charges itself a fixed cost per attempt
// and per SQL call plus a fixed cost per run, set above what the process clock measures here (docs/hosted.md has the
// figures; tests/dispatcher-budget.test.ts checks the estimate never falls below the measure).
import process from "node:process";

export interface CpuMeter {
  /** "process": Deno's process CPU clock; "estimate": the per-attempt charge (edge-runtime). */
  readonly source: "process" | "estimate";
  /** CPU spent since the meter started, in ms (measured or estimated, per source). */
  usedMs(): number;
  /** The per-attempt charge's total so far, in ms, whatever the source. */
  estimateMs(): number;
  /** Counts an attempt sent, or an SQL call made, for the estimate. */
  attempt(): void;
  call(): void;
  /**
   * The run has given up its lease: the next run may be working in this process, and the process
   * clock would count it too. From now on the run's own remainder (recording what was in flight)
   * is charged by the estimate.
   */
  detach(): void;
}

export interface CpuCharges {
  /** A run's own cost whatever it sends: its request, and code compiled on a cold isolate. */
  perRunMs: number;
  perAttemptUs: number;
  perCallUs: number;
}

function processClock(): (() => number) | null {
  if ("EdgeRuntime" in globalThis || typeof process?.cpuUsage !== "function") return null;
  const first = process.cpuUsage();
  // a runtime whose clock always reads zero reports nothing, ever, after its start-up
  if (first.user + first.system === 0) return null;
  return () => {
    const now = process.cpuUsage();
    return (now.user + now.system) / 1000;
  };
}

export function cpuMeter(charges: CpuCharges): CpuMeter {
  const clock = processClock();
  const startMs = clock?.() ?? 0;
  let attempts = 0, calls = 0;
  const estimateMs = () => charges.perRunMs + (attempts * charges.perAttemptUs + calls * charges.perCallUs) / 1000;
  let detached: { clockMs: number; estimateMs: number } | null = null;
  const measured = () => detached ? detached.clockMs + estimateMs() - detached.estimateMs : clock!() - startMs;
  return {
    source: clock ? "process" : "estimate",
    usedMs: clock ? measured : estimateMs,
    estimateMs,
    attempt: () => void attempts++,
    call: () => void calls++,
    detach: () => {
      if (clock && !detached) detached = { clockMs: clock() - startMs, estimateMs: estimateMs() };
    },
  };
}
