// Starts the whole stack once for the test run: a throwaway embedded PostgreSQL on a free port,
// every migration, and every function under Deno, so tests speak real HTTP to real functions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "../scripts/lib/stack.ts";
import { freePort } from "../scripts/lib/ports.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    functionsUrl: string;
    serviceRoleKey: string;
  }
}

let stack: Stack | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), "aptoria-test-"));
  const logs: string[] = [];
  stack = await startStack({
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
    dataDir: join(dir, "postgres"),
    persistent: false,
    postgresPort: await freePort(),
    functionsPort: await freePort(),
    // Tests run scheduled jobs themselves, when they choose.
    scheduler: false,
    functionsEnv: { WEBHOOK_ALLOW_LOOPBACK: "true" },
    log: (line) => {
      logs.push(line);
      if (process.env.STACK_LOG) console.log(`[stack] ${line}`);
    },
  });
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("functionsUrl", stack.functionsUrl);
  project.provide("serviceRoleKey", stack.serviceRoleKey);
}

export async function teardown() {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
