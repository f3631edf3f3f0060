/** The multiplexed sync socket on the page's own origin. */
export function syncUrl(location: { readonly protocol: string; readonly host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync?token=${encodeURIComponent(token)}`;
}
