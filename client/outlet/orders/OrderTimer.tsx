import { orderTimer } from '../../../shared/order/board';
import type { OrderRow } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { useNow } from '../../common/ui/useNow';

/** The card's clock against the promised time, red once late. Only this line re-renders as time passes. */
export function OrderTimer({ order }: { readonly order: OrderRow }) {
  const { time } = useOutletTime();
  // The clock wakes this line every 15 s; the minutes are counted from the real time, not the
  // rounded tick, so "in 15 min" right after accepting does not read "in 16 min".
  useNow(15_000);
  const timer = orderTimer(order, Date.now());
  let text: string;
  let late = false;
  switch (timer.kind) {
    case 'waiting':
      text = timer.minutes === 0 ? 'Just placed' : `Waiting ${timer.minutes} min`;
      late = timer.late;
      break;
    case 'due':
      text = timer.late ? `${timer.minutes} min late · due ${time(timer.at)}` : `Due ${time(timer.at)} · in ${timer.minutes} min`;
      late = timer.late;
      break;
    case 'since':
      // "Ready for 0 min" reads as a fault; the first minute is "just now".
      if (order.status === 'ready') text = timer.minutes === 0 ? 'Ready just now' : `Ready for ${timer.minutes} min`;
      else text = timer.minutes === 0 ? 'Left just now' : `Out for ${timer.minutes} min`;
      late = timer.late;
      break;
    case 'none':
      return null;
  }
  return (
    <p className={late ? 'timer timer--late' : 'timer'} data-late={late}>
      {text}
    </p>
  );
}
