import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import type { OrderView } from '../../../shared/order/orderDoc';
import { useDriverCommands } from '../model/useDriverCommands';
import { clockTime } from '../../common/ui/clockTime';
import { ItemChecklist } from './ItemChecklist';
import { PlaceLinks } from './PlaceLinks';

function kitchenText({ state }: OrderView): string {
  if (state.status === 'ready') return 'Ready for pickup';
  const by = state.readyBy ? ` · ready by ${clockTime(state.readyBy)}` : '';
  return state.status === 'preparing' ? `Being prepared${by}` : `Accepted${by}`;
}

/** Step one: get to the outlet, check the bag, and say it is picked up. */
export function PickupStep({ orderId, view }: { readonly orderId: OrderId; readonly view: OrderView }) {
  const { pickUp } = useDriverCommands();
  const { header } = view;
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const allChecked = header.items.every((_, i) => checked.has(i));

  const toggle = (index: number): void => {
    const next = new Set(checked);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    setChecked(next);
  };

  const confirm = async (): Promise<void> => {
    if (!allChecked) {
      setError('Tick each item as it goes into the bag first.');
      return;
    }
    const outcome = await pickUp(orderId);
    setError(outcome.ok ? null : outcome.error.message);
  };

  return (
    <>
      <section className="card step" aria-labelledby="pickup-title">
        <h2 id="pickup-title">Pick up at {header.outlet.name}</h2>
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
      <div className="bottom-bar">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="button" className="button button--primary button--big" onClick={() => void confirm()}>
          Picked up
        </button>
      </div>
    </>
  );
}
