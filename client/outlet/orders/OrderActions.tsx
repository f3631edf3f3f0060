import { useState } from 'react';
import type { ActionData, OrderAction } from '../../../shared/order/orderActions';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { AcceptControl } from './AcceptControl';
import { DelayButtons } from './DelayButtons';
import { ReasonPicker } from '../../common/ui/ReasonPicker';
import { CANCEL_REASONS, REJECT_REASONS } from './reasons';

/** Takes an action on this card's order. */
export type TakeAction = <A extends OrderAction>(action: A, data: ActionData<A>) => Promise<CommandOutcome>;

/** The buttons an order's status allows; rejecting and cancelling first ask why. */
export function OrderActions({
  orderId,
  offered,
  defaultPrepMinutes,
  take,
  onOutcome,
}: {
  readonly orderId: string;
  readonly offered: ReadonlySet<OrderAction>;
  readonly defaultPrepMinutes: number;
  readonly take: TakeAction;
  readonly onOutcome: (outcome: CommandOutcome) => void;
}) {
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const run = (outcome: Promise<CommandOutcome>): void => {
    setAsking(null);
    void outcome.then(onOutcome);
  };

  if (asking === 'reject') {
    return (
      <ReasonPicker
        question="Why reject this order?"
        presets={REJECT_REASONS}
        confirmLabel="Reject order"
        onConfirm={(r) => run(take('reject', { reason: r }))}
        onBack={() => setAsking(null)}
      />
    );
  }
  if (asking === 'cancel') {
    return (
      <ReasonPicker
        question="Why cancel this order?"
        presets={CANCEL_REASONS}
        confirmLabel="Cancel order"
        onConfirm={(r) => run(take('cancel', { reason: r }))}
        onBack={() => setAsking(null)}
      />
    );
  }
  return (
    <div className="order__actions">
      {offered.has('accept') ? (
        <AcceptControl orderId={orderId} defaultMinutes={defaultPrepMinutes} onAccept={(m) => run(take('accept', { prepMinutes: m }))} />
      ) : null}
      {offered.has('prepare') ? (
        <button type="button" className="button button--primary" onClick={() => run(take('prepare', {}))}>
          Mark preparing
        </button>
      ) : null}
      {offered.has('markReady') ? (
        <button type="button" className="button button--primary" onClick={() => run(take('markReady', {}))}>
          Mark ready
        </button>
      ) : null}
      {offered.has('handOver') ? (
        <button type="button" className="button button--primary" onClick={() => run(take('handOver', {}))}>
          Hand over
        </button>
      ) : null}
      {offered.has('reject') ? (
        <button type="button" className="button button--danger" onClick={() => setAsking('reject')}>
          Reject
        </button>
      ) : null}
      {offered.has('delay') ? <DelayButtons onDelay={(m) => run(take('delay', { minutes: m }))} /> : null}
      {/* A new order is rejected, not cancelled: the customer hears "not taken" rather than "called off". */}
      {offered.has('cancel') && !offered.has('reject') ? (
        <button type="button" className="button button--danger" onClick={() => setAsking('cancel')}>
          Cancel order
        </button>
      ) : null}
    </div>
  );
}
