// Starts the whole stack once for the test run: a throwaway embedded PostgreSQL on a free port,
// every migration, and every function under Deno, so tests speak real HTTP to real functions.
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "../scripts/lib/stack.ts";
import type { SigningKey } from "../scripts/lib/sessions.ts";
import { freePort } from "../scripts/lib/ports.ts";

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
  }
}

let stack: Stack | undefined;
let dir: string | undefined;
let logFile: WriteStream | undefined;

export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), "aptoria-test-"));
  const stackLogFile = join(dir, "stack.log");
  logFile = createWriteStream(stackLogFile);
  const aiProviderPort = await freePort();
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
}

export async function teardown() {
  await stack?.stop();
  await new Promise((resolve) => logFile ? logFile.end(resolve) : resolve(undefined));
  if (dir) rmSync(dir, { recursive: true, force: true });
}
