import { useMemo } from 'react';
import type { Catalog } from '../../../shared/catalog/outletDoc';
import { groupBoard, type BoardColumn as Column } from '../../../shared/order/board';
import type { Actor } from '../../../shared/roles';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { useOrderCommands } from '../../common/orders/useOrderCommands';
import { useSeenConflicts } from '../../common/orders/useSeenConflicts';
import type { OrderRow, PhoneOrderRow } from '../../common/store/db';
import type { BoardRows } from '../../common/store/orderRows';
import { usePrinter } from '../print/PrinterContext';
import { AttentionList } from './AttentionList';
import { BoardColumn } from './BoardColumn';
import { DoneList } from './DoneList';
import { OrderCard } from './OrderCard';
import { PhoneOrderCard } from './PhoneOrderCard';

const KITCHEN_COLUMNS: readonly { readonly id: Exclude<Column, 'new' | 'done'>; readonly title: string }[] = [
  { id: 'accepted', title: 'Accepted' },
  { id: 'preparing', title: 'Preparing' },
  { id: 'ready', title: 'Ready' },
  { id: 'out', title: 'Out for delivery' },
];

export interface OrdersScreenProps {
  readonly actor: Actor;
  readonly board: BoardRows | null;
  readonly today: number;
  readonly catalog: Catalog | null;
  readonly defaultPrepMinutes: number;
  readonly phoneEntries: readonly PhoneOrderRow[];
  readonly onEditPhoneOrder: (key: string) => void;
  readonly onDiscardPhoneOrder: (key: string) => Promise<CommandOutcome>;
}

/** The outlet's live order board: new → accepted → preparing → ready → out, and today's done. */
export function OrdersScreen({ actor, board, today, catalog, defaultPrepMinutes, phoneEntries, onEditPhoneOrder, onDiscardPhoneOrder }: OrdersScreenProps) {
  const commands = useOrderCommands();
  const printer = usePrinter();
  const { seen, markSeen } = useSeenConflicts();
  const open = board?.open;
  const columns = useMemo(() => groupBoard(open ?? [], today).columns, [open, today]);
  const onBoard = useMemo(() => new Set((open ?? []).map((o) => o.id)), [open]);

  if (board === null) return <p className="empty" role="status">Opening the orders on this device…</p>;

  // A placed phone order hands over to its real card as soon as that has arrived.
  const outbox = phoneEntries.filter((e) => !(e.orderId && onBoard.has(e.orderId)));
  const attention = board.doneConflicted.filter((o) => o.conflicts.length > (seen.get(o.id) ?? 0));

  const card = (order: OrderRow) => (
    <li key={order.id}>
      <OrderCard order={order} actor={actor} commands={commands} defaultPrepMinutes={defaultPrepMinutes}
        printedCount={printer.printedCount(order.id)} onPrint={printer.print} />
    </li>
  );

  return (
    <div className="board" data-board-total={board.open.length + board.doneCount}>
      <AttentionList orders={attention} onSeen={(order) => markSeen(order.id, order.conflicts.length)} />
      <div className="board__columns">
        <BoardColumn id="new" title="New" count={columns.new.length + outbox.length}>
          {outbox.map((entry) => (
            <li key={entry.key}>
              <PhoneOrderCard entry={entry} catalog={catalog} onEdit={onEditPhoneOrder} onDiscard={onDiscardPhoneOrder} />
            </li>
          ))}
          {columns.new.map(card)}
        </BoardColumn>
        {KITCHEN_COLUMNS.map(({ id, title }) => (
          <BoardColumn key={id} id={id} title={title} count={columns[id].length}>
            {columns[id].map(card)}
          </BoardColumn>
        ))}
      </div>
      <DoneList orders={board.doneRecent} total={board.doneCount} printedCount={printer.printedCount} onPrint={printer.print} />
    </div>
  );
}
