import type { Device } from '../../../common/device/device';

export type ConnectedHost = Pick<Device, 'getSnapshot' | 'subscribe'>;

/**
 * Runs `ask` at once and every `everyMs` while an admin is signed in and connected, and not otherwise:
 * what the admin REST lists hold is only worth asking for when the server can answer.
 */
export function whileConnected(host: ConnectedHost, everyMs: number, ask: () => void): void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const follow = () => {
    const { session, connection } = host.getSnapshot();
    const polling = session?.user.role === 'admin' && connection.status === 'online';
    if (polling && !timer) {
      ask();
      timer = setInterval(ask, everyMs);
    } else if (!polling && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
  host.subscribe(follow);
  follow();
}
