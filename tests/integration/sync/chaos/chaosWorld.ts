import fs from 'node:fs';
import { readCatalog, writeCatalog } from '../../../../shared/catalog/outletDoc';
import { DEMO_MENU, DEMO_OUTLET } from '../../../../sync-server/seed/demoCatalog';
import { orderDocName, outletDocName, parseDocName, type DocRef } from '../../../../shared/docNames';
import type { OrderId, OutletId, UserId } from '../../../../shared/ids';
import { orderEventSchema } from '../../../../shared/order/events';
import { appendEvent, createOrderDoc, readHeader } from '../../../../shared/order/orderDoc';
import { isTerminal, type OrderStatus } from '../../../../shared/order/status';
import { SYSTEM_ID, type Actor } from '../../../../shared/roles';
import type { SyncedDoc } from '../../../../sync-server/sync/syncedDoc';
import { ADMIN_ACTOR, DRIVER1_ACTOR, DRIVER2_ACTOR, header, T0 } from '../../../unit/shared/order/fixtures';
import { tempDataDir } from '../../support/server';
import { ChaosDevice } from './chaosDevice';
import { Connection } from './chaosNetwork';
import { newestSeen, orderEdit, outletEdit, type ChaosShape, type Step } from './chaosSteps';
import { Killed, ServerProcess } from './mortalServer';

/** Exchanges on one socket in a calm moment before it counts as never going quiet (a few are the rule). */
const MAX_EXCHANGES = 1_000;

const OUTLET_ID = DEMO_OUTLET.id as OutletId;
const cook = (id: string): Actor => ({ id: id as UserId, role: 'outlet', outletId: OUTLET_ID });
/** Five to seven devices: two outlet tablets, the admin desk, two drivers, then a second tablet of the first cook and an admin phone. */
const CAST: readonly { readonly label: string; readonly actor: Actor }[] = [
  { label: 'tablet cook-1', actor: cook('cook-1') },
  { label: 'admin desk', actor: ADMIN_ACTOR },
  { label: 'driver-1', actor: DRIVER1_ACTOR },
  { label: 'driver-2', actor: DRIVER2_ACTOR },
  { label: 'tablet cook-2', actor: cook('cook-2') },
  { label: 'second tablet cook-1', actor: cook('cook-1') },
  { label: 'admin phone', actor: { id: 'admin-2' as UserId, role: 'admin' } },
];
const DRIVERS: readonly UserId[] = [DRIVER1_ACTOR.id, DRIVER2_ACTOR.id];

/**
 * Devices, sockets and a server that can be killed, all in one process and driven one step at a time.
 * Time is simulated (`now`), device client ids are fixed, so a run is repeatable from its steps.
 */
export class ChaosWorld {
  now = T0 + 3_600_000;
  readonly dataDir = tempDataDir('chaos');
  server: ServerProcess | null = null;
  readonly devices: ChaosDevice[];
  readonly docNames: readonly string[];
  private readonly live: (Connection | null)[];
  private readonly zombies: Connection[][];
  private readonly partitioned: boolean[];
  /** Updates any device saw ACKed, per document. */
  readonly acked = new Map<string, Uint8Array[]>();
  /** The first terminal status each order reached: it must never change. */
  readonly finished = new Map<string, OrderStatus>();
  private serial = 0;
  /** The kill armed last: how much of what was sent still arrives, and how long the server stays down. */
  private fatal = { flushPercent: 100, downSteps: 0 };
  /** Steps until a killed server is started again. */
  private downFor = 0;
  kills = 0;
  /** Compactions by the processes that are gone. */
  private pastCompactions = 0;

  private constructor(readonly shape: ChaosShape) {
    const orders = Array.from({ length: shape.orders }, (_, i) => orderDocName(`order-${i + 1}` as OrderId));
    this.docNames = [...orders, outletDocName(OUTLET_ID)];
    const ledger = { add: (doc: string, update: Uint8Array) => this.acked.set(doc, [...(this.acked.get(doc) ?? []), update]) };
    this.devices = CAST.slice(0, shape.devices).map(({ label, actor }, i) => {
      const held = actor.role === 'driver' ? orders : this.docNames;
      return new ChaosDevice(label, actor, held, ledger, shape.deviceCompactAfter, 1_000_000 * (i + 1));
    });
    this.live = this.devices.map(() => null);
    this.zombies = this.devices.map(() => []);
    this.partitioned = this.devices.map(() => false);
  }

  /** The server writes the outlet's catalogue and places the orders; every device then connects. */
  static async start(shape: ChaosShape): Promise<ChaosWorld> {
    const world = new ChaosWorld(shape);
    world.server = await ServerProcess.start(world.dataDir, shape.compactEvery);
    const registry = world.server.registry;
    for (const [i, name] of world.docNames.entries()) {
      const ref = refOf(name);
      await registry.withDoc(ref, (doc) =>
        doc.change((y) => {
          if (ref.kind === 'outlet') writeCatalog(y, DEMO_OUTLET, DEMO_MENU);
          else
            createOrderDoc(y, {
              ...header(i % 2 === 0 ? 'delivery' : 'pickup'),
              id: ref.kind === 'order' ? ref.orderId : ('x' as OrderId),
              outletId: OUTLET_ID,
              createdAt: world.now,
            });
        }),
      );
    }
    for (const i of world.devices.keys()) world.connect(i);
    return world;
  }

  async apply(step: Step): Promise<void> {
    const at = (i: number): number => i % this.devices.length;
    switch (step.kind) {
      case 'edit':
        return this.edit(at(step.device), step);
      case 'assign':
        return this.assign(step.doc, step.driver);
      case 'tick':
        this.now += step.ms;
        return;
      case 'up':
        return this.deliverUp(at(step.device), step.socket, step.frames);
      case 'down':
        this.live[at(step.device)]?.deliverDown(step.frames);
        return;
      case 'flow':
        await this.flow(this.live[at(step.device)] ?? null);
        return;
      case 'partition':
        this.partitioned[at(step.device)] = true;
        this.disconnect(at(step.device));
        return;
      case 'heal':
        this.partitioned[at(step.device)] = false;
        return;
      case 'reconnect':
        this.connect(at(step.device));
        return;
      case 'reap':
        for (const z of this.zombies[at(step.device)]?.splice(0) ?? []) z.reap();
        return;
      case 'retry':
        this.devices[at(step.device)]?.retry();
        return;
      case 'kill':
        this.downFor = step.downSteps;
        return this.die(step.flushPercent);
      case 'armKill':
        this.server?.store.armKill(step.nthWrite, step.afterCommit);
        this.fatal = step;
        return;
      case 'restart':
        return this.restart();
    }
  }

  /**
   * After a step: a kill armed earlier may have struck in it; a killed server comes back once its
   * time is up; and a finished order stays finished.
   */
  async afterStep(): Promise<void> {
    if (this.server?.dead) {
      this.downFor = this.fatal.downSteps;
      await this.die(this.fatal.flushPercent);
    } else if (!this.server && this.downFor-- <= 0) {
      await this.restart();
    }
    const server = this.server;
    if (!server) return;
    for (const name of this.docNames) {
      const ref = refOf(name);
      if (ref.kind !== 'order') continue;
      const status = await server.registry.withDoc(ref, (doc) => doc.orderView()?.state.status ?? null);
      const finished = this.finished.get(name);
      if (finished !== undefined && status !== finished) throw new Error(`${name} was ${finished} and is now ${status ?? 'unreadable'}`);
      if (status !== null && isTerminal(status)) this.finished.set(name, status);
    }
  }

  /** Heals every partition, ends every half-open socket, and lets the devices sync until nothing moves. */
  async settle(): Promise<void> {
    if (!this.server) await this.restart();
    this.server?.store.disarm();
    for (const i of this.devices.keys()) {
      this.partitioned[i] = false;
      for (const z of this.zombies[i]?.splice(0) ?? []) z.reap();
      this.connect(i);
    }
    for (let round = 0; round < 100; round++) {
      // A kill armed before the calm can still strike: disarming spares only writes not yet begun, and a
      // compaction queued by the last step may be committing. The process died; it starts again.
      if (this.server?.dead) {
        await this.die(this.fatal.flushPercent);
        await this.restart();
      }
      let moved = false;
      for (const connection of this.live) moved = (await this.flow(connection)) || moved;
      if (moved) continue;
      const waiting = this.devices.filter((d) => d.unsyncedCount > 0 || d.hasTransientRefusals);
      if (waiting.length === 0) return;
      for (const d of waiting) d.retry();
    }
    throw new Error('the devices did not settle in 100 rounds');
  }

  /**
   * A calm moment on one socket: both directions drain until neither has anything in flight. True if anything
   * moved. A device and server that keep answering each other would never drain: that fails, with the seed in
   * the test's name, instead of hanging until the test times out.
   */
  private async flow(connection: Connection | null): Promise<boolean> {
    let moved = false;
    for (
      let exchanges = 0;
      connection?.deviceOpen && this.server && !this.server.dead && (connection.up.length > 0 || connection.down.length > 0);
      exchanges++
    ) {
      if (exchanges >= MAX_EXCHANGES) throw new Error(`a socket still had messages in flight after ${MAX_EXCHANGES} exchanges`);
      moved = true;
      await connection.deliverUp(connection.up.length);
      connection.deliverDown(connection.down.length);
    }
    return moved;
  }

  /** The server as it stands, loading a document if no device holds it. */
  async serverDoc<T>(name: string, read: (doc: SyncedDoc) => T): Promise<T> {
    if (!this.server) throw new Error('the server is down');
    return this.server.registry.withDoc(refOf(name), read);
  }

  /** kill -9 and start again from what SQLite holds, with a fresh registry that loads every document anew. */
  async hardRestart(): Promise<void> {
    await this.die(0);
    await this.restart();
  }

  get compactions(): number {
    return this.pastCompactions + (this.server?.store.compactions ?? 0);
  }

  async dispose(): Promise<void> {
    await this.server?.kill();
    this.server = null;
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private edit(i: number, step: Extract<Step, { kind: 'edit' }>): void {
    const device = this.devices[i];
    if (!device) return;
    const held = [...device.docs.keys()];
    const name = held[step.doc % held.length] ?? '';
    const kind = refOf(name).kind;
    const doc = device.docs.get(name);
    // The app offers nothing to act on before the document arrived.
    if (!doc || (kind === 'outlet' ? readCatalog(doc) === null : readHeader(doc) === null)) return;
    const clock = this.now + (this.shape.clockSkews[i] ?? 0);
    device.edit(
      name,
      kind === 'outlet'
        ? outletEdit(step.edit, step.pick, clock)
        : orderEdit(device.actor, step.edit, step.pick, clock, `ev-${++this.serial}`, DRIVERS),
    );
  }

  /** The dispatcher assigning a driver: a server-made change, stored through the same log. */
  private async assign(doc: number, driver: number): Promise<void> {
    const name = this.docNames[doc % (this.docNames.length - 1)] ?? '';
    if (!this.server || this.server.dead) return;
    const at = await this.serverDoc(name, (d) => Math.max(this.now, newestSeen(d.ydoc) + 1));
    const event = orderEventSchema.parse({
      id: `sys-${++this.serial}`,
      type: 'assigned',
      at,
      by: { id: SYSTEM_ID, role: 'system' },
      driverId: DRIVERS[driver % DRIVERS.length],
    });
    try {
      await this.serverDoc(name, (d) => d.change((y) => appendEvent(y, event)));
    } catch (error: unknown) {
      if (!(error instanceof Killed)) throw error;
    }
  }

  private async deliverUp(i: number, socket: number, frames: number): Promise<void> {
    const sockets = [this.live[i], ...(this.zombies[i] ?? [])].filter(
      (c): c is Connection => c !== null && c !== undefined && c.up.length > 0,
    );
    await sockets[socket % Math.max(1, sockets.length)]?.deliverUp(frames);
  }

  /** The device drops its socket (the server may not notice yet) and, unless partitioned, dials again. */
  private connect(i: number): void {
    this.disconnect(i);
    const device = this.devices[i];
    if (!device || !this.server || this.server.dead || this.partitioned[i]) return;
    const connection = new Connection(device, this.server, () => this.now);
    this.live[i] = connection;
    device.wire = connection.sendUp;
    device.resume();
  }

  private disconnect(i: number): void {
    const connection = this.live[i];
    if (!connection) return;
    connection.dropOnDevice();
    this.zombies[i]?.push(connection);
    this.live[i] = null;
  }

  /** The process dies: devices read some of what it had sent (`flushPercent` of each queue), the rest is lost. */
  private async die(flushPercent: number): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.store.dead = true;
    for (const connection of this.live) connection?.deliverDown(Math.floor((connection.down.length * flushPercent) / 100));
    for (const i of this.devices.keys()) {
      this.disconnect(i);
      for (const z of this.zombies[i]?.splice(0) ?? []) z.reap();
    }
    await server.kill();
    this.pastCompactions += server.store.compactions;
    this.server = null;
    this.kills += 1;
  }

  /** A down server starts again; a running one shuts down cleanly first (compacting), then starts. */
  private async restart(): Promise<void> {
    if (this.server) {
      for (const connection of this.live) connection?.deliverDown(connection.down.length);
      for (const i of this.devices.keys()) {
        this.disconnect(i);
        for (const z of this.zombies[i]?.splice(0) ?? []) z.reap();
      }
      await this.server.shutdown();
      this.pastCompactions += this.server.store.compactions;
    }
    this.server = await ServerProcess.start(this.dataDir, this.shape.compactEvery);
    for (const i of this.devices.keys()) this.connect(i);
  }
}

export function refOf(name: string): DocRef {
  const ref = parseDocName(name);
  if (!ref) throw new Error(`not a document name: ${name}`);
  return ref;
}
