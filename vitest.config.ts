import { defineConfig } from "vitest/config";

// The fault tests (tests/faults/) start a stack of their own and SIGKILL its processes: they
// run after every other file, as their restarts would otherwise load the shared 2 cores under
// tests that measure CPU (tests/dispatcher-budget.test.ts went over its budget beside them).
const FAULTS = "tests/faults/**/*.test.ts";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "stack", include: ["tests/**/*.test.ts"], exclude: [FAULTS], globalSetup: ["tests/global-setup.ts"], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "faults", include: [FAULTS], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
