// The client's address, as far as it can be trusted: what the guessing throttle counts by
// (app.auth_failures). why: docs/decisions/0011-throttle-guesses-not-keys.md
//
// The platform's edge writes one address no client can choose: on hosted Supabase, Cloudflare's
// CF-Connecting-IP (it replaces one a client sends; X-Forwarded-For keeps whatever the client
// sent, and may end in the platform's own hops); on the local stack, the functions server's
// peer address (it overwrites a CF-Connecting-IP a client sends). Proxies of your own in front
// of the platform (e.g. app.aptoria.ai) make that address theirs: TRUSTED_PROXIES names them,
// and the client is then read from X-Forwarded-For, right to left, past the trusted hops only.
//
//   TRUSTED_PROXIES unset or empty   the address the platform's edge saw (the default)
//   TRUSTED_PROXIES=2                two proxies of your own, one behind the other
//   TRUSTED_PROXIES=203.0.113.0/24,2001:db8::7   your proxies' addresses (CIDR ranges or addresses)
import { ipaddr } from "./deps.ts";

export type ProxyTrust = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** TRUSTED_PROXIES read: a count of hops, or a list of addresses and CIDR ranges. */
export function parseTrustedProxies(setting: string | undefined): ProxyTrust {
  const text = setting?.trim() ?? "";
  if (text === "") return { hops: 0 };
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const ranges = text.split(",").map((s) => s.trim()).filter(Boolean).map((entry) => {
    try {
      return entry.includes("/") ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128];
    } catch {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR range (expected e.g. 2, or 203.0.113.0/24,2001:db8::7).`);
    }
  }) as [ipaddr.IPv4 | ipaddr.IPv6, number][];
  return { ranges };
}

function inRanges(address: string, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process(): an IPv4-mapped IPv6 address (::ffff:203.0.113.9) is the IPv4 address it carries
  const parsed = ipaddr.process(address);
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The client's address: `seen` (what the platform's edge saw) unless it is a trusted proxy's,
 * then each X-Forwarded-For entry to its left in turn, while that too is a trusted proxy's.
 */
export function clientAddressOf(seen: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  const trusted = (address: string, hop: number) => ("hops" in trust ? hop < trust.hops : inRanges(address, trust.ranges));
  if ("hops" in trust && trust.hops === 0) return seen.slice(0, 64);
  const entries = forwardedFor?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  // The platform's edge appends what it saw to X-Forwarded-For; the entries before it came with the request.
  const at = entries.lastIndexOf(seen);
  const before = at >= 0 ? entries.slice(0, at) : entries;
  let address = seen;
  for (let hop = 0, i = before.length - 1; i >= 0 && trusted(address, hop); hop++, i--) address = before[i];
  return address.slice(0, 64);
}
