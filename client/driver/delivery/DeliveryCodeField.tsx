import { DELIVERY_CODE_DIGITS, deliveryCodeTriesLeft, DELIVERY_CODE_MAX_TRIES } from '../../../shared/order/deliveryCode';
import type { OrderView } from '../../../shared/order/orderDoc';
import { TOO_MANY_TRIES } from '../model/delivery/deliveryCodeEntry';

interface Props {
  readonly view: OrderView;
  readonly code: string;
  readonly onCode: (code: string) => void;
  readonly onFail: () => void;
}

/**
 * The customer's delivery code, asked for at the door. The driver is never shown it: the customer has
 * it on their tracking page. Once the tries are spent the field closes and the other ways are offered.
 */
export function DeliveryCodeField({ view, code, onCode, onFail }: Props) {
  const left = deliveryCodeTriesLeft(view.state);
  if (left === 0) {
    return (
      <div className="notice delivery-code delivery-code--closed" role="status">
        <p>{TOO_MANY_TRIES}</p>
        <a className="button button--big" href={`tel:${view.header.customer.phone.replace(/[^+\d]/g, '')}`}>
          Call {view.header.customer.name}
        </a>
        <button type="button" className="button button--quiet button--big" onClick={onFail}>
          Can’t deliver…
        </button>
      </div>
    );
  }
  return (
    <label className="field delivery-code">
      <span>Customer’s delivery code</span>
      <input
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        value={code}
        onChange={(e) => onCode(e.target.value.replace(/\D/g, ''))}
        maxLength={DELIVERY_CODE_DIGITS}
      />
      <span className="muted">
        {DELIVERY_CODE_DIGITS} digits on the customer’s tracking page.
        {left < DELIVERY_CODE_MAX_TRIES ? ` ${left === 1 ? '1 try' : `${left} tries`} left.` : ''} No code? Take a photo at the door.
      </span>
    </label>
  );
}
