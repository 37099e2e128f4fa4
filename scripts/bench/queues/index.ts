// Re-exported from here so that the bare names resolve against this folder's node_modules
// (installed on first use by webhooks.ts), not the root package's.
export { PgBoss } from "pg-boss";
export { Logger, makeWorkerUtils, run } from "graphile-worker";
