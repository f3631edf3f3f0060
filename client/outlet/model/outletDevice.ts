import type { Actor } from '../../../shared/roles';
import type { Device } from '../../common/device/device';
import { sessionActor, type Session } from '../../common/session/session';
import { OutboxGate } from './phoneOrders/outboxGate';
import { OutboxRunner } from './phoneOrders/outboxRunner';
import type { PhoneOrderContext } from './phoneOrders/phoneOrderCommands';
import { sendPhoneOrder } from './phoneOrders/sendPhoneOrder';

/** What the outlet's side needs of the Device: its store, and who is signed in and how it is connected. */
export type OutletDeviceHost = Pick<Device, 'db' | 'subscribe' | 'getSnapshot'>;

interface Running {
  readonly session: Session;
  readonly actor: Actor;
  readonly outbox: OutboxRunner;
  readonly unlisten: () => void;
}

/**
 * The outlet's side of the device, beside the order documents the Device syncs: the outbox of phone
 * orders staff took, each placed with `POST /api/orders` when the server can be reached. It follows
 * whoever is signed in on the Device, as the Device's own sync does.
 */
export class OutletDevice {
  private running: Running | null = null;
  /** One for the device's life, so the commands and every sign-in's outbox share it. */
  private readonly outboxGate = new OutboxGate();
  /** The Device's connection at the last look, to notice it coming back. */
  private lastConnection: string | null = null;

  private constructor(private readonly device: OutletDeviceHost) {}

  static attach(device: OutletDeviceHost): OutletDevice {
    const outlet = new OutletDevice(device);
    device.subscribe(() => outlet.follow());
    outlet.follow();
    return outlet;
  }

  /** What phone-order commands run against; null while nobody who can act is signed in. */
  phoneOrders(): PhoneOrderContext | null {
    const run = this.running;
    return run ? { actor: run.actor, db: this.device.db, wakeOutbox: () => void run.outbox.kick(), gate: this.outboxGate } : null;
  }

  /** Starts or stops with the Device's session; sends at once when the connection comes back. */
  private follow(): void {
    const { session, connection } = this.device.getSnapshot();
    if (this.running && this.running.session !== session) this.stop();
    if (session && !this.running) this.start(session);
    const run = this.running;
    // The socket coming back is the best sign the API is reachable again too.
    if (run && connection.status === 'online' && this.lastConnection !== 'online') void run.outbox.retryAll();
    this.lastConnection = connection.status;
  }

  private start(session: Session): void {
    // The Device does not sync for a user who cannot act (an outlet account without an outlet); nor does this.
    const actor = sessionActor(session.user);
    if (!actor) return;
    const outbox = new OutboxRunner({ db: this.device.db, send: (row) => sendPhoneOrder(row, session.token), gate: this.outboxGate });
    const online = (): void => void outbox.retryAll();
    window.addEventListener('online', online);
    this.running = { session, actor, outbox, unlisten: () => window.removeEventListener('online', online) };
    outbox.start();
  }

  private stop(): void {
    const run = this.running;
    if (!run) return;
    this.running = null;
    run.unlisten();
    run.outbox.stop();
  }
}
