// Long URLs and headers are answered by our code, as JSON with X-Request-Id, before they reach
// the runtime's own limit; past it (and for bytes HTTP forbids) Deno answers a bare 400 that no
// function sees: docs/api.md#limits says which.
import { describe, expect, it } from "vitest";
import { connect } from "node:net";
import { functionsUrl } from "./helpers.ts";

/** One raw HTTP/1.1 request (so any bytes can be sent); the status, headers and body. */
function raw(path: string, headers: string[] = []): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const url = new URL(functionsUrl);
  return new Promise((resolve, reject) => {
    // write, not end: the runtime drops a request whose client half-closes before the answer
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${headers.map((h) => `${h}\r\n`).join("")}Connection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on("data", (d: Buffer) => chunks.push(d));
    // A server that answers before reading a whole oversized head closes with bytes unread, and
    // the kernel resets the connection: the answer that came before the reset is the answer.
    socket.on("error", (error) => (chunks.length ? answered() : reject(error)));
    socket.on("close", answered);
    let done = false;
    function answered() {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString("latin1");
      const [head, ...rest] = text.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const parsed = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers: parsed, body: rest.join("\r\n\r\n") });
    }
  });
}

function expectJsonError(res: Awaited<ReturnType<typeof raw>>, status: number, message: string) {
  expect(res.status).toBe(status);
  expect(res.headers["x-request-id"]).toMatch(/^req_/);
  expect(JSON.parse(res.body.includes("{") ? res.body.slice(res.body.indexOf("{"), res.body.lastIndexOf("}") + 1) : res.body))
    .toEqual({ error: message });
}

describe("request bounds", () => {
  it("answers a URL over 8192 characters with 414 and a request id", async () => {
    expectJsonError(await raw(`/api/dashboard?q=${"a".repeat(10_000)}`), 414, "The URL is longer than 8192 characters.");
    expectJsonError(await raw(`/functions/v1/properties/${"p".repeat(40_000)}`), 414, "The URL is longer than 8192 characters.");
  });

  it("answers an Authorization header over 8192 characters with 431 and a request id", async () => {
    expectJsonError(await raw("/api/dashboard", [`Authorization: Bearer ${"a".repeat(10_000)}`]), 431,
      "The authorization header is longer than 8192 characters.");
    expectJsonError(await raw("/api/dashboard", [`Authorization: Bearer ${"a".repeat(60_000)}`]), 431,
      "The authorization header is longer than 8192 characters.");
  });

  it("cannot answer what the runtime refuses first: a head over 64 KiB, or a NUL in a header (a bare 400)", async () => {
    for (const res of [
      await raw(`/api/dashboard?q=${"a".repeat(100_000)}`),
      await raw("/api/dashboard", [`Authorization: Bearer ${"a".repeat(100_000)}`]),
      await raw("/api/dashboard", ["Authorization: Bearer apt_abc\0def"]),
    ]) {
      expect(res.status).toBe(400);
      expect(res.headers["x-request-id"]).toBeUndefined();
      expect(res.headers["content-length"]).toBe("0");
    }
  });
});
