import { z } from 'zod';
import type { Device } from '../../../common/device/device';
import { readMetaJson, writeMetaJson } from '../store/metaJson';
import { SnapshotSource } from '../store/snapshotSource';

export type ServerContactHost = Pick<Device, 'db' | 'getSnapshot' | 'subscribe'>;

const META_KEY = 'admin:lastOnline';
/** While connected the time moves on this often, so "as of" after a sudden loss is at most this old. */
const TICK_MS = 30_000;

/**
 * When this device was last connected to the server (epoch ms on its clock; null when never):
 * everything it shows offline (orders, alerts, drivers' positions) is its copy as of then. Kept on the device, so a reload with no network still
 * says how old its copy is.
 */
export class ServerContact extends SnapshotSource<number | null> {
  private ticker: ReturnType<typeof setInterval> | null = null;

  private constructor(private readonly host: ServerContactHost) {
    super(null);
  }

  static async open(host: ServerContactHost): Promise<ServerContact> {
    const contact = new ServerContact(host);
    contact.publish(await readMetaJson(host.db, META_KEY, z.number()));
    host.subscribe(() => contact.follow());
    contact.follow();
    return contact;
  }

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
    const now = Date.now();
    this.publish(now);
    void writeMetaJson(this.host.db, META_KEY, now);
  }
}
