import { useMemo, useRef } from 'react';
import type { OutletId } from '../../../../shared/ids';
import { startOfLocalDay } from '../../../../shared/order/board';
import { useNow } from '../../../common/ui/useNow';
import { useListKeys } from '../../keys/useListKeys';
import { useHeldOrders, useLiveFilter, useNameOf, useOutlets } from '../../model/AdminContext';
import { filterLive } from '../../model/orders/liveFilter';
import { LiveFilters } from './LiveFilters';
import { LiveTable } from './LiveTable';

/**
 * Every order across the outlets that is under way (or as filtered), late ones on top, with its timer
 * against what was promised. Keyboard: `/` search, j / k move, Enter opens.
 */
export function LiveScreen() {
  const orders = useHeldOrders();
  const directory = useOutlets();
  const [filter, change] = useLiveFilter();
  const nameOf = useNameOf();
  const now = useNow(15_000);
  const body = useRef<HTMLTableSectionElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useListKeys(body, search);

  const shown = useMemo(() => filterLive(orders, filter, now, startOfLocalDay(now)), [orders, filter, now]);
  const outlets = useMemo(() => {
    const names = new Map<OutletId, string>(directory.map((o) => [o.id, o.name]));
    for (const o of orders) if (!names.has(o.header.outletId)) names.set(o.header.outletId, o.header.outlet.name);
    return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [directory, orders]);

  return (
    <section className="live" aria-labelledby="live-title">
      <div className="live__head">
        <h2 id="live-title">Live operations</h2>
        <p className="muted" role="status">
          {shown.length} of {orders.length} orders on this device
        </p>
      </div>
      <LiveFilters filter={filter} outlets={outlets} onChange={change} search={search} />
      {shown.length === 0 ? <p className="empty">No orders match.</p> : <LiveTable orders={shown} now={now} nameOf={nameOf} body={body} />}
    </section>
  );
}
