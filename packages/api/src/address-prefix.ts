import { isIP } from 'node:net';

/**
 * The network a client address belongs to, for limits that one attacker cannot dodge by hopping addresses
 * inside the block they control: IPv4 /24, IPv6 /64 (the smallest block an ISP routes to one customer).
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, as Node reports IPv4 clients on a dual-stack socket) count as
 * IPv4. Anything that is not an address (e.g. 'unknown' in tests without a socket) is its own network.
 */
export function addressPrefix(address: string): string {
  const bare = address.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  const candidate = mapped?.[1] ?? bare;
  const version = isIP(candidate);
  if (version === 4) return `${candidate.split('.').slice(0, 3).join('.')}.0/24`;
  if (version === 6) return `${expandIpv6(candidate).slice(0, 4).join(':')}::/64`;
  return candidate;
}

/** The eight 16-bit groups of a valid IPv6 address, each without leading zeros. */
function expandIpv6(address: string): string[] {
  let text = address;
  // A trailing embedded IPv4 (e.g. 64:ff9b::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
