import { useCallback, useMemo } from 'react';
import type { Catalog } from '../../../shared/catalog/outletDoc';
import type { OutletId } from '../../../shared/ids';
import type { Actor } from '../../../shared/roles';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { useDoneToday } from '../model/orders/useBoardOrders';
import { useOrderCommands } from '../model/orders/useOrderCommands';
import { useOrderDrivers } from '../model/orders/useOrderDrivers';
import { useSeenConflicts } from '../model/orders/useSeenConflicts';
import type { OrderRow, PhoneOrderRow } from '../../common/store/db';
import type { BoardCounts } from '../../common/store/orderRows';
import { usePrinter } from '../print/PrinterContext';
import { AttentionList } from './AttentionList';
import { BoardColumn } from './BoardColumn';
import { ColumnTabs } from './ColumnTabs';
import { DoneList } from './DoneList';
import { OrderCard } from './OrderCard';
import { PhoneOrderCard } from './PhoneOrderCard';
import { sortColumn, StatusColumn } from './StatusColumn';

const KITCHEN_COLUMNS = [
  { status: 'accepted', title: 'Accepted' },
  { status: 'preparing', title: 'Preparing' },
  { status: 'ready', title: 'Ready' },
  { status: 'picked_up', title: 'Out for delivery' },
] as const;
const TABS = [
  { id: 'new', title: 'New' },
  ...KITCHEN_COLUMNS.map(({ status, title }) => ({ id: status === 'picked_up' ? 'out' : status, title })),
];

export interface OrdersScreenProps {
  readonly outletId: OutletId;
  readonly actor: Actor;
  /** The new orders (the shell reads them for the ring too); null until read. */
  readonly placed: readonly OrderRow[] | null;
  readonly counts: BoardCounts | null;
  readonly today: number;
  readonly catalog: Catalog | null;
  readonly defaultPrepMinutes: number;
  readonly phoneEntries: readonly PhoneOrderRow[];
  readonly onEditPhoneOrder: (key: string) => void;
  readonly onDiscardPhoneOrder: (key: string) => Promise<CommandOutcome>;
}

/** The outlet's live order board: new → accepted → preparing → ready → out, and today's done. */
export function OrdersScreen(props: OrdersScreenProps) {
  const { outletId, actor, placed, counts, today, catalog, defaultPrepMinutes, phoneEntries, onEditPhoneOrder, onDiscardPhoneOrder } =
    props;
  const runAction = useOrderCommands();
  const printer = usePrinter();
  const { seen, markSeen } = useSeenConflicts();
  const done = useDoneToday(outletId, today);
  const newOrders = useMemo(() => sortColumn(placed ?? []), [placed]);
  const drivers = useOrderDrivers(outletId);

  const renderCard = useCallback(
    (order: OrderRow) => (
      <li key={order.id}>
        <OrderCard
          order={order}
          actor={actor}
          runAction={runAction}
          defaultPrepMinutes={defaultPrepMinutes}
          driver={drivers.get(order.id) ?? null}
          printedCount={printer.printedCount(order.id)}
          onPrint={printer.print}
        />
      </li>
    ),
    [actor, runAction, defaultPrepMinutes, drivers, printer],
  );

  if (placed === null || counts === null || done === null)
    return (
      <p className="empty" role="status">
        Opening the orders on this device…
      </p>
    );

  // A placed phone order hands over to its real card as soon as that has arrived.
  const arrived = new Set(placed.map((o) => o.id));
  const outbox = phoneEntries.filter((e) => !(e.orderId && arrived.has(e.orderId)));
  const attention = done.conflicted.filter((o) => o.conflicts.length > (seen.get(o.id) ?? 0));

  return (
    <div className="board" data-board-total={counts.open + counts.done} data-open-count={counts.open}>
      <AttentionList orders={attention} onSeen={(order) => markSeen(order.id, order.conflicts.length)} />
      <ColumnTabs columns={TABS} />
      <div className="board__columns" tabIndex={0} role="group" aria-label="Order columns">
        <BoardColumn id="new" title="New" count={newOrders.length + outbox.length}>
          {outbox.map((entry) => (
            <li key={entry.key}>
              <PhoneOrderCard entry={entry} catalog={catalog} onEdit={onEditPhoneOrder} onDiscard={onDiscardPhoneOrder} />
            </li>
          ))}
          {newOrders.map(renderCard)}
        </BoardColumn>
        {KITCHEN_COLUMNS.map(({ status, title }) => (
          <StatusColumn key={status} outletId={outletId} status={status} title={title} renderCard={renderCard} />
        ))}
      </div>
      <DoneList orders={done.recent} total={done.count} printedCount={printer.printedCount} onPrint={printer.print} />
    </div>
  );
}
