import { useCallback, useEffect, useState } from 'react';
import type { Leaflet } from './leaflet';

export type LeafletState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly L: Leaflet }
  | { readonly status: 'failed'; readonly retry: () => void };

let loaded: Leaflet | null = null;
let loading: Promise<Leaflet> | null = null;

/** One fetch of Leaflet per page, shared by every map; a failed one (offline, not cached) may be tried again. */
function loadLeaflet(): Promise<Leaflet> {
  loading ??= import('./leaflet').then(
    (module) => {
      loaded = module.leaflet;
      return module.leaflet;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Leaflet for a map component: about 43 kB gzip that only the screens with a map need, so it is
 * not part of any page's first load. A map shown again later gets it at once.
 */
export function useLeaflet(): LeafletState {
  const [attempt, setAttempt] = useState(0);
  const [L, setL] = useState<Leaflet | 'loading' | 'failed'>(() => loaded ?? 'loading');
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (loaded) return;
    let current = true;
    setL('loading');
    void loadLeaflet().then(
      (ready) => {
        if (current) setL(ready);
      },
      () => {
        if (current) setL('failed');
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  if (L === 'loading') return { status: 'loading' };
  if (L === 'failed') return { status: 'failed', retry };
  return { status: 'ready', L };
}
