import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import type { OrderCommands } from '../../common/orders/useOrderCommands';
import type { OrderRow } from '../../common/store/db';
import { SyncBadge } from '../../common/ui/SyncBadge';
import { clockTime } from '../../common/ui/clockTime';
import { AcceptControl } from './AcceptControl';
import { ConflictNote } from './ConflictNote';
import { STATUS_TEXT } from './statusText';


export function OrderCard({ order, commands }: { readonly order: OrderRow; readonly commands: OrderCommands }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const orderId = order.id as OrderId;
  const allowed = commands.allowed(orderId);
  const run = (outcome: CommandOutcome): void => setRefusal(outcome.ok ? null : outcome.reason);
  const titleId = `order-${order.id}-title`;

  return (
    <article className="card order" aria-labelledby={titleId} data-order-id={order.id}>
      <div className="order__head">
        <h2 id={titleId}>{order.customerName}</h2>
        <SyncBadge state={order.syncState} />
      </div>
      <p className="order__status" data-status={order.status}>
        Status: {STATUS_TEXT[order.status]}
        {order.readyBy ? ` · ready by ${clockTime(order.readyBy)}` : ''}
      </p>
      <ul className="order__lines" aria-label="Items">
        {order.lines.map((line, index) => (
          <li key={index}>{line.qty} × {line.name}</li>
        ))}
      </ul>
      <div className="order__meta">
        <span>Total {formatMoney(order.total, order.currency)}</span>
        <span>{order.orderType}</span>
        <span>Placed {clockTime(order.placedAt)}</span>
      </div>
      <ConflictNote conflicts={order.conflicts} />
      <div className="order__actions">
        {allowed.has('accepted') ? <AcceptControl orderId={order.id} onAccept={(minutes) => run(commands.accept(orderId, minutes))} /> : null}
        {allowed.has('preparing') ? (
          <button type="button" className="button" onClick={() => run(commands.markPreparing(orderId))}>Mark preparing</button>
        ) : null}
        {allowed.has('ready') ? (
          <button type="button" className="button" onClick={() => run(commands.markReady(orderId))}>Mark ready</button>
        ) : null}
        {allowed.has('handed_over') ? (
          <button type="button" className="button" onClick={() => run(commands.handOver(orderId))}>Hand over</button>
        ) : null}
      </div>
      {refusal ? <p className="error" role="alert">{refusal}</p> : null}
    </article>
  );
}
