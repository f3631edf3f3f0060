import type { OrderStatus } from '../../../../shared/order/status';
import { clockTime } from '../../../common/ui/clockTime';
import type { PromiseTimer } from './promise';

/** The timer in words, e.g. "4 min late · due 12:30"; null when the order has no clock to show. */
export function timerText(timer: PromiseTimer, status: OrderStatus): string | null {
  switch (timer.kind) {
    case 'waiting':
      return timer.minutes === 0 ? 'Just placed' : `Unanswered for ${timer.minutes} min`;
    case 'due':
      return timer.late ? `${timer.minutes} min late · due ${clockTime(timer.at)}` : `Due ${clockTime(timer.at)} · in ${timer.minutes} min`;
    case 'since':
      return `${status === 'ready' ? 'Ready' : 'Out'} for ${timer.minutes} min${timer.late ? ' · ready late' : ''}`;
    case 'arriving':
      return timer.late
        ? `${timer.minutes} min late · promised ${clockTime(timer.at)}`
        : `On the way · promised ${clockTime(timer.at)}, in ${timer.minutes} min`;
    case 'none':
      return null;
  }
}
