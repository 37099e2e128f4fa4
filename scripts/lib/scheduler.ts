// Runs app.scheduled_jobs the way pg_cron + pg_net do on hosted projects: on each job's
// interval, a POST to the function's URL with the service role key. pg_net does not wait for
// the previous call; neither does this (a function must tolerate overlapping runs).
import type { Sql } from "./database.ts";

export interface Scheduler {
  stop(): Promise<void>;
}

export async function startScheduler(opts: {
  sql: Sql;
  functionsUrl: string;
  serviceRoleKey: string;
  log: (line: string) => void;
}): Promise<Scheduler> {
  const jobs = await opts.sql<{ name: string; function_name: string; every_seconds: number; body: unknown }[]>`
    select name, function_name, every_seconds, body from app.scheduled_jobs order by name`;
  // Stopping cancels calls still running (a dispatcher run lasts up to its run time); what they
  // had claimed comes back after the visibility timeout, as after any crash.
  const stopping = new AbortController();
  const timers = jobs.map((job) =>
    setInterval(() => {
      fetch(`${opts.functionsUrl}/functions/v1/${job.function_name}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${opts.serviceRoleKey}` },
        body: JSON.stringify(job.body),
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(60_000)]),
      }).then(async (res) => {
        if (!res.ok) opts.log(`scheduled job ${job.name}: HTTP ${res.status} ${await res.text()}`);
        else await res.arrayBuffer();
      }).catch((e) => stopping.signal.aborted || opts.log(`scheduled job ${job.name}: ${(e as Error).message}`));
    }, job.every_seconds * 1000)
  );
  return {
    stop() {
      timers.forEach(clearInterval);
      stopping.abort();
      return Promise.resolve();
    },
  };
}
