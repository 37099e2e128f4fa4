import { defineConfig } from "vitest/config";

// Files on stacks of their own that run after every other file, one at a time: the fault tests
// (tests/faults/) SIGKILL their processes, whose restarts would load the shared 2 cores, and
// tests/dispatcher-budget.test.ts measures its runs' CPU against a budget, which the other
// files' load pushed over it (one run in the suite's 16 at 340 ms against 300).
const ALONE = ["tests/faults/**/*.test.ts", "tests/dispatcher-budget.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "stack", include: ["tests/**/*.test.ts"], exclude: ALONE, globalSetup: ["tests/global-setup.ts"], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "alone", include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
