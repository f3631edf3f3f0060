import { isIPv6 } from 'node:net';

/** Groups an IPv6 address has; an embedded dotted IPv4 tail stands for two. */
const groupCount = (groups: readonly string[]): number => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);

/**
 * The key a client is rate-limited by: an IPv4 address as it is (IPv4-mapped IPv6 included), and
 * for IPv6 its /64 network, since one subscriber is routinely given a whole /64 to pick addresses from.
 */
export function rateLimitKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? before : [...before, ...Array<string>(8 - groupCount(before) - groupCount(after)).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
