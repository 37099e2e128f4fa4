// Keeps a child process of the stack running: when it dies without being asked to (a crash, an
// OOM kill, a stray SIGKILL), it is started again, a few times at most, and every step is logged,
// so `npm start` heals itself instead of running on with no API or no database.
import type { ChildProcess } from "node:child_process";

export interface Supervisable {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Itself a Supervisable: `process` is always the one running now (a new one after each restart). */
export interface Supervised<T extends Supervisable> extends Supervisable {
  readonly current: T;
}

/** How a child process ended, in words for the log. */
export function howItEnded(child: ChildProcess): Promise<string> {
  const describe = () => child.signalCode ? `was killed (${child.signalCode})` : `exited with code ${child.exitCode}`;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(describe());
  return new Promise((resolve) => child.once("exit", () => resolve(describe())));
}

// Restarts that fail in a row before giving up, and the waits before each: a port or a shared
// memory segment the dead process held is usually free again within a second.
const MAX_ATTEMPTS = 5;
const WAITS_MS = [100, 500, 1000, 2000, 4000];
// More crashes than this within CRASH_WINDOW_MS is a crash loop, not bad luck: stop restarting.
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

export function supervise<T extends Supervisable>(first: T, opts: {
  name: string;
  start: () => Promise<T>;
  log: (line: string) => void;
  /** Called once a restarted process is up (e.g. to call what it missed). */
  onRestart?: () => void;
}): Supervised<T> {
  let current = first;
  let stopping = false;
  const crashes: number[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const watch = async () => {
    for (;;) {
      const how = await howItEnded(current.process);
      if (stopping) return;
      const downAt = Date.now();
      crashes.push(downAt);
      while (crashes[0] < downAt - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_CRASHES) {
        opts.log(`${opts.name} ${how}, its ${crashes.length}th crash within ${CRASH_WINDOW_MS / 1000} s: not restarting it again; stop (Ctrl-C) and start again`);
        return;
      }
      opts.log(`${opts.name} ${how}: restarting it`);
      for (let attempt = 1;; attempt++) {
        await sleep(WAITS_MS[attempt - 1]);
        if (stopping) return;
        try {
          const next = await opts.start();
          if (stopping) {
            await next.stop();
            return;
          }
          current = next;
          break;
        } catch (e) {
          opts.log(`${opts.name}: restart ${attempt} of ${MAX_ATTEMPTS} failed: ${(e as Error)?.message ?? e}`);
          if (attempt >= MAX_ATTEMPTS) {
            opts.log(`${opts.name} could not be restarted: stop (Ctrl-C) and start again`);
            return;
          }
        }
      }
      opts.log(`${opts.name} restarted: back ${((Date.now() - downAt) / 1000).toFixed(1)} s after it stopped`);
      opts.onRestart?.();
    }
  };
  const watching = watch();

  return {
    get current() {
      return current;
    },
    get process() {
      return current.process;
    },
    async stop() {
      stopping = true;
      await current.stop();
      await watching;
    },
  };
}
