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

/**
 * Whether `url`'s host is somewhere webhooks may go: every address it resolves to must be public. Checked
 * at registration and again before each delivery (a name may be pointed elsewhere later). What it cannot
 * stop: a name that resolves to a public address here and to a private one when fetch resolves it again.
 */
export async function checkWebhookHost(url: string, allowPrivate: boolean): Promise<Result<undefined, AddressRefusal>> {
  if (allowPrivate) return ok();
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return fail('unresolvable_host', `The host ${host} could not be resolved.`);
  }
  if (addresses.length === 0) return fail('unresolvable_host', `The host ${host} could not be resolved.`);
  const inside = addresses.find(isPrivateAddress);
  if (inside !== undefined) {
    return fail('private_address', `${host} is a loopback, private or link-local address (${inside}); webhooks go to public hosts only.`);
  }
  return ok();
}
