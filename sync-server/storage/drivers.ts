import { UserIdSchema, type UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { Db } from './db';

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

interface Row {
  user_id: string;
  name: string;
  phone: string;
  capacity: number;
  on_shift: number;
  shift_changed_at: number;
  lat: number | null;
  lng: number | null;
  position_at: number | null;
  accuracy: number | null;
  position_declared: number;
  last_assigned_at: number | null;
  last_delivery_ended_at: number | null;
}

const toRecord = (r: Row): DriverRecord => ({
  id: UserIdSchema.parse(r.user_id),
  name: r.name,
  phone: r.phone,
  capacity: r.capacity,
  onShift: r.on_shift === 1,
  shiftChangedAt: r.shift_changed_at,
  position:
    r.lat !== null && r.lng !== null && r.position_at !== null
      ? { lat: r.lat, lng: r.lng, at: r.position_at, accuracy: r.accuracy, declared: r.position_declared === 1 }
      : null,
  lastAssignedAt: r.last_assigned_at,
  lastDeliveryEndedAt: r.last_delivery_ended_at,
});

const SELECT = 'SELECT d.*, u.name FROM drivers d JOIN users u ON u.id = d.user_id';

/** Driver state dispatch reads: shift, capacity, last position and when each was last served. */
export class DriverRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[string], Row>(`${SELECT} WHERE d.user_id = ?`),
      all: db.prepare<[], Row>(`${SELECT} ORDER BY d.user_id`),
      insert: db.prepare<[string, string, number, number, number, number | null, number | null, number | null, number | null, number]>(
        `INSERT INTO drivers (user_id, phone, capacity, on_shift, shift_changed_at, lat, lng, position_at, accuracy, position_declared)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      ensure: db.prepare<[string, number]>("INSERT OR IGNORE INTO drivers (user_id, phone, shift_changed_at) VALUES (?, '', ?)"),
      shift: db.prepare<[number, number, string]>('UPDATE drivers SET on_shift = ?, shift_changed_at = ? WHERE user_id = ?'),
      // A device fix replaces a declared position, or an older fix; a late-arriving older fix changes nothing.
      position: db.prepare<[number, number, number, number | null, string, number]>(
        `UPDATE drivers SET lat = ?, lng = ?, position_at = ?, accuracy = ?, position_declared = 0
         WHERE user_id = ? AND (position_at IS NULL OR position_declared = 1 OR position_at <= ?)`,
      ),
      assigned: db.prepare<[number, string]>(
        'UPDATE drivers SET last_assigned_at = MAX(COALESCE(last_assigned_at, 0), ?) WHERE user_id = ?',
      ),
      ended: db.prepare<[number, string]>(
        'UPDATE drivers SET last_delivery_ended_at = MAX(COALESCE(last_delivery_ended_at, 0), ?) WHERE user_id = ?',
      ),
    };
  }

  get(id: string): DriverRecord | null {
    const row = this.s.get.get(id);
    return row ? toRecord(row) : null;
  }

  all(): DriverRecord[] {
    return this.s.all.all().map(toRecord);
  }

  insert(d: NewDriver, now: number): void {
    const p = d.position;
    this.s.insert.run(
      d.id,
      d.phone,
      d.capacity,
      d.onShift ? 1 : 0,
      now,
      p?.lat ?? null,
      p?.lng ?? null,
      p?.at ?? null,
      p?.accuracy ?? null,
      p?.declared ? 1 : 0,
    );
  }

  /** A driver account made some other way (an older data dir, a test) gets a row, off shift, on first use. */
  ensure(id: UserId, now: number): void {
    this.s.ensure.run(id, now);
  }

  setShift(id: UserId, onShift: boolean, now: number): void {
    this.s.shift.run(onShift ? 1 : 0, now, id);
  }

  recordPosition(id: UserId, fix: PositionFix): void {
    this.s.position.run(fix.lat, fix.lng, fix.at, fix.accuracy, id, fix.at);
  }

  /** Idempotent: the later of what is stored and `at` wins, so replays and late events never move it back. */
  noteAssigned(id: UserId, at: number): void {
    this.s.assigned.run(at, id);
  }

  noteDeliveryEnded(id: UserId, at: number): void {
    this.s.ended.run(at, id);
  }
}
