import type { Redis } from 'ioredis';
import type { DeviceId } from '../../shared/api/devices';
import type { LiveDevice } from '../../shared/api/presence';
import { randomId, type OutletId, type UserId } from '../../shared/ids';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { connectRedis, REDIS_COMMAND_TIMEOUT_MS, REDIS_CONNECT_TIMEOUT_MS } from '../redis/redisConnection';
import { MemoryDriverPresence, type PositionFix } from './driverPresence';
import { everyDevice, keeps, LocalDevices, ofOutlet, ofUser, type DeviceFilter, type PresenceEntry } from './localDevices';
import {
  mergeRecords,
  OutletDeviceBook,
  outletDeviceOf,
  reportOf,
  type DeviceContact,
  type OutletDevice,
  type OutletDeviceRecords,
  type UnsyncedReport,
} from './outletDeviceBook';
import type { Presence, PresenceHandle, SocketPresence } from './presence';
import { PresenceHealth } from './presenceHealth';
import { PresenceKeys } from './presenceKeys';
import { RedisDevices } from './redisDevices';
import { RedisOutletDevices } from './redisOutletDevices';

export interface RedisPresenceOptions {
  readonly url: string;
  readonly prefix: string;
  readonly ttlMs: number;
  readonly node: string;
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * Presence shared by every node through Redis. This node's sockets and the positions it was told are
 * also kept in memory: reads answer from that mirror when Redis fails, and the heartbeat (every third
 * of the TTL, and at once when the connection is back) writes the whole mirror, which is how presence
 * catches up after an outage. Commands are never queued while Redis is away and time out quickly, so
 * nothing waits on it for long; callers that register and remove sockets never wait at all.
 */
export class RedisPresence implements Presence {
  private readonly local = new LocalDevices();
  private readonly positions = new MemoryDriverPresence();
  /** Removals Redis did not take, by when they were asked for; the next heartbeat sends them again. */
  private readonly unremoved = new Map<string, { readonly entry: PresenceEntry; readonly at: number }>();
  private readonly unrecorded = new Map<UserId, PositionFix>();
  private readonly outletDevices = new OutletDeviceBook();
  /** Outlet device records Redis has not taken yet; the next heartbeat sends them again. */
  private readonly unsentReports = new Map<DeviceId, UnsyncedReport>();
  private readonly unsentContacts = new Map<DeviceId, DeviceContact>();
  private readonly redis: Redis;
  private readonly devices: RedisDevices;
  private readonly sharedOutletDevices: RedisOutletDevices;
  private readonly keys: PresenceKeys;
  private readonly health: PresenceHealth;
  private readonly inFlight = new Set<Promise<void>>();
  private cancelBeat: () => void = () => undefined;
  private beating: Promise<void> | null = null;
  private beatsAsked = 0;
  private closed = false;

  constructor(private readonly o: RedisPresenceOptions) {
    this.health = new PresenceHealth(o.log);
    this.keys = new PresenceKeys(o.prefix);
    this.redis = connectRedis(o.url);
    this.devices = new RedisDevices(this.redis, this.keys, o.ttlMs);
    this.sharedOutletDevices = new RedisOutletDevices(this.redis, this.keys);
    this.redis.on('ready', () => void this.heartbeat());
    this.redis.on('close', () => {
      if (!this.closed) this.health.degraded(new Error('the connection to Redis closed'));
    });
    this.scheduleBeat();
  }

  /** Resolves once Redis answered or the first attempt to reach it failed, so a start reports an honest status. */
  async started(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, REDIS_CONNECT_TIMEOUT_MS + REDIS_COMMAND_TIMEOUT_MS);
    });
    await Promise.race([this.health.settled(), timeout]);
    clearTimeout(timer);
  }

  connect(socket: SocketPresence): PresenceHandle {
    const now = this.o.clock.now();
    const entry: PresenceEntry = { id: randomId(), device: { ...socket, node: this.o.node, connectedAt: now, lastSeenAt: now } };
    this.local.add(entry);
    this.write(() => this.devices.put([entry], now));
    const outletDevice = outletDeviceOf(socket);
    if (outletDevice) this.keepOutletDevice({ reports: [], contacts: [{ ...outletDevice, at: now }] });
    return {
      remove: () => {
        if (!this.local.delete(entry.id)) return;
        if (outletDevice) this.keepOutletDevice({ reports: [], contacts: [{ ...outletDevice, at: this.o.clock.now() }] });
        this.forgetExpiredRemovals();
        this.unremoved.set(entry.id, { entry, at: this.o.clock.now() });
        this.write(async () => {
          await this.devices.remove([entry]);
          this.unremoved.delete(entry.id);
        });
      },
    };
  }

  devicesOfUser(userId: UserId): Promise<LiveDevice[]> {
    return this.read(this.keys.user(userId), ofUser(userId));
  }

  devicesOfOutlet(outletId: OutletId): Promise<LiveDevice[]> {
    return this.read(this.keys.outlet(outletId), ofOutlet(outletId));
  }

  list(): Promise<LiveDevice[]> {
    return this.read(this.keys.all, everyDevice);
  }

  status(): 'ok' | 'degraded' {
    return this.health.status;
  }

  async record(driverId: UserId, fix: PositionFix): Promise<void> {
    await this.positions.record(driverId, fix);
    this.unrecorded.set(driverId, fix);
    this.write(async () => {
      await this.devices.recordPosition(driverId, fix);
      if (this.unrecorded.get(driverId) === fix) this.unrecorded.delete(driverId);
    });
  }

  reportUnsynced(device: OutletDevice, oldestAgeMs: number | null | undefined): void {
    this.keepOutletDevice({ reports: [reportOf(device, oldestAgeMs, this.o.clock.now())], contacts: [] });
  }

  /** The newest of what Redis holds (any node's) and what this node was told itself, per device. */
  async outletDeviceRecords(): Promise<OutletDeviceRecords> {
    const now = this.o.clock.now();
    const shared = await this.whenShared(() => this.sharedOutletDevices.read(now), { reports: [], contacts: [] });
    return mergeRecords(this.outletDevices.records(now), shared);
  }

  /** The newer of what Redis holds (any node's) and what this node was told itself. */
  async position(driverId: UserId): Promise<PositionFix | null> {
    const mine = await this.positions.position(driverId);
    const shared = await this.whenShared(() => this.devices.position(driverId), null);
    return shared && (!mine || shared.at > mine.at) ? shared : mine;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelBeat();
    await Promise.allSettled([...this.inFlight, this.beating]);
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  /**
   * What a read answers: this node's own sockets as it knows them, plus what Redis lists from other
   * nodes. An entry Redis has under this node's name that the node no longer holds is from before a
   * restart under the same DABBA_NODE_ID, and only waits to expire.
   */
  private async read(set: string, keep: DeviceFilter): Promise<LiveDevice[]> {
    const now = this.o.clock.now();
    const mine = this.local.select(keep, now);
    const shared = await this.whenShared(() => this.devices.read(set, now), []);
    const others = shared.filter((e) => e.device.node !== this.o.node && keeps(keep, e.device));
    return [...mine, ...others].map((e) => e.device);
  }

  /** Runs a read against Redis when it is reachable; otherwise, or when it fails, answers `fallback`. */
  private async whenShared<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    if (this.closed || this.health.status !== 'ok' || this.redis.status !== 'ready') return fallback;
    try {
      return await read();
    } catch (err: unknown) {
      this.health.degraded(err);
      return fallback;
    }
  }

  /** Starts a write without waiting for it; a failure degrades presence until the next heartbeat gets through. */
  private write(op: () => Promise<void>): void {
    if (this.closed || this.redis.status !== 'ready') return;
    const pending = op().catch((err: unknown) => this.health.degraded(err));
    this.inFlight.add(pending);
    void pending.finally(() => this.inFlight.delete(pending));
  }

  /** Keeps outlet device records here and sends them to Redis; any it does not take wait for the next heartbeat. */
  private keepOutletDevice(records: OutletDeviceRecords): void {
    for (const r of records.reports) {
      this.outletDevices.report(r);
      this.unsentReports.set(r.deviceId, r);
    }
    for (const c of records.contacts) {
      this.outletDevices.contact(c);
      this.unsentContacts.set(c.deviceId, c);
    }
    this.write(() => this.sendOutletDevices(records));
  }

  private async sendOutletDevices(records: OutletDeviceRecords): Promise<void> {
    await this.sharedOutletDevices.put(records);
    for (const r of records.reports) if (this.unsentReports.get(r.deviceId) === r) this.unsentReports.delete(r.deviceId);
    for (const c of records.contacts) if (this.unsentContacts.get(c.deviceId) === c) this.unsentContacts.delete(c.deviceId);
  }

  /** An entry removed a TTL ago has expired in Redis whatever happened since: no need to send its removal. */
  private forgetExpiredRemovals(): void {
    const cutoff = this.o.clock.now() - this.o.ttlMs;
    for (const [id, removal] of this.unremoved) {
      if (removal.at > cutoff) break;
      this.unremoved.delete(id);
    }
  }

  private scheduleBeat(): void {
    this.cancelBeat = this.o.clock.after(Math.max(100, Math.floor(this.o.ttlMs / 3)), () => {
      void this.heartbeat().finally(() => {
        if (!this.closed) this.scheduleBeat();
      });
    });
  }

  /** One heartbeat at a time; one asked for while another runs follows it, so a reconnection is never missed. */
  private heartbeat(): Promise<void> {
    this.beatsAsked += 1;
    if (this.beating) return this.beating;
    this.beating = (async () => {
      let served = 0;
      while (served < this.beatsAsked && !this.closed) {
        served = this.beatsAsked;
        await this.beatOnce();
      }
    })().finally(() => {
      this.beating = null;
    });
    return this.beating;
  }

  /**
   * Sends what Redis missed (removals, positions), then every socket this node holds with a fresh TTL.
   * The snapshot is taken and sent in one turn, so a removal issued after it reaches Redis after it.
   */
  private async beatOnce(): Promise<void> {
    if (this.closed) return;
    if (this.redis.status !== 'ready') {
      this.health.degraded(new Error(`Redis connection is ${this.redis.status}`));
      return;
    }
    try {
      this.forgetExpiredRemovals();
      const removals = [...this.unremoved.values()].map((r) => r.entry);
      await this.devices.remove(removals);
      for (const e of removals) this.unremoved.delete(e.id);
      for (const [driverId, fix] of [...this.unrecorded]) {
        await this.devices.recordPosition(driverId, fix);
        if (this.unrecorded.get(driverId) === fix) this.unrecorded.delete(driverId);
      }
      const now = this.o.clock.now();
      const mine = this.local.select(everyDevice, now);
      // Outlet devices connected here are heard now: should this node die, they were last heard about now.
      const heard = mine.flatMap((e) => {
        const device = outletDeviceOf(e.device);
        return device ? [{ ...device, at: now }] : [];
      });
      await this.sendOutletDevices({ reports: [...this.unsentReports.values()], contacts: [...this.unsentContacts.values(), ...heard] });
      await this.devices.put(mine, now);
      this.health.ok(mine.length);
    } catch (err: unknown) {
      this.health.degraded(err);
    }
  }
}
