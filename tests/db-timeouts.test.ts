// The functions' statement timeout (db.ts), on a functions server of its own over the shared
// database: a write stuck behind a lock is cancelled at the timeout and answered 503 with
// Retry-After, and does not commit later when the lock goes (the abandoned-POST case of issue 19:
// a client that gave up must not find its write applied afterwards).
import { describe, expect, it } from "vitest";
import { startFunctions } from "../scripts/lib/functions.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { databaseUrl, sql } from "./helpers.ts";
import { newTenant, newTenantOrg } from "./fixtures/index.ts";

describe("the statement timeout", () => {
  it("cancels a write stuck behind a lock: 503 with Retry-After at the timeout, and it never commits later", async () => {
    const org = await newTenantOrg();
    const tenant = await newTenant(org.id, { name: "Before" });
    const server = await startFunctions({
      port: await freePort(),
      env: { SUPABASE_DB_URL: databaseUrl, FUNCTIONS_ONLY: "health,tenants", DB_STATEMENT_TIMEOUT_MS: "500", REQUEST_LOG: "off" },
      log: () => {},
    });
    const rename = (name: string) =>
      fetch(`${server.url}/api/tenants/${tenant}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${org.key}`, "content-type": "application/json" },
        body: JSON.stringify({ name }),
      });
    try {
      const answer = await sql.begin(async (tx) => {
        await tx`select 1 from app.tenants where id = ${tenant} for update`;
        const began = Date.now();
        const res = await rename("After");
        const seen = { ms: Date.now() - began, status: res.status, body: await res.json(), headers: res.headers };
        // the lock is held a while longer: a write still waiting would commit once it goes
        await new Promise((r) => setTimeout(r, 300));
        return seen;
      });
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ error: expect.stringMatching(/did not answer in time; nothing was changed/) });
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.headers.get("x-request-id")).toMatch(/^req_/);
      expect(answer.ms).toBeGreaterThanOrEqual(450);
      expect(answer.ms).toBeLessThan(3000);
      const [row] = await sql`select name from app.tenants where id = ${tenant}`;
      expect(row.name).toBe("Before");

      const again = await rename("After");
      expect(again.status).toBe(200);
      expect((await again.json()).name).toBe("After");
    } finally {
      await server.stop();
    }
  });
});
