import type { Device } from '../../common/device/device';
import { ServerContact } from './contact/serverContact';
import { OrderBook } from './orders/orderBook';
import { OutletDirectory } from './outlets/outletDirectory';

/**
 * The admin's side of the device, beside the documents the Device syncs: the book of every order it
 * holds, the outlets whose documents it holds, and when it was last in touch with the server. Each
 * follows whoever is signed in on the Device.
 */
export class AdminDevice {
  private constructor(
    readonly device: Device,
    readonly orders: OrderBook,
    readonly outlets: OutletDirectory,
    readonly contact: ServerContact,
  ) {}

  static async attach(device: Device): Promise<AdminDevice> {
    const [outlets, contact] = await Promise.all([OutletDirectory.open(device), ServerContact.open(device)]);
    return new AdminDevice(device, OrderBook.follow(device), outlets, contact);
  }

  /** The bearer token for the admin API; null while nobody is signed in. */
  token(): string | null {
    return this.device.getSnapshot().session?.token ?? null;
  }
}
