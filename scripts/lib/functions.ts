// Runs scripts/functions-server.ts under Deno (from the npm package `deno`).
import { spawn, type ChildProcess } from "node:child_process";
import { denoBinary, ROOT } from "./paths.ts";

export interface FunctionsServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startFunctions(opts: {
  port: number;
  env: Record<string, string>;
  log: (line: string) => void;
}): Promise<FunctionsServer> {
  // FUNCTIONS_DENO_FLAGS adds flags for a session of profiling, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  const extra = process.env.FUNCTIONS_DENO_FLAGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(denoBinary(), ["run", "--allow-all", "--no-prompt", "--unstable-no-legacy-abort", ...extra, "scripts/functions-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, FUNCTIONS_PORT: String(opts.port), FUNCTIONS_HOST: "127.0.0.1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const forward = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(opts.log);
  child.stdout!.on("data", forward);
  child.stderr!.on("data", forward);
  const url = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the functions server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/functions/v1/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error("the functions server did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
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
