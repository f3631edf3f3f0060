import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

/** The multiplexed sync socket on the page's own origin. */
export function syncUrl(location: { readonly protocol: string; readonly host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync?v=${PROTOCOL_VERSION}&token=${encodeURIComponent(token)}`;
}
