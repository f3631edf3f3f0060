import { useEffect, useState } from 'react';
import { trackDocName } from '../../shared/docNames';
import type { TrackingToken } from '../../shared/ids';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { readTrack, type TrackView } from '../../shared/track';
import { browserStorage } from '../common/store/keyValueStorage';
import { PublicDocFeed } from '../common/sync/publicDocFeed';
import type { ConnectionState } from '../common/sync/reconnectingSocket';
import { parseTrackView, TrackCache } from './trackCache';

export interface Tracking {
  readonly view: TrackView | null;
  /** When the shown view last came from the server (this visit or an earlier one). */
  readonly savedAt: number | null;
  readonly connection: ConnectionState;
  readonly notFound: boolean;
}

/** The anonymous socket on this page's origin: tracking links carry no sign-in. */
const anonymousSyncUrl = (): string =>
  `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/sync?v=${PROTOCOL_VERSION}`;

/** Follows `track:<token>` live, starting from the last view this device saw. */
export function useTracking(token: TrackingToken | null): Tracking {
  const [cache] = useState(() => new TrackCache(browserStorage()));
  const [state, setState] = useState<Tracking>(() => {
    const cached = token ? cache.read(token) : null;
    return {
      view: cached?.view ?? null,
      savedAt: cached?.savedAt ?? null,
      connection: { status: 'connecting', retryAt: null, reason: null },
      notFound: !token,
    };
  });

  useEffect(() => {
    if (!token) return;
    const feed = new PublicDocFeed({
      url: anonymousSyncUrl,
      docName: trackDocName(token),
      onChange: (doc) => {
        const view = parseTrackView(readTrack(doc));
        if (!view) return;
        const now = Date.now();
        cache.write(token, view, now);
        setState((s) => ({ ...s, view, savedAt: now }));
      },
      onConnection: (connection) => setState((s) => ({ ...s, connection })),
      onRefused: (code) => {
        // Only "no such order" is final; anything else (a busy server) leaves the page retrying on reload.
        if (code === 'not_found') cache.forget(token);
        setState((s) => (code === 'not_found' ? { ...s, view: null, savedAt: null, notFound: true } : s));
      },
    });
    const back = () => feed.networkBack();
    const lost = () => feed.networkLost();
    const visible = () => {
      if (document.visibilityState === 'visible') feed.networkBack();
    };
    window.addEventListener('online', back);
    window.addEventListener('offline', lost);
    document.addEventListener('visibilitychange', visible);
    feed.start();
    return () => {
      window.removeEventListener('online', back);
      window.removeEventListener('offline', lost);
      document.removeEventListener('visibilitychange', visible);
      feed.stop();
    };
  }, [token, cache]);

  return state;
}
