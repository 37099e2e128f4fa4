// Starts the whole stack once for the test run: a throwaway embedded PostgreSQL on a free port,
// every migration, and every function under Deno, so tests speak real HTTP to real functions.
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "../scripts/lib/stack.ts";
import type { SigningKey } from "../scripts/lib/sessions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { checkDeliveries, checkRecording } from "./contract.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    functionsUrl: string;
    serviceRoleKey: string;
    schedulerSecret: string;
    /** The local SMTP catcher's HTTP address (GET /messages). */
    mailUrl: string;
    /** Where tests/ai-*.test.ts run their OpenAI-compatible test server (AI_BASE_URL points there). */
    aiProviderPort: number;
    /** The stack's session signing key and issuer, to mint members' sessions (tests/sessions-helpers.ts). */
    signingKey: SigningKey;
    issuer: string;
    /** The functions' WEBHOOK_SECRET_KEYS, to seal secrets a test arranges (tests/webhooks-secrets.test.ts). */
    webhookSecretKeys: string;
    /** A file every line the stack logs is appended to, to check what the functions log. */
    stackLogFile: string;
    /** Where webhook receivers (helpers.ts) append what they receive, checked against the document's webhooks at the end. */
    deliveryRecordFile: string;
  }
}

let stack: Stack | undefined;
let dir: string | undefined;
let logFile: WriteStream | undefined;
let recordFile = "";
let deliveryFile = "";

export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), "aptoria-test-"));
  const stackLogFile = join(dir, "stack.log");
  logFile = createWriteStream(stackLogFile);
  const aiProviderPort = await freePort();
  recordFile = process.env.API_RECORD_FILE ?? join(dir, "api-record.jsonl");
  deliveryFile = join(dir, "deliveries.jsonl");
  stack = await startStack({
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
    dataDir: join(dir, "postgres"),
    persistent: false,
    postgresPort: await freePort(),
    functionsPort: await freePort(),
    // Tests run scheduled jobs themselves, when they choose.
    scheduler: false,
    functionsEnv: {
      WEBHOOK_ALLOW_LOOPBACK: "true",
      AI_BASE_URL: `http://127.0.0.1:${aiProviderPort}/v1`,
      AI_API_KEY: "test-ai-key",
      AI_MODEL: "test-model",
      AI_TIMEOUT_MS: "1000",
      // request log batches reach the database within 100 ms, so tests poll briefly
      REQUEST_LOG_FLUSH_MS: "100",
      // every answer, checked against the OpenAPI document at the run's end (teardown)
      API_RECORD_FILE: recordFile,
    },
    log: (line) => {
      logFile!.write(`${line}\n`);
      if (process.env.STACK_LOG) console.log(`[stack] ${line}`);
    },
  });
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("functionsUrl", stack.functionsUrl);
  project.provide("serviceRoleKey", stack.serviceRoleKey);
  project.provide("schedulerSecret", stack.schedulerSecret);
  project.provide("mailUrl", stack.mailUrl);
  project.provide("aiProviderPort", aiProviderPort);
  project.provide("signingKey", stack.signingKey);
  project.provide("issuer", stack.issuer);
  project.provide("webhookSecretKeys", stack.webhookSecretKeys);
  project.provide("stackLogFile", stackLogFile);
  project.provide("deliveryRecordFile", deliveryFile);
}

export async function teardown() {
  await stack?.stop();
  await new Promise((resolve) => logFile ? logFile.end(resolve) : resolve(undefined));
  try {
    checkContract();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every answer the run received from the API, and every webhook delivery its receivers got, held
 * to the OpenAPI document: a difference fails the run (the document cannot drift from the behaviour).
 */
function checkContract() {
  const api = checkRecording(existsSync(recordFile) ? readFileSync(recordFile, "utf8") : "");
  const hooks = checkDeliveries(existsSync(deliveryFile) ? readFileSync(deliveryFile, "utf8") : "");
  const problems = [...api.problems, ...hooks.problems];
  console.log(`contract: ${api.exchanges} answers and ${hooks.exchanges} webhook deliveries checked against the OpenAPI document`);
  if (problems.length) {
    // vitest reports an error thrown here but still exits 0: the exit code says it
    process.exitCode = 1;
    throw new Error(`${problems.length} answers differ from supabase/functions/openapi/openapi.json (fix the route's schema in _shared/records.ts or its documented(...), then npm run openapi):\n${problems.join("\n")}`);
  }
}
