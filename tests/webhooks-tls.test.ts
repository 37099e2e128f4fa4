// Deliveries over HTTPS: the certificate is verified against the URL's host name, which is also
// the TLS server name and the Host header, while the connection goes to the checked address.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { fileURLToPath } from "node:url";
import { deliverOnce } from "./helpers.ts";
import { verifyWebhook } from "../clients/typescript/src/index.ts";

const fixture = (name: string) => readFileSync(new URL(`fixtures/tls/${name}`, import.meta.url));

interface Seen {
  host?: string;
  servername?: string | false;
  signature?: string;
  body: string;
}

async function httpsReceiver(cert: string): Promise<{ port: number; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer({ key: fixture(`${cert}.key`), cert: fixture(`${cert}.pem`) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      seen.push({ host: req.headers.host, servername: (req.socket as { servername?: string | false }).servername,
        signature: req.headers["x-pmai-signature"] as string, body: Buffer.concat(chunks).toString() });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as { port: number }).port, seen, server };
}

describe("webhook deliveries over HTTPS", () => {
  it("verify the certificate against the URL's host, send it as the TLS name and Host, and sign as usual", async () => {
    const good = await httpsReceiver("localhost");
    const wrongName = await httpsReceiver("other");
    // Both certificates come from the trusted test CA; only the name can fail.
    const ca = fileURLToPath(new URL("fixtures/tls/ca.pem", import.meta.url));
    try {
      const [ok, mismatch] = await deliverOnce(
        [`https://localhost:${good.port}/hook`, `https://localhost:${wrongName.port}/hook`],
        { DENO_CERT: ca },
      );
      expect(ok).toMatchObject({ ok: true, status_code: 200, error: null });
      expect(good.seen).toHaveLength(1);
      expect(good.seen[0]).toMatchObject({ host: `localhost:${good.port}`, servername: "localhost" });
      await expect(verifyWebhook({ body: good.seen[0].body, signature: good.seen[0].signature, secrets: "whsec_fixture" })).resolves.toBeTruthy();
      expect(mismatch).toMatchObject({ ok: false, status_code: null });
      expect(mismatch.error).toMatch(/certificate not valid for name "localhost"/);
      expect(wrongName.seen).toHaveLength(0);

      // Without trusting the test certificates, nothing is delivered.
      const [untrusted] = await deliverOnce([`https://localhost:${good.port}/hook`], {});
      expect(untrusted).toMatchObject({ ok: false, status_code: null });
      expect(untrusted.error).toMatch(/certificate/i);
      expect(good.seen).toHaveLength(1);
    } finally {
      good.server.close();
      wrongName.server.close();
    }
  }, 120_000);
});
