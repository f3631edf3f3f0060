import { useState } from 'react';
import type { Catalog } from '../../../shared/catalog/outletDoc';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import type { PhoneOrderRow } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { describeItems } from '../phone/describeItems';

function stateText(entry: PhoneOrderRow): string {
  switch (entry.state) {
    case 'waiting':
      return 'Phone order — waiting to be placed';
    case 'refused':
      return 'Phone order — not placed';
    case 'placed':
      return 'Phone order — placed, arriving';
  }
}

/**
 * A phone order still in this device's outbox. Until the server has placed it, it is not an order
 * anyone else can see, so the card says so; a refusal stays here with the server's words.
 */
export function PhoneOrderCard({
  entry,
  catalog,
  onEdit,
  onDiscard,
}: {
  readonly entry: PhoneOrderRow;
  readonly catalog: Catalog | null;
  readonly onEdit: (key: string) => void;
  readonly onDiscard: (key: string) => Promise<CommandOutcome>;
}) {
  const { time } = useOutletTime();
  const [problem, setProblem] = useState<string | null>(null);
  const { request } = entry;
  const name = request.customer.name;
  return (
    <article
      className="card order order--phone"
      aria-label={`Phone order for ${name}`}
      data-phone-order={entry.key}
      data-state={entry.state}
    >
      <div className="order__head">
        <h3>{name}</h3>
        <span className="badge badge--local" data-sync-state="local">
          saved on this device
        </span>
      </div>
      <p className="order__status">{stateText(entry)}</p>
      <p className="order__type">
        {request.type} · {request.customer.phone} · entered {time(request.enteredAt)}
      </p>
      <ul className="order__lines" aria-label="Items">
        {describeItems(request.items, catalog).map((line, index) => (
          <li key={index}>
            {line.qty} × {line.name}
            {line.modifiers.length > 0 ? ` — ${line.modifiers.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      {entry.state === 'waiting' && entry.lastError ? (
        <p className="notice">
          {entry.lastError} Trying again at {time(entry.nextAttemptAt)}.
        </p>
      ) : null}
      {entry.refusal ? (
        <p className="error" role="alert">
          The server refused it: {entry.refusal.message}
        </p>
      ) : null}
      {entry.state !== 'placed' ? (
        <div className="order__actions">
          <button type="button" className="button" onClick={() => onEdit(entry.key)}>
            Edit phone order
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void onDiscard(entry.key).then((o) => setProblem(o.ok ? null : o.error.message))}
          >
            Discard phone order
          </button>
        </div>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </article>
  );
}
