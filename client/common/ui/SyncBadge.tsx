import type { DocSyncState } from '../store/db';

const TEXT: { readonly [S in DocSyncState]: string } = {
  local: 'saved on this device',
  synced: 'synced',
};

/** Says whether a document's latest changes are only on this device or on the server too. */
export function SyncBadge({ state }: { readonly state: DocSyncState }) {
  return (
    <span className={`badge badge--${state}`} data-sync-state={state} title={state === 'local' ? 'Will sync when online' : 'On the server'}>
      {TEXT[state]}
    </span>
  );
}
