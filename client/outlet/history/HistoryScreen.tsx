import { useMemo, useState } from 'react';
import type { OrderId, OutletId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import { HISTORY_RANGES, mergeHistory, rangeBounds, type HistoryEntry, type HistoryRange } from '../model/orders/historySearch';
import { useOrderHistory } from '../model/orders/useOrderHistory';
import { SyncBadge } from '../../common/ui/SyncBadge';
import { useNow } from '../../common/ui/useNow';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { orderNumber } from '../orders/orderText';
import { STATUS_TEXT } from '../../common/ui/statusText';
import { usePrinter } from '../print/PrinterContext';
import { OrderDetail } from './OrderDetail';

const RANGE_TEXT: { readonly [R in HistoryRange]: string } = {
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'Last 7 days',
  month: 'Last 30 days',
  all: 'All',
};

function OpenButton({ id, customer, onOpen }: { readonly id: OrderId; readonly customer: string; readonly onOpen: (id: OrderId) => void }) {
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-label={`Open order ${orderNumber(id)} for ${customer}`}
      onClick={() => onOpen(id)}
    >
      {orderNumber(id)}
    </button>
  );
}

function Row({ entry, onOpen }: { readonly entry: HistoryEntry; readonly onOpen: (id: OrderId) => void }) {
  const printer = usePrinter();
  const when = useOutletTime().dateTime;
  if (entry.source === 'server') {
    const o = entry.order;
    return (
      <tr data-order-id={o.id}>
        <td>{when(o.createdAt)}</td>
        <td>{o.customerName ?? '—'}</td>
        <td>{o.customerPhone ?? '—'}</td>
        <td>
          <OpenButton id={o.id} customer={o.customerName ?? 'a customer'} onOpen={onOpen} />
        </td>
        <td>
          {o.type ?? '—'}
          {o.source === 'phone' ? ' (phone)' : ''}
        </td>
        <td>{STATUS_TEXT[o.status]}</td>
        <td>{o.total === null ? '—' : formatMoney(o.total, o.currency ?? 'INR')}</td>
        <td>on the server</td>
        <td />
      </tr>
    );
  }
  const r = entry.row;
  return (
    <tr data-order-id={r.id}>
      <td>{when(r.placedAt)}</td>
      <td>{r.customerName}</td>
      <td>{r.customerPhone}</td>
      <td>
        <OpenButton id={r.id} customer={r.customerName} onOpen={onOpen} />
      </td>
      <td>{r.orderType}</td>
      <td>{STATUS_TEXT[r.status]}</td>
      <td>{formatMoney(r.total, r.currency)}</td>
      <td>
        <SyncBadge state={r.syncState} />
      </td>
      <td>
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Print ticket for ${r.customerName}`}
          onClick={() => printer.print(r)}
        >
          {printer.printedCount(r.id) > 0 ? 'Reprint' : 'Print ticket'}
        </button>
      </td>
    </tr>
  );
}

/** Today's and past orders: what this device holds at once, plus the server's search when online. */
export function HistoryScreen({ outletId }: { readonly outletId: OutletId }) {
  const [query, setQuery] = useState('');
  const [range, setRange] = useState<HistoryRange>('today');
  const [open, setOpen] = useState<OrderId | null>(null);
  const today = useOutletTime().startOfDay(useNow(60_000));
  const { from, to } = rangeBounds(range, today);
  const history = useOrderHistory(outletId, query, from, to);
  const entries = useMemo(() => mergeHistory(history.local, history.remote), [history.local, history.remote]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">Order history</h2>
      <div className="history__filters">
        <label className="field history__search">
          <span>Search by name, phone or order number</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="field">
          <span>When</span>
          <select value={range} onChange={(e) => setRange(e.target.value as HistoryRange)}>
            {HISTORY_RANGES.map((r) => (
              <option key={r} value={r}>
                {RANGE_TEXT[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="history__note" role="status">
        {entries.length} {entries.length === 1 ? 'order' : 'orders'}
        {history.serverNote ? ` · ${history.serverNote}` : ''}
      </p>
      {open ? (
        <OrderDetail orderId={open} outletId={outletId} onClose={() => setOpen(null)} />
      ) : entries.length === 0 ? (
        <p className="empty">No orders match.</p>
      ) : (
        <div className="history__table-wrap">
          <table className="history__table">
            <thead>
              <tr>
                <th>Placed</th>
                <th>Customer</th>
                <th>Phone</th>
                <th>Order</th>
                <th>Type</th>
                <th>Status</th>
                <th>Total</th>
                <th>Sync</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.slice(0, 300).map((entry) => (
                <Row key={entry.source === 'device' ? entry.row.id : entry.order.id} entry={entry} onOpen={setOpen} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
