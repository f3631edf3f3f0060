import type { LeafletState } from './useLeaflet';

/**
 * Says, next to the map's empty frame, that the map is on its way or could not load: the frame keeps
 * its size, so nothing on the page jumps when the map appears.
 */
export function MapLoadStatus({ state }: { readonly state: LeafletState }) {
  if (state.status === 'ready') return null;
  if (state.status === 'loading')
    return (
      <p className="muted map-status" role="status">
        Loading the map…
      </p>
    );
  return (
    <p className="error map-status" role="alert">
      The map could not load.{' '}
      <button type="button" className="button button--quiet" onClick={state.retry}>
        Try again
      </button>
    </p>
  );
}
