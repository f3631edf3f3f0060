import { useCallback, useEffect, useState } from 'react';
import type { Answer } from '../../common/api/http';

/** null while loading. */
export type LoadState<T> = Answer<T> | null;

/** Runs `load` once on mount; `reload` runs it again (the "Try again" button). */
export function useLoaded<T>(load: () => Promise<Answer<T>>): { readonly state: LoadState<T>; reload(): void } {
  const [state, setState] = useState<LoadState<T>>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (live) setState(result);
    });
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the attempt counter is what asks for another load.
  }, [attempt]);
  const reload = useCallback(() => {
    setState(null);
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}
