import type { AdminAlertKind } from '../../shared/adminAlerts';
import type { Paused } from '../../shared/catalog/outletStatus';
import type { OrderId, OutletId } from '../../shared/ids';
import type { OutletWaiting } from '../../shared/track';

export interface WatchLimits {
  /** No device of the outlet online this long while orders wait: ordering pauses itself. */
  readonly offlinePauseMs: number;
  /** A new order unanswered this long while the outlet is online: its devices ring harder and sleeping ones are woken. */
  readonly escalateMs: number;
  /** A new order unanswered this long, online or not: an admin is told. */
  readonly alertMs: number;
}

export interface WaitingOrder {
  readonly orderId: OrderId;
  readonly placedAt: number;
  readonly escalated: boolean;
}

/** One outlet as the watch sees it at `now`. */
export interface OutletSight {
  readonly outletId: OutletId;
  readonly name: string;
  readonly live: boolean;
  /** Since when no device of it has been online (this node's observation), or null when one is. */
  readonly offlineSince: number | null;
  readonly paused: Paused | null;
  /** Its orders nobody has accepted or rejected yet, oldest first. */
  readonly waiting: readonly WaitingOrder[];
}

/** The alerts the watch raises and resolves; others in `inbox:admin` (cash mismatches) are not its to settle. */
export const WATCH_ALERT_KINDS: ReadonlySet<AdminAlertKind> = new Set<AdminAlertKind>(['outlet_offline', 'order_unanswered']);

export type WatchAction =
  | { readonly type: 'pause'; readonly outletId: OutletId }
  | { readonly type: 'resume'; readonly outletId: OutletId }
  | { readonly type: 'escalate'; readonly outletId: OutletId; readonly orderId: OrderId; readonly waitedMs: number }
  | {
      readonly type: 'alert';
      readonly kind: AdminAlertKind;
      readonly outletId: OutletId;
      readonly orderId: OrderId | null;
      readonly since: number;
      readonly message: string;
    }
  | { readonly type: 'notice'; readonly orderId: OrderId; readonly waiting: OutletWaiting | null };

const minutes = (ms: number): string => {
  const m = Math.max(1, Math.round(ms / 60_000));
  return `${m} minute${m === 1 ? '' : 's'}`;
};

const orders = (n: number): string => `${n} order${n === 1 ? '' : 's'}`;

/**
 * What to do about one outlet now. Pure and idempotent: an action already in effect (a pause that
 * is there, an order already escalated) is not asked for again, and alerts are keyed, so running it
 * every few seconds is safe. "Offline" is no live device at all, "slow" is online but not answering:
 * an offline outlet is paused (its customers cannot be served) but never rung harder (nothing would
 * hear it); a slow one is rung harder and its sleeping devices woken, and an admin hears of both.
 */
export function planOutlet(o: OutletSight, now: number, limits: WatchLimits): WatchAction[] {
  const actions: WatchAction[] = [];
  const autoPaused = o.paused?.auto === 'tablet_offline';
  const pausedNow = o.paused !== null && (o.paused.until === null || o.paused.until > now);
  const offlineLong = !o.live && o.offlineSince !== null && now - o.offlineSince >= limits.offlinePauseMs;

  if (o.live && autoPaused) actions.push({ type: 'resume', outletId: o.outletId });
  if (offlineLong && o.waiting.length > 0) {
    if (!pausedNow) actions.push({ type: 'pause', outletId: o.outletId });
    actions.push({
      type: 'alert',
      kind: 'outlet_offline',
      outletId: o.outletId,
      orderId: null,
      since: o.offlineSince,
      message: `${o.name}'s tablets have been offline for ${minutes(now - o.offlineSince)} with ${orders(o.waiting.length)} waiting; new orders are paused until one is back.`,
    });
  }

  for (const w of o.waiting) {
    const waited = now - w.placedAt;
    if (o.live && waited >= limits.escalateMs && !w.escalated)
      actions.push({ type: 'escalate', outletId: o.outletId, orderId: w.orderId, waitedMs: waited });
    if (waited >= limits.alertMs)
      actions.push({
        type: 'alert',
        kind: 'order_unanswered',
        outletId: o.outletId,
        orderId: w.orderId,
        since: w.placedAt,
        message: o.live
          ? `${o.name} has not answered an order for ${minutes(waited)} although a tablet is online.`
          : `${o.name} has not answered an order for ${minutes(waited)}; its tablets are offline.`,
      });
    const waiting: OutletWaiting | null = offlineLong ? 'offline' : o.live && waited >= limits.escalateMs ? 'slow' : null;
    actions.push({ type: 'notice', orderId: w.orderId, waiting });
  }
  return actions;
}
