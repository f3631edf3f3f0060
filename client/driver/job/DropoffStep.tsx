import { useState } from 'react';
import { cashDue } from '../../../shared/dispatch/offer';
import type { OrderId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import type { OrderView } from '../../../shared/order/orderDoc';
import { DeliverForm } from '../delivery/DeliverForm';
import { FailForm } from '../delivery/FailForm';
import { lineText } from './ItemChecklist';
import { PlaceLinks } from './PlaceLinks';

/** Step two: get to the customer, then Delivered (with proof), or, apart and confirmed, Failed (with a reason). */
export function DropoffStep({ orderId, view }: { readonly orderId: OrderId; readonly view: OrderView }) {
  const { header } = view;
  const [mode, setMode] = useState<'route' | 'deliver' | 'fail'>('route');
  const due = cashDue(header);
  if (mode === 'deliver')
    return (
      <DeliverForm
        orderId={orderId}
        view={view}
        onFail={() => setMode('fail')}
        cashDue={due}
        currency={header.currency}
        onCancel={() => setMode('route')}
      />
    );
  if (mode === 'fail') return <FailForm orderId={orderId} onCancel={() => setMode('route')} />;
  return (
    <>
      <section className="card step" aria-labelledby="dropoff-title">
        <h2 id="dropoff-title">Deliver to {header.customer.name}</h2>
        {header.address ? <p className="step__address">{header.address.text}</p> : null}
        {header.notes ? (
          <p>
            <strong>Notes:</strong> {header.notes}
          </p>
        ) : null}
        {due > 0 ? (
          <p className="step__cash">Collect {formatMoney(due, header.currency)} in cash</p>
        ) : (
          <p>{header.payment.method === 'card' ? 'Paid by card: collect no cash' : 'Paid: nothing to collect'}</p>
        )}
        {header.address ? (
          <PlaceLinks
            place={{ lat: header.address.lat, lng: header.address.lng, label: header.customer.name }}
            navigateLabel="Navigate to drop-off"
            callLabel="Call customer"
            phone={header.customer.phone}
          />
        ) : null}
        <details>
          <summary>Items ({header.items.reduce((n, l) => n + l.qty, 0)})</summary>
          <ul>
            {header.items.map((line, i) => (
              <li key={i}>{lineText(line)}</li>
            ))}
          </ul>
        </details>
      </section>
      {/* Failing ends the order: it sits apart from Delivered, quieter, and asks again with the reason. */}
      <section className="card step step--cannot" aria-label="If you cannot deliver">
        <button type="button" className="button button--quiet button--danger-text" onClick={() => setMode('fail')}>
          Can’t deliver this order…
        </button>
      </section>
      <div className="bottom-bar">
        <button type="button" className="button button--primary button--big bottom-bar__wide" onClick={() => setMode('deliver')}>
          Delivered
        </button>
      </div>
    </>
  );
}
