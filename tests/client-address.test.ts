// TRUSTED_PROXIES: which address the guessing throttle counts by, behind proxies of your own.
// Each case runs its own functions server with the setting, over the suite's database, and
// reads the address back from the throttle's count (app.auth_failures) after one unknown key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FunctionsServer, startFunctions } from "../scripts/lib/functions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { databaseUrl, sql } from "./helpers.ts";

const unknownKey = `apt_nokey000_${"x".repeat(43)}`;
const randomAddress = () => `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

async function server(trustedProxies: string, lines: string[] = []): Promise<FunctionsServer> {
  return await startFunctions({
    port: await freePort(),
    env: { SUPABASE_DB_URL: databaseUrl, FUNCTIONS_ONLY: "health,dashboard", REQUEST_LOG: "off", TRUSTED_PROXIES: trustedProxies },
    log: (line) => lines.push(line),
  });
}

/** The address one unknown key from 127.0.0.1 with these headers was counted against. */
async function countedAs(s: FunctionsServer, headers: Record<string, string>, candidates: string[]): Promise<string | null> {
  const res = await fetch(`${s.url}/api/dashboard`, { headers: { authorization: `Bearer ${unknownKey}`, ...headers } });
  expect(res.status).toBe(401);
  const rows = await sql<{ source: string }[]>`select source from app.auth_failures where source = any (${candidates})`;
  return rows.length === 1 ? rows[0].source : rows.length === 0 ? null : "several";
}

describe("TRUSTED_PROXIES", () => {
  const servers: FunctionsServer[] = [];
  let byRange: FunctionsServer;
  let byHops: FunctionsServer;
  beforeAll(async () => {
    // the test's own requests come from 127.0.0.1: that is the trusted proxy here
    servers.push(byRange = await server("10.9.0.0/16, 127.0.0.1"), byHops = await server("2"));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("with the proxies' addresses, takes the first X-Forwarded-For entry from the right that is not one of them", async () => {
    const client = randomAddress();
    const forged = randomAddress();
    expect(await countedAs(byRange, { "x-forwarded-for": `${forged}, ${client}, 10.9.3.4` }, [client, forged])).toBe(client);
  });

  it("with a count of hops, takes the entry that many hops left of the platform's", async () => {
    const client = randomAddress();
    const forged = randomAddress();
    const proxy = randomAddress();
    expect(await countedAs(byHops, { "x-forwarded-for": `${forged}, ${client}, ${proxy}` }, [client, forged, proxy])).toBe(client);
  });

  it("never takes a CF-Connecting-IP a client sent: the server in front replaces it", async () => {
    const forged = randomAddress();
    for (const s of [byRange, byHops]) expect(await countedAs(s, { "cf-connecting-ip": forged }, [forged])).toBe(null);
  });

  it("refuses to start a function with a setting it cannot read, saying why", async () => {
    const lines: string[] = [];
    const broken = await server("proxy.example.com", lines);
    try {
      const res = await fetch(`${broken.url}/api/dashboard`);
      expect(res.status).toBe(503);
      expect(lines.join("\n")).toContain('TRUSTED_PROXIES: "proxy.example.com" is neither an address nor a CIDR range');
    } finally {
      await broken.stop();
    }
  });
});
