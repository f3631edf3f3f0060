import { z } from 'zod';
import type { Device } from '../../../common/device/device';
import { readMetaJson, writeMetaJson } from '../store/metaJson';

export type ServerContactHost = Pick<Device, 'db' | 'getSnapshot' | 'subscribe'>;

const META_KEY = 'admin:lastOnline';
/** While connected the time moves on this often, so "as of" after a sudden loss is at most this old. */
const TICK_MS = 30_000;

/**
 * When this device was last connected to the server: everything it shows offline (orders, alerts,
 * drivers' positions) is its copy as of then. Kept on the device, so a reload with no network still
 * says how old its copy is.
 */
export class ServerContact {
  private lastOnlineAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  private ticker: ReturnType<typeof setInterval> | null = null;

  private constructor(private readonly host: ServerContactHost) {}

  static async open(host: ServerContactHost): Promise<ServerContact> {
    const contact = new ServerContact(host);
    contact.lastOnlineAt = await readMetaJson(host.db, META_KEY, z.number());
    host.subscribe(() => contact.follow());
    contact.follow();
    return contact;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Epoch ms on this device's clock; null when it has never been online signed in. */
  readonly getSnapshot = (): number | null => this.lastOnlineAt;

  private follow(): void {
    const online = this.host.getSnapshot().connection.status === 'online';
    if (online && !this.ticker) {
      this.touch();
      this.ticker = setInterval(() => this.touch(), TICK_MS);
    } else if (!online && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
      this.touch();
    }
  }

  private touch(): void {
    this.lastOnlineAt = Date.now();
    void writeMetaJson(this.host.db, META_KEY, this.lastOnlineAt);
    for (const listener of this.listeners) listener();
  }
}
