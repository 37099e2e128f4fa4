// Request bodies: every route that reads one refuses more than 1,000,000 bytes with 413, counting
// bytes, not characters, and stops reading a chunked body at the limit instead of reading on.
import { describe, expect, it } from "vitest";
import { request as httpRequest } from "node:http";
import { newTenantOrg } from "./fixtures/index.ts";
import { functionsUrl } from "./helpers.ts";

const LIMIT = 1_000_000;
const CHUNK = Buffer.alloc(64 * 1024, "a");

interface Streamed {
  status: number;
  body: string;
  requestId: string | undefined;
  /** bytes of body the server had taken when its answer arrived */
  sentBeforeAnswer: number;
  ms: number;
}

/**
 * POSTs a chunked body (no Content-Length) of up to `maxBytes` (a JSON string of "a"s), honouring
 * back-pressure, until the server answers; the rest is never sent.
 */
function streamBody(path: string, headers: Record<string, string>, maxBytes: number): Promise<Streamed> {
  const url = new URL(`${functionsUrl}/api${path}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname, method: "POST",
      headers: { ...headers, "transfer-encoding": "chunked" },
    }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode!, body, requestId: res.headers["x-request-id"] as string | undefined, sentBeforeAnswer, ms: Date.now() - started });
        req.destroy();
      });
    });
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    req.write('"');
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", pump);
      }
      if (!answered) req.end('"');
    };
    pump();
  });
}

/** Sends `body` as chunked (no Content-Length), in one piece. */
function chunked(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  const url = new URL(`${functionsUrl}/api${path}`);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname, method: "POST",
      headers: { ...headers, "transfer-encoding": "chunked" },
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("request bodies", () => {
  it("refuses a 100 MB chunked body with 413 long before its end, with our JSON error and request id", async () => {
    const { key } = await newTenantOrg(["admin:api_keys"]);
    const res = await streamBody("/api-keys", { authorization: `Bearer ${key}`, "content-type": "application/json" }, 100_000_000);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ error: `The body is larger than ${LIMIT} bytes.` });
    expect(res.requestId).toMatch(/^req_[0-9a-f]{32}$/);
    // the server answered once it had counted past the limit, not after the 100 MB
    expect(res.sentBeforeAnswer).toBeLessThan(20_000_000);
  });

  it("answers a chunked body that never ends with 413, promptly", async () => {
    const { key } = await newTenantOrg(["admin:api_keys"]);
    // Infinity: the client would send forever; only the server's answer stops it
    const res = await streamBody("/api-keys", { authorization: `Bearer ${key}`, "content-type": "application/json" }, Infinity);
    expect(res.status).toBe(413);
    expect(res.ms).toBeLessThan(10_000);
  });

  it("counts bytes: multi-byte text just over 1 MB in bytes but under it in UTF-16 units is 413", async () => {
    const { key } = await newTenantOrg(["admin:api_keys"]);
    const name = "é".repeat(LIMIT / 2); // 2 bytes each in UTF-8, 1 UTF-16 unit
    const body = Buffer.from(JSON.stringify({ name, scopes: ["read:dashboard"] }));
    expect(body.length).toBeGreaterThan(LIMIT);
    expect(body.toString("utf8").length).toBeLessThan(LIMIT);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    expect(await chunked("/api-keys", headers, body)).toMatchObject({ status: 413 });
    // with a Content-Length the same body is refused before it is read
    const res = await fetch(`${functionsUrl}/api/api-keys`, { method: "POST", headers, body });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: `The body is larger than ${LIMIT} bytes.` });
  });

  it("applies the limit to optional bodies, to an empty-body check and to the Idempotency-Key path", async () => {
    const { key } = await newTenantOrg(["write:applications", "ai:run", "read:payments", "read:vendors"]);
    const auth = { authorization: `Bearer ${key}` };
    const json = { ...auth, "content-type": "application/json" };
    // optionalJsonBody reads before it looks at the content type; the id need not exist: the body comes first
    const cases: [string, Record<string, string>][] = [
      ["/applications/appl_01H00000000000000000000000/approve", auth],
      ["/ai-delinquency-prioritizer", auth],
      ["/ai-vendor-summary", { ...json, "idempotency-key": "bodies-test-1" }],
      ["/ai-delinquency-prioritizer", { ...json, "idempotency-key": "bodies-test-2" }],
    ];
    for (const [path, headers] of cases) {
      const res = await streamBody(path, headers, 100_000_000);
      expect({ path, status: res.status, body: res.body }).toEqual({
        path, status: 413, body: JSON.stringify({ error: `The body is larger than ${LIMIT} bytes.` }),
      });
      expect(res.sentBeforeAnswer).toBeLessThan(20_000_000);
    }
  });

  it("still reads a chunked body under the limit", async () => {
    const { key } = await newTenantOrg(["admin:api_keys"]);
    const body = Buffer.from(JSON.stringify({ name: `é${"x".repeat(900_000)}`, scopes: ["read:dashboard"] }));
    // the name is too long for the schema: a 400 from validation shows the body was read whole
    const res = await chunked("/api-keys", { authorization: `Bearer ${key}`, "content-type": "application/json" }, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/^name /);
  });
});
