import type { Kysely, Selectable } from 'kysely';
import { UserIdSchema, type UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { Database, DriversTable } from './sql/schema';
import { flag, isSet } from './sql/values';

/** A last position; `declared` when set by hand (seed, POST /delivery) rather than measured by a device. */
export interface StoredPosition extends PositionFix {
  readonly declared: boolean;
}

export interface DriverRecord {
  readonly id: UserId;
  readonly name: string;
  readonly phone: string;
  readonly capacity: number;
  readonly onShift: boolean;
  readonly shiftChangedAt: number;
  readonly position: StoredPosition | null;
  readonly lastAssignedAt: number | null;
  readonly lastDeliveryEndedAt: number | null;
}

export interface NewDriver {
  readonly id: UserId;
  readonly phone: string;
  readonly capacity: number;
  readonly onShift: boolean;
  readonly position: StoredPosition | null;
}

const toRecord = (r: Selectable<DriversTable> & { name: string }): DriverRecord => ({
  id: UserIdSchema.parse(r.user_id),
  name: r.name,
  phone: r.phone,
  capacity: r.capacity,
  onShift: isSet(r.on_shift),
  shiftChangedAt: r.shift_changed_at,
  position:
    r.lat !== null && r.lng !== null && r.position_at !== null
      ? { lat: r.lat, lng: r.lng, at: r.position_at, accuracy: r.accuracy, declared: isSet(r.position_declared) }
      : null,
  lastAssignedAt: r.last_assigned_at,
  lastDeliveryEndedAt: r.last_delivery_ended_at,
});

/** Driver state dispatch reads: shift, capacity, last position and when each was last served. */
export class DriverRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<DriverRecord | null> {
    const row = await this.withNames().where('d.user_id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Every driver, by id. */
  async all(): Promise<DriverRecord[]> {
    return (await this.withNames().orderBy('d.user_id').execute()).map(toRecord);
  }

  async insert(d: NewDriver, now: number): Promise<void> {
    const p = d.position;
    await this.db
      .insertInto('drivers')
      .values({
        user_id: d.id,
        phone: d.phone,
        capacity: d.capacity,
        on_shift: flag(d.onShift),
        shift_changed_at: now,
        lat: p?.lat ?? null,
        lng: p?.lng ?? null,
        position_at: p?.at ?? null,
        accuracy: p?.accuracy ?? null,
        position_declared: flag(p?.declared ?? false),
      })
      .execute();
  }

  /** A driver account made some other way (an older data dir, a test) gets a row, off shift, on first use. */
  async ensure(id: UserId, now: number): Promise<void> {
    await this.db
      .insertInto('drivers')
      .values({ user_id: id, phone: '', shift_changed_at: now })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }

  async setShift(id: UserId, onShift: boolean, now: number): Promise<void> {
    await this.db
      .updateTable('drivers')
      .set({ on_shift: flag(onShift), shift_changed_at: now })
      .where('user_id', '=', id)
      .execute();
  }

  /** A device fix replaces a declared position, or an older fix; a late-arriving older fix changes nothing. */
  async recordPosition(id: UserId, fix: PositionFix): Promise<void> {
    await this.db
      .updateTable('drivers')
      .set({ lat: fix.lat, lng: fix.lng, position_at: fix.at, accuracy: fix.accuracy, position_declared: flag(false) })
      .where('user_id', '=', id)
      .where((eb) => eb.or([eb('position_at', 'is', null), eb('position_declared', '=', flag(true)), eb('position_at', '<=', fix.at)]))
      .execute();
  }

  /** Idempotent: the later of what is stored and `at` wins, so replays and late events never move it back. */
  noteAssigned(id: UserId, at: number): Promise<void> {
    return this.raise(id, 'last_assigned_at', at);
  }

  /** Idempotent, as noteAssigned. */
  noteDeliveryEnded(id: UserId, at: number): Promise<void> {
    return this.raise(id, 'last_delivery_ended_at', at);
  }

  /** Sets the column to `at` unless it already holds that or later: a portable two-argument MAX. */
  private async raise(id: UserId, column: 'last_assigned_at' | 'last_delivery_ended_at', at: number): Promise<void> {
    await this.db
      .updateTable('drivers')
      .set(column, at)
      .where('user_id', '=', id)
      .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<', at)]))
      .execute();
  }

  private withNames() {
    return this.db.selectFrom('drivers as d').innerJoin('users as u', 'u.id', 'd.user_id').selectAll('d').select('u.name');
  }
}
