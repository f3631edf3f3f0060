import { useState } from 'react';
import type { OrderPanelProps } from './orderPanelProps';
import { isAvailable } from '../../../shared/catalog/outletDoc';
import { useOutletCommands } from '../../common/catalog/useOutletCommands';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { ErrorLine } from '../../common/ui/ErrorLine';
import { useOutletCatalog } from '../model/catalog/useOutletCatalog';
import { useOrderMenuItems } from '../model/catalog/useOrderMenuItems';
import type { OrderMenuItem } from '../model/catalog/orderMenuItems';

type Step =
  | { readonly kind: 'pick' }
  | { readonly kind: 'confirm'; readonly item: OrderMenuItem }
  | { readonly kind: 'done'; readonly item: OrderMenuItem };

/**
 * "86" an item from the order that showed it ran out: pick it, confirm, and an Undo right there. It
 * is marked unavailable until someone brings it back (the Availability screen offers end times);
 * this order keeps it, only new orders cannot have it.
 */
export function EightySixPanel({ orderId, outletId, onClose }: OrderPanelProps) {
  const items = useOrderMenuItems(orderId);
  const catalog = useOutletCatalog(outletId).value;
  const commands = useOutletCommands(outletId);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [problem, setProblem] = useState<string | null>(null);
  const run = (outcome: CommandOutcome, next: Step): void => {
    setProblem(outcome.ok ? null : outcome.error.message);
    if (outcome.ok) setStep(next);
  };
  const now = Date.now();

  return (
    <section className="eighty-six" aria-label="Mark an item unavailable">
      {step.kind === 'pick' ? (
        <>
          <p className="eighty-six__title">Which item ran out?</p>
          {items.length === 0 ? <p className="muted">This order’s details have not arrived on this device yet.</p> : null}
          <ul className="eighty-six__items">
            {items.map((item) =>
              catalog && !isAvailable(catalog, item.itemId, now) ? (
                <li key={item.itemId}>
                  <span>{item.name} — unavailable</span>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => run(commands.markAvailable(item.itemId), { kind: 'pick' })}
                  >
                    Make {item.name} available again
                  </button>
                </li>
              ) : (
                <li key={item.itemId}>
                  <button type="button" className="button" onClick={() => setStep({ kind: 'confirm', item })}>
                    86 {item.name}
                  </button>
                </li>
              ),
            )}
          </ul>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </>
      ) : null}
      {step.kind === 'confirm' ? (
        <>
          <p className="eighty-six__title">
            Mark {step.item.name} unavailable until someone brings it back? New orders cannot have it; this order keeps it.
          </p>
          <div className="order__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={() => run(commands.markUnavailable(step.item.itemId, null), { kind: 'done', item: step.item })}
            >
              Mark {step.item.name} unavailable
            </button>
            <button type="button" className="button button--quiet" onClick={() => setStep({ kind: 'pick' })}>
              Back
            </button>
          </div>
        </>
      ) : null}
      {step.kind === 'done' ? (
        <div className="order__actions">
          <p className="eighty-six__title" role="status">
            {step.item.name} is unavailable for new orders.
          </p>
          <button type="button" className="button" onClick={() => run(commands.markAvailable(step.item.itemId), { kind: 'pick' })}>
            Undo
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </div>
      ) : null}
      <ErrorLine message={problem} />
    </section>
  );
}
