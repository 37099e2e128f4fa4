// Every IPv6 form that carries a forbidden IPv4 address is refused, as the IPv4 address itself is;
// the same forms carrying a public address are not (registration and delivery share forbiddenAddress).
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { newTenantOrg } from "./fixtures/index.ts";

const refused: [string, string][] = [
  ["https://[::ffff:10.0.0.1]/", "IPv4-mapped (RFC 4291)"],
  ["https://[::ffff:0:a00:1]/", "SIIT IPv4-translated 10.0.0.1 (RFC 6145/7915)"],
  ["https://[::ffff:0:a9fe:a9fe]/", "SIIT IPv4-translated 169.254.169.254"],
  ["https://[::ffff:0:c0a8:1]/", "SIIT IPv4-translated 192.168.0.1"],
  ["https://[64:ff9b::a00:1]/", "NAT64 well-known prefix, 10.0.0.1 (RFC 6052)"],
  ["https://[64:ff9b::a9fe:a9fe]/", "NAT64 well-known prefix, 169.254.169.254"],
  ["https://[64:ff9b:1::a00:1]/", "NAT64 local-use prefix (RFC 8215)"],
  ["https://[64:ff9b:1::808:808]/", "NAT64 local-use prefix, even with a public address"],
  ["https://[2002:a9fe:a9fe::1]/", "6to4 of 169.254.169.254 (RFC 3056)"],
  ["https://[2002:c0a8:1::]/", "6to4 of 192.168.0.1"],
  ["https://[::a00:1]/", "IPv4-compatible (deprecated, RFC 4291)"],
  ["https://[::808:808]/", "IPv4-compatible, even with a public address"],
  ["https://[2001::1]/", "Teredo (RFC 4380)"],
  ["https://[2001:db8::1]/", "documentation (RFC 3849)"],
  ["https://[100::1]/", "discard-only (RFC 6666)"],
  ["https://[fec0::1]/", "site-local (deprecated)"],
];

const accepted: [string, string][] = [
  ["https://[::ffff:8.8.8.8]/", "IPv4-mapped public address"],
  ["https://[::ffff:0:808:808]/", "SIIT public address"],
  ["https://[64:ff9b::808:808]/", "NAT64 well-known prefix, public address"],
  ["https://[2002:808:808::1]/", "6to4 of a public address"],
  ["https://[2606:4700:4700::1111]/", "global unicast"],
];

describe("SSRF: IPv6 forms embedding IPv4", () => {
  it("refuses each form that embeds a forbidden address, naming the address", async () => {
    const org = await newTenantOrg();
    for (const [url, form] of refused) {
      const res = await call("/webhook-endpoints", { method: "POST", key: org.key, json: { url } });
      expect(res.status, form).toBe(400);
      expect(res.body.error, form).toMatch(/^url: .* is a (private, link-local or reserved|loopback) address; webhooks go to public addresses only\.$/);
    }
  });

  it("accepts the same forms when they embed a public address", async () => {
    const org = await newTenantOrg();
    for (const [url, form] of accepted) {
      const res = await call("/webhook-endpoints", { method: "POST", key: org.key, json: { url } });
      expect(res.status, `${form}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });
});
