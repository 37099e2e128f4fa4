// npm run create-key finds the database as npm start does (DATABASE_URL, else DB_PORT), and says
// so in one line when nothing answers there instead of writing to whatever listens on 54322.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { call, databaseUrl } from "./helpers.ts";
import { freePort } from "../scripts/lib/ports.ts";

const run = promisify(execFile);

async function createKey(env: Record<string, string>, org: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.DB_PORT;
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", ["scripts/create-key.ts", "--org", org, "--create-org", "--owner-email", "owner@create-key.test", "--scopes", "read:dashboard"], { env: { ...base, ...env }, encoding: "utf8" });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run create-key", () => {
  it("uses DB_PORT like npm start, and the key it prints works", async () => {
    const port = new URL(databaseUrl).port;
    const made = await createKey({ DB_PORT: port }, `Create-key DB_PORT ${Date.now()}`);
    expect(made.stderr).toContain("It is shown once");
    expect(made.code).toBe(0);
    const key = made.stdout.trim();
    const res = await call("/dashboard", { key });
    expect(res.status).toBe(200);
  });

  it("uses DATABASE_URL over DB_PORT", async () => {
    const made = await createKey({ DATABASE_URL: databaseUrl, DB_PORT: String(await freePort()) }, `Create-key URL ${Date.now()}`);
    expect(made.code).toBe(0);
    expect((await call("/dashboard", { key: made.stdout.trim() })).status).toBe(200);
  });

  it("fails with one clear line when nothing answers on DB_PORT", async () => {
    const port = await freePort();
    const made = await createKey({ DB_PORT: String(port) }, "Nowhere");
    expect(made.code).toBe(1);
    expect(made.stdout).toBe("");
    const lines = made.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`no database answers at 127.0.0.1:${port} (DB_PORT)`);
  });
});
