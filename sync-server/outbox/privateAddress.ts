import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { fail, ok, type Result } from '../../shared/result';

/**
 * Addresses a webhook may not point at unless DABBA_WEBHOOKS_ALLOW_PRIVATE=1: this machine, private and
 * shared networks, link-local (cloud metadata services live at 169.254.169.254), and what no public host
 * has. Otherwise an admin account, or whoever took one, could make the server probe its own network.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** IPv4-mapped and NAT64 IPv6 addresses count as private whatever they carry; so does what is not an address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // Written either way (::ffff:7f00:1 is how URLs spell ::ffff:127.0.0.1); no public host needs one.
  if (family === 6 && /^::ffff:/i.test(address)) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type AddressRefusal = 'private_address' | 'unresolvable_host';

/** Every address a host name resolves to; tests pass their own to play a name that points elsewhere. */
export type ResolveHost = (host: string) => Promise<string[]>;

/** What getaddrinfo says, as the rest of the process would connect. */
export const systemResolveHost: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The address a delivery connects to: the one that was checked, so a second resolution cannot swap it. */
export interface PinnedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

const hostOf = (url: string): string => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Resolves `url`'s host once and picks the address to connect to. Every address it resolves to must be
 * public (unless `allowPrivate`): a name with one private address among public ones is refused, since
 * which one a client picks is not ours to say. Called before each delivery, whose connection is then made
 * to the returned address only (postEvent.ts), so a name re-pointed between check and connect (DNS
 * rebinding) cannot reach this machine or its network.
 */
export async function resolveWebhookHost(
  url: string,
  allowPrivate: boolean,
  resolve: ResolveHost = systemResolveHost,
): Promise<Result<PinnedAddress, AddressRefusal>> {
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  } catch {
    return fail('unresolvable_host', `The host ${host} could not be resolved.`);
  }
  const first = addresses.find((a) => isIP(a) !== 0);
  if (first === undefined) return fail('unresolvable_host', `The host ${host} could not be resolved.`);
  const inside = allowPrivate ? undefined : addresses.find(isPrivateAddress);
  if (inside !== undefined) {
    return fail('private_address', `${host} is a loopback, private or link-local address (${inside}); webhooks go to public hosts only.`);
  }
  return ok({ address: first, family: isIP(first) === 6 ? 6 : 4 });
}

/**
 * Whether `url`'s host is somewhere webhooks may go, at registration: every address it resolves to must be
 * public. Deliveries check again and pin what they checked (resolveWebhookHost), as a name may be pointed
 * elsewhere later.
 */
export async function checkWebhookHost(
  url: string,
  allowPrivate: boolean,
  resolve: ResolveHost = systemResolveHost,
): Promise<Result<undefined, AddressRefusal>> {
  if (allowPrivate) return ok();
  const pinned = await resolveWebhookHost(url, false, resolve);
  return pinned.ok ? ok() : pinned;
}
