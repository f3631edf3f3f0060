import type { OrderRow } from '../../../common/store/db';
import { orderRowVersion } from '../../../common/store/orderRows';

/**
 * Keeping a list of rows current from the rows the device just stored, without reading the table
 * back: rows that no longer belong leave, rows that do are added or replaced. Returns the same
 * array when nothing in it changed, so nothing re-renders.
 */
export function applyRowChanges(
  rows: readonly OrderRow[],
  changed: readonly OrderRow[],
  belongs: (row: OrderRow) => boolean,
): readonly OrderRow[] {
  const held = new Set(rows.map((r) => r.id));
  const relevant = changed.filter((c) => held.has(c.id) || belongs(c));
  if (relevant.length === 0) return rows;
  const ids = new Set(relevant.map((c) => c.id));
  return [...rows.filter((r) => !ids.has(r.id)), ...relevant.filter(belongs)];
}

/** Same rows in the same versions (order aside): a fresh read that would change nothing on screen. */
export function sameRows(a: readonly OrderRow[], b: readonly OrderRow[]): boolean {
  if (a.length !== b.length) return false;
  const versions = new Map(a.map((r) => [r.id, orderRowVersion(r)]));
  return b.every((r) => versions.get(r.id) === orderRowVersion(r));
}

/** A write numbered `seq`: a read started after it already holds its rows. */
export interface RowPatch {
  readonly seq: number;
  readonly rows: readonly OrderRow[];
}

/**
 * A fresh read of the table, with the writes that may have landed after the read started put back
 * on top: a slow read never shows an order going back to a status it already left.
 */
export function reconcile(
  read: readonly OrderRow[],
  startedAfter: number,
  patches: readonly RowPatch[],
  belongs: (row: OrderRow) => boolean,
): readonly OrderRow[] {
  return patches.filter((p) => p.seq > startedAfter).reduce((rows, p) => applyRowChanges(rows, p.rows, belongs), read);
}
