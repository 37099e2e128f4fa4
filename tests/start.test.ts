// `npm start` as a newcomer runs it: starts within 30 s, prints a working demo key, keeps its
// data across restarts, and leaves no process behind after Ctrl-C (SIGINT).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import postgres from "postgres";
import { freePort } from "../scripts/lib/ports.ts";

const dataDir = mkdtempSync(join(tmpdir(), "aptoria-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started { child: ChildProcess; output: string; apiKey: string; api: string; seconds: number }

function spawnStart(apiPort: number, dbPort: number, dir: string): ChildProcess {
  return spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: { ...process.env, API_PORT: String(apiPort), DB_PORT: String(dbPort), APTORIA_DATA_DIR: dir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function start(apiPort: number, dbPort: number, dir = dataDir): Promise<Started> {
  const began = Date.now();
  const child = spawnStart(apiPort, dbPort, dir);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up within 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const key = /Demo API key\s+(apt_\S+)/.exec(output);
      const api = /API\s+(http:\/\/\S+)\/<function>/.exec(output);
      if (key && api) {
        clearTimeout(timer);
        resolve({ child, output, apiKey: key[1], api: api[1], seconds: (Date.now() - began) / 1000 });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** npm start that is expected to give up: its exit code and what it printed. */
function startToExit(apiPort: number, dbPort: number, dir: string): Promise<{ code: number | null; output: string }> {
  const child = spawnStart(apiPort, dbPort, dir);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => output += d.toString());
  child.stderr!.on("data", (d: Buffer) => output += d.toString());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGINT");
      reject(new Error(`still running after 60 s:\n${output}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

/** Processes whose command line mentions `needle` (the data folder or a port). */
function processesMentioning(needle: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes(needle) && !l.includes("ps -eo"));
}

/**
 * Processes started with `name=value` in their environment: the functions server gets
 * FUNCTIONS_PORT, so this finds it whatever else may later reuse the port number.
 */
function processesWithEnv(name: string, value: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`${name}=${value}`)) found.push(Number(pid));
    } catch { /* gone, or not ours to read */ }
  }
  return found;
}

describe("npm start", () => {
  it("starts, serves the reference's curl with the demo key, keeps data across restarts and stops cleanly", async () => {
    const apiPort = await freePort();
    const dbPort = await freePort();

    const first = await start(apiPort, dbPort);
    expect(first.seconds).toBeLessThan(30);
    expect(first.output).toContain("seeded now");
    expect(first.api).toBe(`http://127.0.0.1:${apiPort}/api`);
    // the embedded server's password is a local throwaway: shown, so the line works with psql
    expect(first.output).toContain(`Database       postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`);

    // The reference's example, verbatim but for the base URL and key.
    const curl = execFileSync("curl", ["-s", "-i", `http://127.0.0.1:${apiPort}/api/dashboard`, "-H", `Authorization: Bearer ${first.apiKey}`], { encoding: "utf8" });
    expect(curl).toMatch(/^HTTP\/1\.1 200/);
    const dashboard = JSON.parse(curl.slice(curl.indexOf("\r\n\r\n") + 4));
    expect(dashboard.properties).toBeGreaterThan(0);
    for (const path of ["/functions/v1/health", "/api/health"]) {
      expect((await fetch(`http://127.0.0.1:${apiPort}${path}`)).status).toBe(200);
    }
    // the API reference and the OpenAPI document, at the addresses the banner prints
    const reference = /API reference\s+(http\S+)\s+\(the OpenAPI document: (http\S+)\)/.exec(first.output);
    expect(reference?.[1]).toBe(`http://127.0.0.1:${apiPort}/docs/api/`);
    expect(await (await fetch(reference![1])).text()).toContain("standalone.js");
    expect((await (await fetch(reference![2])).json()).openapi).toBe("3.1.0");

    const db = postgres(`postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`, { max: 1 });
    await db`insert into app.organizations (name) values ('Kept across restarts')`;
    await db.end();

    // a crashed functions server is started again, and the output says so (tests/faults/heal.test.ts: under load)
    let output = first.output;
    first.child.stdout!.on("data", (d: Buffer) => output += d.toString());
    const [functionsPid] = processesWithEnv("FUNCTIONS_PORT", String(apiPort));
    process.kill(functionsPid, "SIGKILL");
    await vi.waitFor(() => expect(output).toMatch(/│ functions server restarted: back [\d.]+ s after it stopped/), { timeout: 30_000, interval: 100 });
    expect(output).toContain("│ functions server was killed (SIGKILL): restarting it");
    expect((await fetch(`http://127.0.0.1:${apiPort}/api/dashboard`, { headers: { authorization: `Bearer ${first.apiKey}` } })).status).toBe(200);

    // the checks below can see what they look for while it runs
    expect(processesWithEnv("FUNCTIONS_PORT", String(apiPort))).toHaveLength(1);
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);
    // Ctrl-C does not wait for the running dispatcher (its runs last up to 25 s)
    const stopping = Date.now();
    expect(await stop(first.child)).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(processesWithEnv("FUNCTIONS_PORT", String(apiPort))).toEqual([]);
    expect(processesMentioning(dataDir)).toEqual([]);

    const second = await start(apiPort, dbPort);
    expect(second.output).toContain("kept from an earlier start");
    expect(second.apiKey).toBe(first.apiKey);
    const again = await fetch(`${second.api}/dashboard`, { headers: { authorization: `Bearer ${second.apiKey}` } });
    expect(again.status).toBe(200);
    const db2 = postgres(`postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`, { max: 1 });
    const kept = await db2`select 1 from app.organizations where name = 'Kept across restarts'`;
    await db2.end();
    expect(kept).toHaveLength(1);

    expect(await stop(second.child)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(processesWithEnv("FUNCTIONS_PORT", String(apiPort))).toEqual([]);
  }, 150_000);

  it("refuses a data folder whose schema came from migrations that changed or went since, and says how to start over", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aptoria-stale-"));
    try {
      const apiPort = await freePort();
      const dbPort = await freePort();
      const first = await start(apiPort, dbPort, dir);
      // as if the newest migration had been edited after it was applied, and an older one deleted
      const db = postgres(`postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`, { max: 1 });
      const [newest] = await db<{ version: string; name: string }[]>`
        update supabase_migrations.schema_migrations set statements = statements || array['select 1']
        where version = (select max(version) from supabase_migrations.schema_migrations) returning version, name`;
      await db`insert into supabase_migrations.schema_migrations (version, name, statements)
        values ('20261126000000', 'removed_since', array['select 1'])`;
      await db.end();
      expect(await stop(first.child)).toBe(0);

      const stale = await startToExit(apiPort, dbPort, dir);
      expect(stale.code).toBe(1);
      expect(stale.output).toContain(`The database schema in ${dir} is stale`);
      expect(stale.output).toContain("20261126000000_removed_since.sql (gone)");
      expect(stale.output).toContain(`${newest.version}_${newest.name}.sql (changed)`);
      expect(stale.output).toContain(`Start over with fresh data: delete ${dir}`);
      expect(stale.output).not.toContain("Demo API key");
      expect(processesMentioning(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
