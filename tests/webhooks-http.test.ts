// The dispatcher's HTTP/1.1 client (supabase/functions/_shared/webhooks/http1.ts) against
// receivers that answer in every way HTTP allows, and some it does not: the status and the first
// kilobyte are what an attempt keeps, kept-alive connections carry the next attempts, and a
// connection the server closed while idle costs no failed attempt.
import { afterEach, describe, expect, it } from "vitest";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { deliverOnce } from "./helpers.ts";
import { verifyWebhook } from "../clients/typescript/src/index.ts";

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A Node HTTP server; counts the connections it accepted and the requests whose signature verified. */
async function httpReceiver(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const stats = { connections: 0, verified: 0 };
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      verifyWebhook({ body: Buffer.concat(chunks), signature: req.headers["x-pmai-signature"] as string | undefined, secrets: "whsec_fixture" })
        .then(() => stats.verified++, () => {})
        .finally(() => handle(req, res));
    });
  });
  server.on("connection", () => stats.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server as unknown as Server);
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, stats };
}

/** A TCP server that reads one request head and then writes `answer` (raw bytes) as it likes. */
async function rawReceiver(answer: (socket: Socket) => void, connected = () => {}) {
  const server = createTcpServer((socket) => {
    connected();
    let seen = "";
    socket.on("data", (d) => {
      seen += d.toString("latin1");
      if (seen.includes("\r\n\r\n")) {
        seen = "";
        answer(socket);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
}

describe("the dispatcher's HTTP client", () => {
  it("keeps connections alive across attempts, with and without Content-Length (chunked)", async () => {
    const r = await httpReceiver((req, res) => {
      if (req.url === "/hook") res.end("fixed length");
      else {
        res.write("chunk one, ");
        res.end("chunk two");
      }
    });
    const outcomes = await deliverOnce([r.url, `${r.url}/chunked`, r.url, `${r.url}/chunked`]);
    expect(outcomes.map((o) => [o.ok, o.status_code, o.response_body])).toEqual([
      [true, 200, "fixed length"], [true, 200, "chunk one, chunk two"], [true, 200, "fixed length"], [true, 200, "chunk one, chunk two"],
    ]);
    expect(r.stats).toEqual({ connections: 1, verified: 4 });
  }, 60_000);

  it("keeps the first kilobyte of a long body, and a long body does not block the next attempt", async () => {
    const r = await httpReceiver((req, res) => {
      res.writeHead(req.url === "/hook/big" ? 500 : 200);
      res.end(req.url === "/hook/big" ? "x".repeat(1_000_000) : "ok");
    });
    const [big, next] = await deliverOnce([`${r.url}/big`, r.url]);
    expect(big).toMatchObject({ ok: false, status_code: 500, error: "HTTP 500" });
    expect(big.response_body).toBe("x".repeat(1024));
    expect(next).toMatchObject({ ok: true, status_code: 200, response_body: "ok" });
    expect(r.stats.verified).toBe(2);
  }, 60_000);

  it("sends the attempt again on a new connection when the server closed the idle one", async () => {
    // the server closes each connection 100 ms after answering; the second attempt comes after 500 ms
    let connections = 0;
    const url = await rawReceiver((s) => {
      s.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
      setTimeout(() => s.end(), 100);
    }, () => connections++);
    const outcomes = await deliverOnce([url, "sleep:500", url]);
    expect(outcomes.map((o) => [o.ok, o.response_body])).toEqual([[true, "ok"], [true, "ok"]]);
    expect(connections).toBe(2);
  }, 60_000);

  it("reads a body that runs to the end of the connection, skips interim 1xx answers, and accepts HTTP/1.0", async () => {
    const closing = await rawReceiver((s) => s.end("HTTP/1.1 202 Accepted\r\ncontent-type: text/plain\r\n\r\nuntil the end"));
    const interim = await rawReceiver((s) =>
      s.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 4\r\n\r\ndone"));
    const old = await rawReceiver((s) => s.end("HTTP/1.0 204 No Content\r\n\r\n"));
    const outcomes = await deliverOnce([closing, interim, old, closing]);
    expect(outcomes.map((o) => [o.ok, o.status_code, o.response_body])).toEqual([
      [true, 202, "until the end"], [true, 201, "done"], [true, 204, ""], [true, 202, "until the end"],
    ]);
  }, 60_000);

  it("turns a response that is not HTTP, or a connection closed without an answer, into a failed attempt", async () => {
    const garbage = await rawReceiver((s) => s.end("SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    const silent = await rawReceiver((s) => s.end());
    const cut = await rawReceiver((s) => s.end("HTTP/1.1 200 OK\r\ncontent-le"));
    const [g, si, c] = await deliverOnce([garbage, silent, cut]);
    expect(g).toMatchObject({ ok: false, status_code: null, error: "MalformedResponse: not an HTTP/1.x response" });
    expect(si).toMatchObject({ ok: false, status_code: null, error: "MalformedResponse: connection closed without a response" });
    expect(c).toMatchObject({ ok: false, status_code: null, error: "MalformedResponse: connection closed in the response headers" });
  }, 60_000);

  it("times out a body that stops arriving, even after a 2xx status", async () => {
    const stalled = await rawReceiver((s) => s.write("HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nonly this"));
    const [o] = await deliverOnce(["timeout:500", stalled]);
    expect(o).toMatchObject({ ok: false, status_code: null, error: "timed out after 500 ms" });
  }, 60_000);
});
