import { isIP } from 'node:net';

/**
 * Client addresses and the networks they belong to, for limits that one attacker cannot dodge by hopping
 * addresses inside the block they control.
 *
 * - IPv4: the address itself, and its /24.
 * - IPv6: the address, its /64 (the smallest block an ISP routes to one subscriber, so every address in it is
 *   one attacker's for free) and its /48 (a common allocation to one customer site: 65,536 /64s).
 * - IPv4-mapped IPv6 (`::ffff:a.b.c.d` or `::ffff:0102:0304`, as Node reports IPv4 clients on a dual-stack
 *   socket) counts as IPv4, so one client is one key whichever socket it came through.
 * - Anything that is not an address (e.g. `unknown` when no socket is known) is its own network.
 *
 * Keys are deterministic strings (`192.0.2.0/24`, `2001:db8:0:1::/64`), not necessarily RFC 5952 text.
 */

/** The address in one canonical form: IPv4 dotted, IPv6 as eight groups without leading zeros. */
export function normalizeAddress(address: string): string {
  const parsed = parseAddress(address);
  if (parsed.kind === 'ipv4') return parsed.octets.join('.');
  if (parsed.kind === 'ipv6') return parsed.groups.map((g) => g.toString(16)).join(':');
  return parsed.text;
}

/** The network a limit counts together: IPv4 /24, IPv6 /64. */
export function addressPrefix(address: string): string {
  const parsed = parseAddress(address);
  if (parsed.kind === 'ipv4') return `${parsed.octets.slice(0, 3).join('.')}.0/24`;
  if (parsed.kind === 'ipv6') return `${hexGroups(parsed.groups, 4)}::/64`;
  return parsed.text;
}

/**
 * The wider network above the prefix: IPv6 /48. For IPv4 (where a /24 is already scarce) and for non-addresses
 * it is the prefix itself, so callers can count it without counting twice (compare with `addressPrefix`).
 */
export function addressNetwork(address: string): string {
  const parsed = parseAddress(address);
  if (parsed.kind === 'ipv6') return `${hexGroups(parsed.groups, 3)}::/48`;
  return addressPrefix(address);
}

type Parsed =
  | { readonly kind: 'ipv4'; readonly octets: readonly number[] }
  | { readonly kind: 'ipv6'; readonly groups: readonly number[] }
  | { readonly kind: 'other'; readonly text: string };

function parseAddress(address: string): Parsed {
  // `[::1]` from a URL, `fe80::1%eth0` with a zone: neither part names another network.
  const bare = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return { kind: 'ipv4', octets: bare.split('.').map(Number) };
  if (version !== 6) return { kind: 'other', text: bare };
  const groups = expandIpv6(bare);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return { kind: 'ipv4', octets: [high >> 8, high & 0xff, low >> 8, low & 0xff] };
  }
  return { kind: 'ipv6', groups };
}

function hexGroups(groups: readonly number[], count: number): string {
  return groups
    .slice(0, count)
    .map((g) => g.toString(16))
    .join(':');
}

/** The eight 16-bit groups of a valid IPv6 address (checked by `isIP` before). */
function expandIpv6(address: string): number[] {
  let text = address;
  // A trailing embedded IPv4 (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16));
}
