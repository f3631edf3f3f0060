import type { Device } from '../../common/device/device';
import { AlertDesk } from './alerts/alertDesk';
import { ServerContact } from './contact/serverContact';
import { DriverRoster } from './drivers/driverRoster';
import { adminOrderCommands, type AdminOrderCommands } from './orders/adminOrderCommands';
import { NO_FILTER, type LiveFilter } from './orders/liveFilter';
import { OrderBook } from './orders/orderBook';
import { OutletDirectory } from './outlets/outletDirectory';
import { UserDirectory } from './people/userDirectory';
import { ValueStore } from './store/valueStore';

/**
 * The admin's side of the device, beside the documents the Device syncs: the book of every order it
 * holds, the outlets whose documents it holds, when it was last in touch with the server, the
 * drivers and every account (asked of the server while connected), the problems it has raised, the live list's filter (kept while the admin looks at one order), and
 * the commands an admin acts on orders with (outlet edits load with their screen: useAdminOutletCommands).
 * Each follows whoever is signed in on the Device.
 */
export class AdminDevice {
  readonly liveFilter = new ValueStore<LiveFilter>(NO_FILTER);
  readonly commands: AdminOrderCommands;

  private constructor(
    readonly device: Device,
    readonly orders: OrderBook,
    readonly outlets: OutletDirectory,
    readonly contact: ServerContact,
    readonly alerts: AlertDesk,
    readonly drivers: DriverRoster,
    readonly users: UserDirectory,
  ) {
    this.commands = adminOrderCommands(device);
  }

  static async attach(device: Device): Promise<AdminDevice> {
    const [outlets, contact, alerts, drivers, users] = await Promise.all([
      OutletDirectory.open(device),
      ServerContact.open(device),
      AlertDesk.open(device.db),
      DriverRoster.open(device),
      UserDirectory.open(device),
    ]);
    return new AdminDevice(device, OrderBook.follow(device), outlets, contact, alerts, drivers, users);
  }

  /** The bearer token for the admin API; null while nobody is signed in. */
  token(): string | null {
    return this.device.getSnapshot().session?.token ?? null;
  }
}
