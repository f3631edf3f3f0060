import type { DispatchPass } from '../../../shared/adminDispatch';
import { countdownText } from '../../common/dispatch/offerCountdown';
import { clockTime } from '../../common/ui/clockTime';
import { useDriverRoster } from '../model/AdminContext';
import { offerSecondsLeft } from '../model/dispatch/offerClock';
import { useDispatch } from '../model/dispatch/useDispatch';
import type { HeldOrder } from '../model/orders/orderBook';

const PASS_WORDS: { readonly [R in DispatchPass['reason']]: string } = {
  declined: 'declined',
  timeout: 'let it lapse',
  unassigned: 'was taken off it',
};

/**
 * What dispatch is doing about a waiting delivery: the offer in flight with its countdown, or since
 * when nobody could be offered it; and who passed on it, with what they said.
 */
export function OfferLine({ order, now }: { readonly order: HeldOrder; readonly now: number }) {
  const entry = useDispatch().get(order.id);
  const { clockOffsetMs } = useDriverRoster();
  const { status } = order.state;
  let state: string | null = null;
  if (status === 'placed') state = 'Dispatch offers it once the outlet accepts it.';
  else if (!entry) state = 'Dispatch has not looked at it yet.';
  else if (entry.waitingSince !== null) state = `No driver could be offered it since ${clockTime(entry.waitingSince)}.`;
  const offer = entry?.offer ?? null;
  return (
    <div className="offer-line">
      {offer ? (
        <p>
          Offered to <strong>{offer.driverName}</strong> ·{' '}
          <span role="timer" aria-label={`Offer to ${offer.driverName}: time left`}>
            {countdownText(offerSecondsLeft(order.id, offer, now, clockOffsetMs))}
          </span>{' '}
          left
        </p>
      ) : null}
      {state ? <p>{state}</p> : null}
      {entry && entry.passes.length > 0 ? (
        <ul className="offer-line__passes" aria-label="Drivers who passed">
          {entry.passes.map((p) => (
            <li key={`${p.driverId}-${p.at}`}>
              {p.driverName} {PASS_WORDS[p.reason]} at {clockTime(p.at)}
              {p.said ? `: “${p.said}”` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
