// npm start: the whole stack on this machine, no Docker, no system PostgreSQL.
//   API_PORT (default 54321), DB_PORT (default 54322), DATABASE_URL (use that server instead),
//   APTORIA_DATA_DIR (default .data: the embedded server's data and the demo key),
//   MAIL_PORT / MAIL_SMTP_PORT (default 54324 / 54325: the mail catcher's web page and SMTP).
import { join } from "node:path";
import { startStack } from "./lib/stack.ts";
import { assertPortFree, isPortFree } from "./lib/ports.ts";
import { ensureDemo } from "./lib/demo.ts";
import { ROOT } from "./lib/paths.ts";
import { StaleSchemaError } from "./lib/migrations.ts";
import { ensureWebBuild } from "./lib/web.ts";
import { localSignIn } from "./lib/sessions.ts";

const functionsPort = Number(process.env.API_PORT ?? 54321);
const postgresPort = Number(process.env.DB_PORT ?? 54322);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataRoot = process.env.APTORIA_DATA_DIR || join(ROOT, ".data");

const portOrAny = async (port: number) => (await isPortFree(port)) ? port : 0;

const started = Date.now();
await assertPortFree(functionsPort, "API_PORT");
if (!databaseUrl) await assertPortFree(postgresPort, "DB_PORT");

// The page is static files the functions server reads per request: building it first (or
// while the stack starts) makes no difference to the stack, so both run at once.
const webBuild = ensureWebBuild((line) => console.log(`  │ ${line}`)).then(() => null, (e: Error) => e.message);

const stack = await startStack({
  databaseUrl,
  dataDir: join(dataRoot, "postgres"),
  persistent: true,
  postgresPort,
  functionsPort,
  scheduler: true,
  restartOnCrash: true,
  // Supabase's local mail viewer (Inbucket) uses 54324 for the web page and 54325 for SMTP.
  // When taken (another stack runs), any free port: the banner prints where the mail is.
  mail: { httpPort: await portOrAny(Number(process.env.MAIL_PORT ?? 54324)), smtpPort: await portOrAny(Number(process.env.MAIL_SMTP_PORT ?? 54325)) },
  functionsEnv: { WEBHOOK_ALLOW_LOOPBACK: "true" },
  log: (line) => console.log(`  │ ${line}`),
}).catch((e) => {
  if (e instanceof StaleSchemaError) {
    // the schema was built by migrations that have changed since: start over rather than run on it
    const where = databaseUrl ? "the database at DATABASE_URL" : dataRoot;
    console.error(`\nThe database schema in ${where} is stale: migrations it applied have changed or gone since (${StaleSchemaError.list(e.migrations)}).`);
    console.error(databaseUrl
      ? "Start over with a fresh database (e.g. npx supabase db reset), then run npm start again."
      : `Start over with fresh data: delete ${dataRoot} (or the folder APTORIA_DATA_DIR names) and run npm start again.`);
    process.exit(1);
  }
  console.error(`\nThe stack did not start: ${(e as Error).message}`);
  process.exit(1);
});

const demo = await ensureDemo(stack.sql, dataRoot);
const webError = await webBuild;
const [owner] = await stack.sql<{ email: string }[]>`select email from app.members where organization_id = ${demo.organizationId} and role = 'owner'`;
const ownerSignIn = owner && await localSignIn(stack.sql, stack.signingKey, stack.functionsUrl, owner.email);
const api = `${stack.functionsUrl}/api`;
// The embedded server's password is a local throwaway, shown so the line can be pasted into psql;
// a DATABASE_URL given to us may hold a real one, so that is masked.
console.log(`
Aptoria developer platform is up (${((Date.now() - started) / 1000).toFixed(1)} s).

  API            ${api}/<function>          e.g. ${api}/dashboard
  Functions      ${stack.functionsUrl}/functions/v1/<function>
  Health         ${api}/health
  API reference  ${stack.functionsUrl}/docs/api/  (the OpenAPI document: ${api}/openapi.json)
  Developer      ${stack.functionsUrl}/settings/developer/  ${webError ? `(not built: ${webError.split("\n")[0]})` : "(Settings → Developer: open the Settings link below, or sign in with the demo key)"}
  Mail           ${stack.mailUrl}  (emails the stack sends, e.g. a disabled webhook endpoint)
  Database       ${databaseUrl ? stack.databaseUrl.replace(/:[^:@/]+@/, ":****@") : stack.databaseUrl}  (pgmq: ${{ sql: "project SQL implementation", "installed-sql": "pgmq installed as SQL", extension: "extension" }[stack.pgmq]})
  Demo org       ${demo.organizationId} (${demo.seeded ? "seeded now" : "kept from an earlier start"})
  Demo API key   ${demo.apiKey}
  Settings       ${ownerSignIn ? ownerSignIn.link : "(no owner in the demo organization)"}
                 (signed in as ${owner?.email ?? "-"} for an hour; another member: npm run sign-in -- <email> [org_id])

  Try:  curl ${api}/dashboard -H "Authorization: Bearer ${demo.apiKey}"

A crashed functions server or PostgreSQL is started again (a few tries, logged with │).
Ctrl-C stops everything.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await stack.stop();
    process.exit(0);
  });
}
