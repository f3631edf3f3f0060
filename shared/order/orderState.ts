import type { UserId } from '../ids';
import type { OrderEvent } from './events';
import type { OrderStatus } from './status';

export interface Conflict {
  readonly event: OrderEvent;
  readonly reason: string;
}

export interface OrderPayment {
  readonly status: 'pending' | 'paid' | 'failed' | null;
  /** Minor units. */
  readonly paid: number;
  readonly refunded: number;
}

export interface OrderState {
  readonly status: OrderStatus;
  /** Assignment is its own dimension: a driver can be (re)assigned while the kitchen works. */
  readonly driverId: UserId | null;
  readonly placedAt: number | null;
  readonly acceptedAt: number | null;
  readonly prepMinutes: number | null;
  readonly delayMinutes: number;
  /** When outlet staff last acknowledged the new order, so its ring stops on every device; null if never. */
  readonly acknowledgedAt: number | null;
  /** acceptedAt + prepMinutes + delays: when the order should be ready. */
  readonly readyBy: number | null;
  /** Card payment as the provider confirmed it (status null: no payment step, e.g. cash); refunds of any method. */
  readonly payment: OrderPayment;
  /** Valid events in fold order; the timeline shown to people. */
  readonly applied: readonly OrderEvent[];
  /** Events that were kept but had no effect in the merged order, with why. */
  readonly conflicts: readonly Conflict[];
}
