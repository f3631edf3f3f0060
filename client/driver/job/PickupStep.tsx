import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import type { OrderView } from '../../../shared/order/orderDoc';
import { useDriverCommands } from '../model/useDriverCommands';
import { orderNumber } from '../../../shared/order/orderNumber';
import { clockTime } from '../../common/ui/clockTime';
import { ConfirmEarlyPickup } from './ConfirmEarlyPickup';
import { ErrorLine } from '../../common/ui/ErrorLine';
import { ItemChecklist } from './ItemChecklist';
import { PlaceLinks } from './PlaceLinks';

function kitchenText({ state }: OrderView): string {
  if (state.status === 'ready') return 'Ready for pickup';
  const by = state.readyBy ? ` · ready by ${clockTime(state.readyBy)}` : '';
  return state.status === 'preparing' ? `Being prepared${by}` : `Accepted${by}`;
}

/**
 * Step one: get to the outlet, ask for the order by its number and the customer's name, check the
 * bag, and say it is picked up (asked again when the kitchen has not marked it ready).
 */
export function PickupStep({ orderId, view }: { readonly orderId: OrderId; readonly view: OrderView }) {
  const { pickUp } = useDriverCommands();
  const { header } = view;
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const ready = view.state.status === 'ready';
  const allChecked = header.items.every((_, i) => checked.has(i));

  const toggle = (index: number): void => {
    const next = new Set(checked);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    setChecked(next);
    setError(null);
  };

  const pickUpNow = async (): Promise<void> => {
    const outcome = await pickUp(orderId);
    setError(outcome.ok ? null : outcome.error.message);
  };

  const confirm = (): void => {
    if (!allChecked) {
      setError('Tick each item as it goes into the bag first.');
      return;
    }
    setError(null);
    if (ready) void pickUpNow();
    else setAsking(true);
  };

  return (
    <>
      <section className="card step" aria-labelledby="pickup-title">
        <h2 id="pickup-title">Pick up at {header.outlet.name}</h2>
        <p className="step__order">
          Order <strong>{orderNumber(orderId)}</strong> for <strong>{header.customer.name}</strong>
        </p>
        <p>{header.outlet.address}</p>
        <p className="step__kitchen" role="status">
          {kitchenText(view)}
        </p>
        <PlaceLinks
          place={{ lat: header.outlet.lat, lng: header.outlet.lng, label: header.outlet.name }}
          navigateLabel="Navigate to pickup"
          callLabel="Call outlet"
          phone={header.outlet.phone}
        />
        <ItemChecklist items={header.items} checked={checked} onToggle={toggle} />
        {header.notes ? (
          <p>
            <strong>Notes:</strong> {header.notes}
          </p>
        ) : null}
      </section>
      {asking && !ready ? (
        <ConfirmEarlyPickup error={error} onConfirm={() => void pickUpNow()} onBack={() => setAsking(false)} />
      ) : (
        <div className="bottom-bar">
          <ErrorLine message={error} />
          <button type="button" className="button button--primary button--big" onClick={confirm}>
            Picked up
          </button>
        </div>
      )}
    </>
  );
}
