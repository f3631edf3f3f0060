import { useEffect, useState } from 'react';
import type { Catalog } from '../../../shared/catalog/outletDoc';
import { formatMoney } from '../../../shared/money';
import { ORDER_TYPES, type OrderType } from '../../../shared/order/status';
import { checkPhoneOrder } from '../model/phoneOrders/checkPhoneOrder';
import type { PhoneOrders } from '../model/phoneOrders/usePhoneOrders';
import { useNow } from '../../common/ui/useNow';
import { acceptPrepMinutes } from '../orders/prepTime';
import { PrepStepper } from '../orders/PrepStepper';
import { CartLines } from './CartLines';
import { CustomerFields } from './CustomerFields';
import { MenuPicker } from './MenuPicker';
import { addLine, changeQty, draftToRequest, EMPTY_DRAFT, parseLocation, requestToDraft, type PhoneDraft } from './phoneDraft';

const TYPE_TEXT: { readonly [T in OrderType]: string } = { pickup: 'Pickup', delivery: 'Delivery', 'dine-in': 'Dine-in' };

/**
 * Taking an order from a caller. It goes into this device's outbox and is placed (priced and
 * checked by the server) as soon as the server can be reached: right away online, later offline.
 */
export function PhoneOrderScreen({
  outletId,
  catalog,
  phone,
  editing,
  onDone,
}: {
  readonly outletId: string;
  readonly catalog: Catalog | null;
  readonly phone: PhoneOrders;
  /** The key of a queued entry being corrected, from the route. */
  readonly editing: string | null;
  readonly onDone: () => void;
}) {
  const now = useNow(15_000);
  const [draft, setDraft] = useState<PhoneDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entry = editing ? phone.entries.find((e) => e.key === editing) : undefined;

  // Load the entry being corrected once it has been read from the device; keyed by the entry so
  // later reads of the same entry do not overwrite what staff are typing.
  const entryKey = entry?.key;
  useEffect(() => {
    if (entry) setDraft(requestToDraft(entry.request));
  }, [entryKey]);

  if (!catalog)
    return (
      <p className="empty" role="status">
        The menu has not reached this device yet. Connect to the network once to load it.
      </p>
    );

  const update = (change: Partial<PhoneDraft>): void => setDraft({ ...draft, ...change });
  const location = parseLocation(draft.location);
  const check = checkPhoneOrder(catalog, { items: draft.lines, type: draft.type, address: location ?? undefined }, now);
  const prepMinutes = draft.prepMinutes ?? acceptPrepMinutes(catalog, now);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const outcome = await phone.enter(draftToRequest(draft, outletId, Date.now(), prepMinutes), catalog, entry?.key ?? null);
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.error.message);
      return;
    }
    setDraft(EMPTY_DRAFT);
    setProblem(null);
    onDone();
  };

  return (
    <form
      className="phone"
      aria-labelledby="phone-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="phone-title">{entry ? 'Correct phone order' : 'New phone order'}</h2>
      {entry?.refusal ? (
        <p className="error" role="alert">
          The server refused it: {entry.refusal.message}
        </p>
      ) : null}
      <fieldset className="phone__types">
        <legend>Order type</legend>
        {ORDER_TYPES.filter((t) => catalog.profile.orderTypes.includes(t)).map((type) => (
          <label key={type} className="until__choice">
            <input type="radio" name="phone-type" checked={draft.type === type} onChange={() => update({ type })} />
            {TYPE_TEXT[type]}
          </label>
        ))}
      </fieldset>
      <CustomerFields draft={draft} onChange={update} />
      <div className="phone__columns">
        <section aria-labelledby="phone-menu-title">
          <h3 id="phone-menu-title">Menu</h3>
          <MenuPicker
            catalog={catalog}
            now={now}
            onAdd={(itemId, modifiers) => update({ lines: addLine(draft.lines, itemId, modifiers) })}
          />
        </section>
        <section aria-labelledby="phone-cart-title" className="phone__cart">
          <h3 id="phone-cart-title">Order</h3>
          <CartLines
            lines={draft.lines}
            catalog={catalog}
            onChange={(key, delta) => update({ lines: changeQty(draft.lines, key, delta) })}
          />
          {check.estimate ? (
            <p className="phone__total">
              Estimated total {formatMoney(check.estimate.total, catalog.profile.currency)} (cash) — the server confirms the price
            </p>
          ) : null}
          {draft.lines.length > 0 && check.blocking ? <p className="notice">{check.blocking}</p> : null}
          {check.warning ? <p className="notice">{check.warning}</p> : null}
          {check.notice ? <p className="muted">{check.notice}</p> : null}
          <PrepStepper label="Ready in" minutes={prepMinutes} onChange={(minutes) => update({ prepMinutes: minutes })} />
          <p className="muted">Taken on the phone, it goes straight to the kitchen as accepted: no tablet rings for it.</p>
          {problem ? (
            <p className="error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="order__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Place phone order
            </button>
            <button type="button" className="button button--quiet" onClick={onDone}>
              Back to orders
            </button>
          </div>
        </section>
      </div>
    </form>
  );
}
