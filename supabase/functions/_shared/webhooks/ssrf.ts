// Where webhooks may go: public unicast addresses only. Checked when an endpoint is registered
// or changed, and again before every attempt on the addresses the host resolves to then, so a
// name that later points at a private address is refused too; the attempt then connects to an
// address that was checked (deliver.ts), so a second, different resolution cannot slip past. WEBHOOK_ALLOW_LOOPBACK=true (set
// by the dev stack and the tests only) lets loopback receivers (127.0.0.0/8, ::1) through, and
// plain http to them; private, link-local and metadata addresses are refused regardless.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ipaddr } from "../deps.ts";

export const allowLoopback = Deno.env.get("WEBHOOK_ALLOW_LOOPBACK") === "true";

export class ForbiddenDestination extends Error {}
/** A host that did not resolve: refused now, but DNS can recover, so a delivery tries again. */
export class UnresolvedHost extends ForbiddenDestination {}

// Address ranges come from ipaddr.js (maintained, and it names RFC 6052/8215 NAT64, RFC 6145 SIIT,
// 6to4 and the other special IPv6 blocks); only the ranges that embed an IPv4 address need us.
const FORBIDDEN = "a private, link-local or reserved address";

/** The IPv4 address an IPv6 address carries in a form that reaches it (mapped, SIIT, NAT64, 6to4), if any. */
function embeddedV4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = v6.toByteArray();
  const v4 = (at: number) => new ipaddr.IPv4(b.slice(at, at + 4));
  switch (v6.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d (SIIT, RFC 6145/7915)
      return v4(12);
    case "rfc6052": // 64:ff9b::a.b.c.d; the local-use 64:ff9b:1::/48 (RFC 8215) is refused whole below
      return v6.match(ipaddr.IPv6.parse("64:ff9b::"), 96) ? v4(12) : null;
    case "6to4": // 2002:AABB:CCDD::/48
      return v4(2);
    default:
      return null;
  }
}

/** Why `ip` may not receive webhooks, or null when it may. */
export function forbiddenAddress(ip: string, loopbackAllowed = allowLoopback): string | null {
  const text = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!isIP(text)) return "not an IP address";
  const address = ipaddr.parse(text);
  if (address.kind() === "ipv6") {
    const v6 = address as ipaddr.IPv6;
    const v4 = embeddedV4(v6);
    if (v4) return forbiddenAddress(v4.toString(), loopbackAllowed);
    // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291) has no range of its own in ipaddr.js
    if (v6.match(ipaddr.IPv6.parse("::"), 96) && v6.range() !== "loopback") return FORBIDDEN;
  }
  const range = address.range();
  if (range === "unicast") return null;
  if (range === "loopback") return loopbackAllowed ? null : "a loopback address";
  return FORBIDDEN;
}

/** Checks a URL's form: https (or http to loopback when allowed), no credentials, a real host. Returns the normalized URL. */
export function checkUrl(raw: string, loopbackAllowed = allowLoopback): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ForbiddenDestination("url: not a valid absolute URL.");
  }
  if (url.username || url.password) throw new ForbiddenDestination("url: credentials in the URL are not allowed.");
  if (url.hash) throw new ForbiddenDestination("url: a fragment (#...) is not allowed.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw new ForbiddenDestination("url: a host is required.");
  const literal = isIP(host) !== 0;
  if (url.protocol === "http:") {
    const loopback = literal ? forbiddenAddress(host, true) === null && forbiddenAddress(host, false) !== null : host === "localhost";
    if (!(loopbackAllowed && loopback)) throw new ForbiddenDestination("url: must use https.");
  } else if (url.protocol !== "https:") {
    throw new ForbiddenDestination("url: must use https.");
  }
  if (literal) {
    const why = forbiddenAddress(host, loopbackAllowed);
    if (why) throw new ForbiddenDestination(`url: ${host} is ${why}; webhooks go to public addresses only.`);
  }
  return url;
}

// Resolutions are cached briefly so a burst to one host does not resolve it per attempt.
const resolved = new Map<string, { at: number; result: Promise<string[]> }>();
const RESOLVE_TTL_MS = 30_000;

function resolve(host: string): Promise<string[]> {
  const cached = resolved.get(host);
  if (cached && Date.now() - cached.at < RESOLVE_TTL_MS) return cached.result;
  const result = lookup(host, { all: true, verbatim: true }).then((r) => r.map((a) => a.address));
  resolved.set(host, { at: Date.now(), result });
  result.catch(() => resolved.delete(host));
  return result;
}

/**
 * Resolves the URL's host and refuses it when any address it resolves to is forbidden (a name
 * with one public and one private address is refused: the client may pick either). Returns the
 * checked addresses: a delivery connects to one of them, not to a fresh resolution.
 */
export async function checkDestination(url: URL, loopbackAllowed = allowLoopback): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const why = forbiddenAddress(host, loopbackAllowed);
    if (why) throw new ForbiddenDestination(`${host} is ${why}.`);
    return [host];
  }
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new UnresolvedHost(`the host ${host} could not be resolved.`);
  }
  if (!addresses.length) throw new UnresolvedHost(`the host ${host} has no address.`);
  for (const address of addresses) {
    const why = forbiddenAddress(address, loopbackAllowed);
    if (why) throw new ForbiddenDestination(`the host ${host} resolves to ${address}, ${why}.`);
  }
  return addresses;
}
