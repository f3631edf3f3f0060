import { Dexie, type EntityTable } from 'dexie';
import type { EventType } from '../../../shared/order/events';
import type { OrderStatus, OrderType } from '../../../shared/order/status';
import type { EventAuthorRole } from '../../../shared/roles';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
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
}

/** Query row derived from an order document; rebuildable from the update log at any time. */
export interface OrderRow {
  readonly id: string;
  readonly outletId: string;
  readonly status: OrderStatus;
  readonly orderType: OrderType;
  readonly placedAt: number;
  readonly readyBy: number | null;
  readonly customerName: string;
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

/** Small facts about the store itself, such as which projection built the query tables. */
export interface MetaRow {
  readonly key: string;
  readonly value: number;
}

export type DabbaDb = Dexie & {
  updates: EntityTable<UpdateRow, 'id'>;
  orders: EntityTable<OrderRow, 'id'>;
  refusals: EntityTable<RefusalRow, 'id'>;
  session: EntityTable<SessionRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DEFAULT_DB_NAME = 'dabba';

export function openDabbaDb(name: string = DEFAULT_DB_NAME): DabbaDb {
  const db = new Dexie(name) as DabbaDb;
  db.version(1).stores({
    updates: '++id, docName, unsynced, [docName+unsynced]',
    orders: 'id, outletId, status, placedAt, syncState',
    refusals: '++id, docName',
    session: 'key',
    meta: 'key',
  });
  return db;
}
