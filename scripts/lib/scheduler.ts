// Plays pg_cron's and pg_net's part for the Docker-free stack: app.scheduled_jobs on their
// interval, and the calls the database asks for (app.scheduler_request: NOTIFY
// aptoria_scheduler where pg_net is missing, e.g. the dispatcher's wake-up), each a POST to the
// function's URL with the scheduler secret. pg_net does not wait for the previous call; neither
// does this (a function must tolerate overlapping runs).
import type { Sql } from "./database.ts";

export interface Scheduler {
  stop(): Promise<void>;
}

export async function startScheduler(opts: {
  sql: Sql;
  functionsUrl: string;
  schedulerSecret: string;
  log: (line: string) => void;
  /** Run app.scheduled_jobs on their interval (the wake-ups are answered either way). */
  jobs?: boolean;
}): Promise<Scheduler> {
  const jobs = await opts.sql<{ name: string; function_name: string; every_seconds: number; body: unknown }[]>`
    select name, function_name, every_seconds, body from app.scheduled_jobs order by name`;
  // Stopping cancels calls still running (a dispatcher run lasts up to its run time); what they
  // had claimed comes back after the visibility timeout, as after any crash.
  const stopping = new AbortController();
  const call = (what: string, functionName: string, body: unknown) => {
    fetch(`${opts.functionsUrl}/functions/v1/${functionName}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${opts.schedulerSecret}` },
      body: JSON.stringify(body),
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(155_000)]),
    }).then(async (res) => {
      if (!res.ok) opts.log(`${what}: HTTP ${res.status} ${await res.text()}`);
      else await res.arrayBuffer();
    }).catch((e) => stopping.signal.aborted || opts.log(`${what}: ${(e as Error).message}`));
  };
  const known = new Set(jobs.map((j) => j.function_name));
  const listening = await opts.sql.listen("aptoria_scheduler", (functionName) => {
    if (known.has(functionName)) call(`requested call of ${functionName}`, functionName, {});
    else opts.log(`requested call of unknown function ${functionName}: ignored`);
  });
  const timers = opts.jobs === false ? [] : jobs.map((job) =>
    setInterval(() => call(`scheduled job ${job.name}`, job.function_name, job.body), job.every_seconds * 1000)
  );
  return {
    async stop() {
      timers.forEach(clearInterval);
      await listening.unlisten().catch(() => {});
      stopping.abort();
    },
  };
}
