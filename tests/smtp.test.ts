// The outbox's SMTP client on hosted terms: implicit TLS on 465 unless told otherwise (Edge
// Functions cannot reach ports 25 and 587), and a server that stops answering fails the send
// within its timeouts instead of holding the function until its wall clock ends.
import { execFile } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { denoBinary } from "../scripts/lib/paths.ts";

function send(env: Record<string, string>, args: string[] = []): Promise<{ config: Record<string, unknown> | null; error: string | null; ms: number }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SMTP_")));
  return new Promise((resolve, reject) => {
    execFile(denoBinary(), ["run", "--allow-all", "--no-prompt", "tests/fixtures/smtp-send.ts", ...args], { env: { ...clean, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))));
  });
}

/** Accepts connections and never says a word (nor reads one). */
let silent: Server;
let silentPort = 0;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.pause();
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(() => {
  sockets.forEach((s) => s.destroy());
  silent.close();
});

describe("the SMTP client", () => {
  it("defaults to implicit TLS on port 465", async () => {
    const { config } = await send({ SMTP_HOST: "smtp.example.com" }, ["config-only"]);
    expect(config).toMatchObject({ tls: "tls", port: 465, connectTimeoutMs: 10_000, readTimeoutMs: 10_000, timeoutMs: 30_000 });
    const starttls = await send({ SMTP_HOST: "smtp.example.com", SMTP_TLS: "starttls" }, ["config-only"]);
    expect(starttls.config).toMatchObject({ tls: "starttls", port: 587 });
  });

  it("gives up on a server that never greets within its read timeout", async () => {
    const { error, ms } = await send({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(silentPort), SMTP_TLS: "none", SMTP_READ_TIMEOUT_MS: "500" });
    expect(error).toMatch(/SMTP read timed out after 500 ms/);
    expect(ms).toBeLessThan(5000);
  });

  it("gives up on a TLS server that never answers the handshake within its connect timeout", async () => {
    const { error, ms } = await send({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(silentPort), SMTP_CONNECT_TIMEOUT_MS: "500", SMTP_READ_TIMEOUT_MS: "500" });
    expect(error).toMatch(/timed out after 500 ms/);
    expect(ms).toBeLessThan(5000);
  });

  it("bounds the whole message too", async () => {
    const { error } = await send({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(silentPort), SMTP_TLS: "none", SMTP_TIMEOUT_MS: "300" });
    expect(error).toMatch(/SMTP read timed out after (2|3)\d\d ms/);
  });
});
