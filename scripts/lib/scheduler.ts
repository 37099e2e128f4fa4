// Plays pg_cron's and pg_net's part for the Docker-free stack: app.scheduled_jobs on their
// interval, and the calls the database asks for (app.scheduler_request: NOTIFY
// aptoria_scheduler where pg_net is missing, e.g. the dispatcher's wake-up), each a POST to the
// function's URL with the scheduler secret. pg_net does not wait for the previous call; neither
// does this (a function must tolerate overlapping runs).
import postgres from "postgres";
import { connect, type Sql } from "./database.ts";

export interface Scheduler {
  /**
   * After a restart of the functions server or of PostgreSQL: calls the dispatcher, whose
   * wake-ups may have been lost meanwhile, and after PostgreSQL's listens again (a LISTEN does
   * not outlive its server, and postgres.js gives up listening when its first reconnect fails).
   */
  resume(restarted: "functions" | "database"): void;
  stop(): Promise<void>;
}

// After a restart, the dispatcher is called until a run holds the lease: a call that answers
// "skipped" within KICK_RUNNING_MS found a killed run's lease still live, and is made again.
const KICK_TRIES = 10;
const KICK_RUNNING_MS = 1500;

export async function startScheduler(opts: {
  sql: Sql;
  functionsUrl: string;
  schedulerSecret: string;
  log: (line: string) => void;
  /** Run app.scheduled_jobs on their interval (the wake-ups are answered either way). */
  jobs?: boolean;
  /** Listen on a connection of its own to this database, made again by resume(); default: on `sql`. */
  databaseUrl?: string;
}): Promise<Scheduler> {
  const jobs = await opts.sql<{ name: string; function_name: string; every_seconds: number; body: unknown }[]>`
    select name, function_name, every_seconds, body from app.scheduled_jobs order by name`;
  // Stopping cancels calls still running (a dispatcher run lasts up to its run time); what they
  // had claimed comes back after the visibility timeout, as after any crash.
  const stopping = new AbortController();
  const post = (functionName: string, body: unknown) =>
    fetch(`${opts.functionsUrl}/functions/v1/${functionName}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${opts.schedulerSecret}` },
      body: JSON.stringify(body),
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(155_000)]),
    });
  const call = (what: string, functionName: string, body: unknown) => {
    post(functionName, body).then(async (res) => {
      if (!res.ok) opts.log(`${what}: HTTP ${res.status} ${await res.text()}`);
      else await res.arrayBuffer();
    }).catch((e) => stopping.signal.aborted || opts.log(`${what}: ${(e as Error).message}`));
  };
  const known = new Set(jobs.map((j) => j.function_name));
  const onRequest = (functionName: string) => {
    if (known.has(functionName)) call(`requested call of ${functionName}`, functionName, {});
    else opts.log(`requested call of unknown function ${functionName}: ignored`);
  };
  let listenSql: postgres.Sql = opts.databaseUrl ? connect(opts.databaseUrl, 1) : opts.sql;
  let listening = await listenSql.listen("aptoria_scheduler", onRequest);
  const timers = opts.jobs === false ? [] : jobs.map((job) =>
    setInterval(() => call(`scheduled job ${job.name}`, job.function_name, job.body), job.every_seconds * 1000)
  );

  const relisten = async () => {
    if (!opts.databaseUrl) return;
    const old = listenSql;
    listenSql = connect(opts.databaseUrl, 1);
    await old.end({ timeout: 0 }).catch(() => {});
    for (let tries = 1;; tries++) {
      try {
        listening = await listenSql.listen("aptoria_scheduler", onRequest);
        return;
      } catch (e) {
        if (tries >= 10 || stopping.signal.aborted) {
          opts.log(`scheduler: could not listen again (${(e as Error).message}): wake-ups wait for the minutely job`);
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const kickDispatcher = async () => {
    for (let tries = 1; tries <= KICK_TRIES && !stopping.signal.aborted; tries++) {
      const answer = post("webhook-dispatcher", {}).then(
        async (res) => res.ok ? (await res.json() as { skipped?: boolean }).skipped !== true : (await res.arrayBuffer(), false),
        () => false,
      );
      const ran = await Promise.race([answer, new Promise((r) => setTimeout(() => r("running"), KICK_RUNNING_MS))]);
      if (ran) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  return {
    resume(restarted) {
      (restarted === "database" ? relisten() : Promise.resolve()).then(kickDispatcher).catch((e) => opts.log(`scheduler: ${(e as Error).message}`));
    },
    async stop() {
      timers.forEach(clearInterval);
      await listening.unlisten().catch(() => {});
      if (opts.databaseUrl) await listenSql.end({ timeout: 1 }).catch(() => {});
      stopping.abort();
    },
  };
}
