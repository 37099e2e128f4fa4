// Runs scripts/functions-server.ts under Deno (from the npm package `deno`).
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { denoBinary, ROOT } from "./paths.ts";
import { howItEnded, supervise } from "./supervise.ts";

export interface FunctionsServer {
  url: string;
  /** The Deno process serving now (a new one after a restart). */
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

interface FunctionsOptions {
  port: number;
  env: Record<string, string>;
  log: (line: string) => void;
  /** A file for the server's stdout (the request log's lines) instead of `log`: what a log collector would take (the benchmarks). */
  stdoutFile?: string;
  /** Start the server again when it dies unasked (npm start); `onRestart` runs once it answers again. */
  restartOnCrash?: { onRestart?: () => void };
}

export async function startFunctions(opts: FunctionsOptions): Promise<FunctionsServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  const first = await spawnFunctions(opts, url, false);
  if (!opts.restartOnCrash) return { url, ...first };
  const supervised = supervise(first, {
    name: "functions server",
    start: () => spawnFunctions(opts, url, true),
    log: opts.log,
    onRestart: opts.restartOnCrash.onRestart,
  });
  return Object.assign(supervised, { url });
}

/**
 * A first start waits for /health to answer 200 (every function loaded, the database reached); a
 * restart only for an answer, as the database may be what is down.
 */
async function spawnFunctions(opts: FunctionsOptions, url: string, restart: boolean): Promise<{ process: ChildProcess; stop(): Promise<void> }> {
  // FUNCTIONS_DENO_FLAGS adds flags for a session of profiling, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  const extra = process.env.FUNCTIONS_DENO_FLAGS?.split(" ").filter(Boolean) ?? [];
  const stdout = opts.stdoutFile ? openSync(opts.stdoutFile, "a") : "pipe";
  const child = spawn(denoBinary(), ["run", "--allow-all", "--no-prompt", "--unstable-no-legacy-abort", ...extra, "scripts/functions-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, FUNCTIONS_PORT: String(opts.port), FUNCTIONS_HOST: "127.0.0.1", NO_COLOR: "1" },
    stdio: ["ignore", stdout, "pipe"],
  });
  if (typeof stdout === "number") closeSync(stdout);
  const forward = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(opts.log);
  child.stdout?.on("data", forward);
  child.stderr!.on("data", forward);
  const exited = howItEnded(child);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the functions server ${await exited}`);
    try {
      const res = await fetch(`${url}/functions/v1/health`);
      await res.arrayBuffer();
      if (res.ok || restart) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the functions server did not answer within 60 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
