import { Dexie, type EntityTable, type Table } from 'dexie';
import type { OrderId, OutletId } from '../../../shared/ids';
import type { EventType } from '../../../shared/order/events';
import type { OrderStatus, OrderType } from '../../../shared/order/status';
import type { EventAuthorRole } from '../../../shared/roles';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import type { PhoneOrderRequest } from '../../../shared/api/phoneOrder';
import type { PushApp } from '../../../shared/api/devices';
import type { Session } from '../session/session';

/** 0/1 rather than a boolean because IndexedDB cannot index booleans. */
export type UnsyncedFlag = 0 | 1;

/** One Yjs update of one document, in the order the device learnt it. */
export interface UpdateRow {
  /** Auto-increment; also the `seq` the row is sent under, so an ACK names exactly one row. */
  readonly id: number;
  readonly docName: string;
  readonly update: Uint8Array;
  /** 1 until the server acknowledged it as committed. */
  readonly unsynced: UnsyncedFlag;
  readonly createdAt: number;
}

/** What one document holds from the device's point of view: only here, or on the server too. */
export type DocSyncState = 'local' | 'synced';

/** An event kept in the order but without effect after a merge (two devices accepted, say). */
export interface ConflictSummary {
  readonly type: EventType;
  readonly at: number;
  readonly byRole: EventAuthorRole;
  readonly reason: string;
}

export interface OrderLineSummary {
  readonly name: string;
  readonly qty: number;
  /** Chosen modifier option names, as the kitchen reads them on the ticket. */
  readonly modifiers: readonly string[];
}

/** Query row derived from an order document; rebuildable from the update log at any time. */
export interface OrderRow {
  readonly id: OrderId;
  readonly outletId: OutletId;
  readonly status: OrderStatus;
  readonly orderType: OrderType;
  readonly placedAt: number;
  readonly readyBy: number | null;
  /** When the current status began: what "ready for 4 min" and "done today" count from. */
  readonly statusAt: number;
  /** `statusAt` once the order is closed (done, rejected, cancelled, failed); null while open, so indexes skip it. */
  readonly closedAt: number | null;
  /** 1 when some change lost a merge: a closed order with one is held up for staff to read. */
  readonly conflicted: 0 | 1;
  readonly prepMinutes: number | null;
  readonly delayMinutes: number;
  /** When outlet staff last acknowledged the new order's ring (on any device); null if never. */
  readonly acknowledgedAt: number | null;
  /** 'phone' for orders staff took on the phone. */
  readonly source: 'online' | 'phone';
  readonly customerName: string;
  readonly customerPhone: string;
  readonly table: string | null;
  readonly address: string | null;
  readonly notes: string | null;
  readonly lines: readonly OrderLineSummary[];
  readonly total: number;
  readonly currency: string;
  readonly syncState: DocSyncState;
  readonly conflicts: readonly ConflictSummary[];
}

/** A change the server refused: kept until the person has seen it. */
export interface RefusalRow {
  readonly id: number;
  readonly docName: string;
  readonly code: RejectCode;
  readonly message: string;
  readonly at: number;
}

export interface SessionRow extends Session {
  /** Always 'current': the device has at most one signed-in user. */
  readonly key: 'current';
}

/** Small facts about the store itself, such as which projection built the query tables or the device's id. */
export interface MetaRow {
  readonly key: string;
  readonly value: number | string;
}

/**
 * A phone order waiting in the device's outbox: entered by staff (maybe offline), placed with
 * `POST /api/orders` under its idempotency key when the server can be reached. `placed` rows stay
 * until the real order has arrived on the device; `refused` rows until staff fix or discard them.
 */
export interface PhoneOrderRow {
  /** The Idempotency-Key it is (re)sent under, so a retry never places it twice. */
  readonly key: string;
  readonly outletId: string;
  readonly request: PhoneOrderRequest;
  readonly state: 'waiting' | 'refused' | 'placed';
  readonly attempts: number;
  readonly nextAttemptAt: number;
  /** Why the last attempt did not get through (network, server busy); null before any. */
  readonly lastError: string | null;
  readonly refusal: { readonly code: string; readonly message: string } | null;
  readonly orderId: OrderId | null;
}

/** Kitchen tickets printed on this device, so the button can say "Reprint". */
export interface PrintRow {
  readonly orderId: string;
  readonly lastAt: number;
  readonly count: number;
}

/**
 * What the driver asked for last, on or off shift, kept until the server has it: going on shift in
 * a dead zone still counts, and is sent with `POST /api/driver/shift` when there is network.
 */
export interface DriverShiftRow {
  /** Always 'current': one driver per device at a time. */
  readonly key: 'current';
  readonly driverId: string;
  readonly onShift: boolean;
  /** Device time of the driver's last toggle. */
  readonly changedAt: number;
  /** 1 until the server answered the toggle. */
  readonly unsynced: UnsyncedFlag;
  /** Why the server did not take it, when it said no for good. */
  readonly refusal: string | null;
}

/** One position the driver's device measured on shift, kept until the server has it (the breadcrumb trail). */
export interface LocationRow {
  readonly id: number;
  readonly driverId: string;
  readonly lat: number;
  readonly lng: number;
  /** Device time of the fix, epoch ms: the trail keeps when the driver was there, not when it was sent. */
  readonly at: number;
  /** Metres, as the device reported it; null when it did not. */
  readonly accuracy: number | null;
}

export type ProofImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * A proof-of-delivery image (a doorstep photo or the customer's signature), named by the SHA-256 of
 * its bytes as the `delivered` event names it. Kept on the device from the moment it is taken and
 * uploaded whenever there is network; the bytes are dropped once the server has them.
 */
export interface ProofRow {
  readonly orderId: string;
  /** Lowercase hex SHA-256 of `bytes`: the proof id on the server. */
  readonly sha256: string;
  readonly driverId: string;
  readonly kind: 'photo' | 'signature';
  readonly type: ProofImageType;
  /** The image until the server has it; null after. */
  readonly bytes: Uint8Array | null;
  readonly size: number;
  /** Device time it was taken. */
  readonly takenAt: number;
  /** waiting: not on the server yet; uploaded; refused: the server will not take it (the message says why). */
  readonly state: 'waiting' | 'uploaded' | 'refused';
  readonly lastError: string | null;
}

/**
 * Whether this device wants wake-ups, and the push token the server holds for it (and for whom), so a
 * start can tell when Firebase rotated the token and a sign-out knows what to remove.
 */
export interface PushRegistrationRow {
  /** Always 'current': one browser profile has one push subscription. */
  readonly key: 'current';
  /** False once someone turned notifications off here; a sign-in then does not turn them back on. */
  readonly wanted: boolean;
  /** The FCM token the server accepted; null when none is registered. */
  readonly token: string | null;
  readonly userId: string | null;
  readonly app: PushApp | null;
}

export type DabbaDb = Dexie & {
  updates: EntityTable<UpdateRow, 'id'>;
  orders: EntityTable<OrderRow, 'id'>;
  refusals: EntityTable<RefusalRow, 'id'>;
  session: EntityTable<SessionRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
  phoneOrders: EntityTable<PhoneOrderRow, 'key'>;
  prints: EntityTable<PrintRow, 'orderId'>;
  driverShift: EntityTable<DriverShiftRow, 'key'>;
  locations: EntityTable<LocationRow, 'id'>;
  proofs: Table<ProofRow, [string, string]>;
  pushRegistration: EntityTable<PushRegistrationRow, 'key'>;
};

export const DEFAULT_DB_NAME = 'dabba';
/**
 * The admin app's own store: it holds every order and outlet of the day, which must not mix with an
 * outlet tablet's or a driver's store in the same browser, nor share their sign-in.
 */
export const ADMIN_DB_NAME = 'dabba-admin';

/** The store of the app a path belongs to: what the service worker pulls a wake-up's documents into. */
export function dbNameForPath(path: string): string {
  return path.startsWith('/admin/') ? ADMIN_DB_NAME : DEFAULT_DB_NAME;
}

export function openDabbaDb(name: string = DEFAULT_DB_NAME): DabbaDb {
  const db = new Dexie(name) as DabbaDb;
  db.version(1).stores({
    updates: '++id, docName, unsynced, [docName+unsynced]',
    orders: 'id, outletId, status, placedAt, syncState',
    refusals: '++id, docName',
    session: 'key',
    meta: 'key',
  });
  // The board reads an outlet's open orders and today's closed ones, and history pages by date,
  // without scanning every row the device ever held.
  db.version(2).stores({
    orders:
      'id, outletId, status, placedAt, syncState, [outletId+status], [outletId+closedAt], [outletId+conflicted+closedAt], [outletId+placedAt]',
    phoneOrders: 'key, outletId',
    prints: 'orderId',
  });
  // The driver app's own outboxes: the shift toggle, the breadcrumb trail and proof-of-delivery images.
  db.version(3).stores({
    driverShift: 'key',
    locations: '++id, driverId',
    proofs: '[orderId+sha256], orderId, state',
  });
  // Wake-ups: the push token registered for this device.
  db.version(4).stores({ pushRegistration: 'key' });
  return db;
}
