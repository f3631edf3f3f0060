import { useState } from 'react';
import type { OfferedAction } from '../model/orders/orderActions';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { AcceptControl } from './AcceptControl';
import { DelayButtons } from './DelayButtons';
import { CANCEL_REASONS, REJECT_REASONS, ReasonPicker } from './ReasonPicker';

export interface OrderActionHandlers {
  readonly accept: (prepMinutes: number) => Promise<CommandOutcome>;
  readonly reject: (reason: string) => Promise<CommandOutcome>;
  readonly delay: (minutes: number) => Promise<CommandOutcome>;
  readonly cancel: (reason: string) => Promise<CommandOutcome>;
  readonly markPreparing: () => Promise<CommandOutcome>;
  readonly markReady: () => Promise<CommandOutcome>;
  readonly handOver: () => Promise<CommandOutcome>;
}

/** The buttons an order's status allows; rejecting and cancelling first ask why. */
export function OrderActions({ orderId, offered, defaultPrepMinutes, handlers, onOutcome }: {
  readonly orderId: string;
  readonly offered: ReadonlySet<OfferedAction>;
  readonly defaultPrepMinutes: number;
  readonly handlers: OrderActionHandlers;
  readonly onOutcome: (outcome: CommandOutcome) => void;
}) {
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const run = (outcome: Promise<CommandOutcome>): void => {
    setAsking(null);
    void outcome.then(onOutcome);
  };

  if (asking === 'reject') {
    return <ReasonPicker question="Why reject this order?" presets={REJECT_REASONS} confirmLabel="Reject order" onConfirm={(r) => run(handlers.reject(r))} onBack={() => setAsking(null)} />;
  }
  if (asking === 'cancel') {
    return <ReasonPicker question="Why cancel this order?" presets={CANCEL_REASONS} confirmLabel="Cancel order" onConfirm={(r) => run(handlers.cancel(r))} onBack={() => setAsking(null)} />;
  }
  return (
    <div className="order__actions">
      {offered.has('accepted') ? <AcceptControl orderId={orderId} defaultMinutes={defaultPrepMinutes} onAccept={(m) => run(handlers.accept(m))} /> : null}
      {offered.has('preparing') ? <button type="button" className="button button--primary" onClick={() => run(handlers.markPreparing())}>Mark preparing</button> : null}
      {offered.has('ready') ? <button type="button" className="button button--primary" onClick={() => run(handlers.markReady())}>Mark ready</button> : null}
      {offered.has('handed_over') ? <button type="button" className="button button--primary" onClick={() => run(handlers.handOver())}>Hand over</button> : null}
      {offered.has('rejected') ? <button type="button" className="button button--danger" onClick={() => setAsking('reject')}>Reject</button> : null}
      {offered.has('delayed') ? <DelayButtons onDelay={(m) => run(handlers.delay(m))} /> : null}
      {/* A new order is rejected, not cancelled: the customer hears "not taken" rather than "called off". */}
      {offered.has('cancelled') && !offered.has('rejected') ? (
        <button type="button" className="button button--danger" onClick={() => setAsking('cancel')}>Cancel order</button>
      ) : null}
    </div>
  );
}
