// Where webhooks may go: public unicast addresses only. Checked when an endpoint is registered
// or changed, and again before every attempt on the addresses the host resolves to then, so a
// name that later points at a private address is refused too; the attempt then connects to an
// address that was checked (deliver.ts), so a second, different resolution cannot slip past. WEBHOOK_ALLOW_LOOPBACK=true (set
// by the dev stack and the tests only) lets loopback receivers (127.0.0.0/8, ::1) through, and
// plain http to them; private, link-local and metadata addresses are refused regardless.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export const allowLoopback = Deno.env.get("WEBHOOK_ALLOW_LOOPBACK") === "true";

export class ForbiddenDestination extends Error {}

type Range = [bigint, number];

function v4ToBig(ip: string): bigint {
  return ip.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBig(ip: string): bigint {
  let text = ip.toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  // a trailing dotted quad (::ffff:10.0.0.1) becomes two hextets
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v = v4ToBig(quad[1]);
    text = text.slice(0, -quad[1].length) + `${(v >> 16n).toString(16)}:${(v & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
}

const V4_BLOCKED: Range[] = ([
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as [string, number][]).map(([a, p]) => [v4ToBig(a), p]);
const V4_LOOPBACK: Range = [v4ToBig("127.0.0.0"), 8];

const V6_BLOCKED: Range[] = ([
  ["::", 128], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
  ["2001::", 32], // Teredo
] as [string, number][]).map(([a, p]) => [v6ToBig(a), p]);

const inRange = (value: bigint, [base, prefix]: Range, bits: number) =>
  value >> BigInt(bits - prefix) === base >> BigInt(bits - prefix);

/** Why `ip` may not receive webhooks, or null when it may. */
export function forbiddenAddress(ip: string, loopbackAllowed = allowLoopback): string | null {
  const family = isIP(ip.replace(/^\[|\]$/g, ""));
  if (family === 4) {
    const v = v4ToBig(ip);
    if (inRange(v, V4_LOOPBACK, 32)) return loopbackAllowed ? null : "a loopback address";
    if (V4_BLOCKED.some((r) => inRange(v, r, 32)) || v === 0xffffffffn) return "a private, link-local or reserved address";
    return null;
  }
  if (family === 6) {
    const v = v6ToBig(ip);
    if (v === 1n) return loopbackAllowed ? null : "a loopback address";
    // IPv4 embedded in IPv6: mapped, compatible, NAT64 and 6to4 carry a v4 address to check
    const low32 = v & 0xffffffffn;
    const v4 = [Number(low32 >> 24n), Number((low32 >> 16n) & 255n), Number((low32 >> 8n) & 255n), Number(low32 & 255n)].join(".");
    if (v >> 32n === 0xffffn || v >> 32n === 0n) return forbiddenAddress(v4, loopbackAllowed);
    if (v >> 32n === 0x64ff9b0000000000000000n) return forbiddenAddress(v4, loopbackAllowed);
    if (v >> 112n === 0x2002n) {
      const e = (v >> 80n) & 0xffffffffn;
      return forbiddenAddress([e >> 24n, (e >> 16n) & 255n, (e >> 8n) & 255n, e & 255n].map(Number).join("."), loopbackAllowed);
    }
    if (V6_BLOCKED.some((r) => inRange(v, r, 128))) return "a private, link-local or reserved address";
    return null;
  }
  return "not an IP address";
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
    throw new ForbiddenDestination(`the host ${host} could not be resolved.`);
  }
  if (!addresses.length) throw new ForbiddenDestination(`the host ${host} has no address.`);
  for (const address of addresses) {
    const why = forbiddenAddress(address, loopbackAllowed);
    if (why) throw new ForbiddenDestination(`the host ${host} resolves to ${address}, ${why}.`);
  }
  return addresses;
}
