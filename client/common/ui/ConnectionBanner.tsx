import type { ConnectionState } from '../sync/reconnectingSocket';

export const OFFLINE_TEXT = 'Offline — changes are saved on this device';

function describe(connection: ConnectionState): { tone: 'ok' | 'warn' | 'bad'; text: string; detail: string | null } {
  switch (connection.status) {
    case 'online':
      return { tone: 'ok', text: 'Online', detail: null };
    case 'connecting':
      return { tone: 'warn', text: 'Connecting…', detail: null };
    case 'offline': {
      const retry = connection.retryAt ? `Trying again at ${new Date(connection.retryAt).toLocaleTimeString()}` : null;
      return { tone: 'warn', text: OFFLINE_TEXT, detail: retry };
    }
    case 'unauthorized':
    case 'revoked':
      return { tone: 'bad', text: 'Signed out — sign in to sync', detail: null };
    case 'update-required':
      return { tone: 'bad', text: UPDATE_TEXT, detail: 'Changes stay saved on this device until then.' };
    case 'stopped':
      return { tone: 'bad', text: 'Not syncing', detail: connection.reason };
  }
}

export const UPDATE_TEXT = 'This app is out of date — reload to update and sync';

/** Always-visible line saying whether changes reach the server or stay on the device for now. */
export function ConnectionBanner({ connection }: { readonly connection: ConnectionState }) {
  const { tone, text, detail } = describe(connection);
  return (
    <div className={`banner banner--${tone}`} role="status" aria-live="polite" data-connection={connection.status}>
      <span className="banner__text">{text}</span>
      {detail ? <span className="banner__detail">{detail}</span> : null}
      {connection.status === 'update-required' ? (
        <button type="button" className="banner__action" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : null}
    </div>
  );
}
