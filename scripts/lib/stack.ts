// The whole Docker-free stack: PostgreSQL, migrations, demo data, every Edge Function under
// Deno, and the scheduled jobs. `npm start` and the tests' global setup both use it.
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { connect, type Pgmq, prepareDatabase, pushMigrations, type Sql } from "./database.ts";
import { StaleSchemaError, staleMigrations } from "./migrations.ts";
import { type EmbeddedServer, startEmbeddedPostgres } from "./postgres.ts";
import { startFunctions } from "./functions.ts";
import { startScheduler, type Scheduler } from "./scheduler.ts";
import { startSmtpCatcher } from "./smtp-catcher.ts";
import { jwksOf, localSigningKey, type SigningKey } from "./sessions.ts";
import { localWebhookSecretKeys } from "./webhook-secrets.ts";

export interface StackOptions {
  /** Use this PostgreSQL server instead of starting the embedded one. */
  databaseUrl?: string;
  /** Where the embedded server keeps its data. */
  dataDir: string;
  /** Keep the embedded server's data after stop. */
  persistent: boolean;
  postgresPort: number;
  functionsPort: number;
  /** Run app.scheduled_jobs on their schedule. */
  scheduler: boolean;
  /** Start the functions server and the embedded PostgreSQL again when they crash (npm start). */
  restartOnCrash?: boolean;
  /** Ports of the local SMTP catcher (SMTP, and HTTP to read the mail); 0 or absent: any free port. */
  mail?: { smtpPort?: number; httpPort?: number };
  /** The local sessions' signing key pair (scripts/lib/sessions.ts), made on first use; default: next to dataDir. */
  signingKeyFile?: string;
  /** The functions' WEBHOOK_SECRET_KEYS, made on first use; default: webhook-secret-keys.json next to dataDir. */
  webhookSecretKeysFile?: string;
  /** Extra environment for the functions (their "secrets"). */
  functionsEnv?: Record<string, string>;
  log: (line: string) => void;
}

export interface Stack {
  functionsUrl: string;
  databaseUrl: string;
  serviceRoleKey: string;
  /** What the scheduled functions take (SCHEDULER_SECRET; the Vault secret scheduler_secret on hosted). */
  schedulerSecret: string;
  pgmq: Pgmq;
  /** Where a person (or a test) reads the emails the functions sent: the local SMTP catcher. */
  mailUrl: string;
  /** Signs local members' sessions; its public half is the JWKS the functions verify them with. */
  signingKey: SigningKey;
  /** The WEBHOOK_SECRET_KEYS the functions seal and open webhook signing secrets with. */
  webhookSecretKeys: string;
  /** The sessions' issuer, as Supabase Auth's: <SUPABASE_URL>/auth/v1. */
  issuer: string;
  sql: Sql;
  /** The processes serving now (new ones after a restart): the functions server, and the embedded PostgreSQL's postmaster. */
  pids(): { functions: number; postgres?: number };
  stop(): Promise<void>;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => opts.log(`stop: ${(e as Error).message}`));
  };
  // set once the scheduler runs: after a restart it calls what was missed
  let scheduler: Scheduler | undefined;
  const restartOnCrash = (restarted: "functions" | "database") =>
    opts.restartOnCrash ? { log: opts.log, onRestart: () => scheduler?.resume(restarted) } : undefined;
  try {
    let databaseUrl = opts.databaseUrl;
    let pg: EmbeddedServer | undefined;
    if (!databaseUrl) {
      pg = await startEmbeddedPostgres(opts.dataDir, opts.postgresPort, {
        persistent: opts.persistent,
        restartOnCrash: restartOnCrash("database"),
      });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    const sql = connect(databaseUrl);
    stops.push(() => sql.end({ timeout: 2 }));
    const { pgmq } = await prepareDatabase(sql);
    // A migration applied earlier and changed since would leave the schema behind the files:
    // supabase db push applies only versions it has not recorded.
    const stale = await staleMigrations(sql);
    if (stale.length > 0) throw new StaleSchemaError(stale);
    await pushMigrations(databaseUrl);

    // Stand-ins for the keys Supabase injects, and the scheduled functions' own secret.
    const serviceRoleKey = `local_service_role_${randomBytes(24).toString("base64url")}`;
    const schedulerSecret = `local_scheduler_${randomBytes(24).toString("base64url")}`;
    const functionsUrl = `http://127.0.0.1:${opts.functionsPort}`;
    const signingKey = await localSigningKey(opts.signingKeyFile ?? join(dirname(opts.dataDir), "auth-signing-key.json"));
    const webhookSecretKeys = localWebhookSecretKeys(opts.webhookSecretKeysFile ?? join(dirname(opts.dataDir), "webhook-secret-keys.json"));
    const mail = await startSmtpCatcher({ smtpPort: opts.mail?.smtpPort ?? 0, httpPort: opts.mail?.httpPort ?? 0 });
    stops.push(mail.stop);
    const functions = await startFunctions({
      port: opts.functionsPort,
      log: opts.log,
      restartOnCrash: restartOnCrash("functions"),
      env: {
        SUPABASE_URL: functionsUrl,
        SUPABASE_DB_URL: databaseUrl,
        SUPABASE_ANON_KEY: `local_anon_${randomBytes(24).toString("base64url")}`,
        SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
        SCHEDULER_SECRET: schedulerSecret,
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(mail.smtpPort),
        SMTP_TLS: "none",
        LOCAL_AUTH_JWKS: JSON.stringify(jwksOf(signingKey)),
        WEBHOOK_SECRET_KEYS: webhookSecretKeys,
        ...opts.functionsEnv,
      },
    });
    stops.push(functions.stop);

    if (opts.scheduler) {
      scheduler = await startScheduler({ sql, functionsUrl, schedulerSecret, log: opts.log, databaseUrl });
      stops.push(scheduler.stop);
    }
    return {
      functionsUrl, databaseUrl, serviceRoleKey, schedulerSecret, pgmq, mailUrl: mail.httpUrl, signingKey, webhookSecretKeys,
      issuer: `${functionsUrl}/auth/v1`, sql, stop: stopAll,
      pids: () => ({ functions: functions.process.pid!, postgres: pg?.process.pid }),
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
