import { ErrorLine } from '../../common/ui/ErrorLine';
import { useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import { mainUnitsText, parseMainUnits } from '../../../shared/cash/amount';
import { formatMoney } from '../../../shared/money';
import type { ProofImage } from '../model/proofs/proofImage';
import { useDriverCommands } from '../model/useDriverCommands';
import { PhotoInput } from './PhotoInput';
import { SignaturePad } from './SignaturePad';
import { DeliveryCodeField } from './DeliveryCodeField';
import type { OrderView } from '../../../shared/order/orderDoc';

interface Props {
  readonly orderId: OrderId;
  /** The order as this phone holds it: whether it has a delivery code and how many tries are left. */
  readonly view: OrderView;
  /** Opens "Can't deliver" (with a reason), one of the ways out once code entry closes. */
  readonly onFail: () => void;
  /** Minor units to collect in cash; 0 when nothing. */
  readonly cashDue: number;
  readonly currency: string;
  readonly onCancel: () => void;
}

/**
 * Delivered, with proof: the customer's delivery code (checked on the phone, offline too), or a
 * doorstep photo (kept on the phone, uploaded when there is signal) or a signature; for a cash order,
 * the cash. Works the same offline: the time recorded is now, on this phone.
 */
export function DeliverForm({ orderId, view, onFail, cashDue, currency, onCancel }: Props) {
  const { deliver } = useDriverCommands();
  const [photo, setPhoto] = useState<ProofImage | null>(null);
  const [signing, setSigning] = useState(false);
  const [signature, setSignature] = useState<ProofImage | null>(null);
  const [code, setCode] = useState('');
  const [cash, setCash] = useState(false);
  const [cashText, setCashText] = useState(mainUnitsText(cashDue));
  const collected = cash ? parseMainUnits(cashText) : null;
  const short = collected !== null && collected < cashDue ? cashDue - collected : 0;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const coded = view.header.deliveryCode !== undefined;
  // An error asked for proof or the cash: once the driver adds some, it is no longer true.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T): void => {
      set(value);
      setError(null);
    };

  const confirm = async (): Promise<void> => {
    if (cash && collected === null) {
      setError('Enter the cash you collected, like 250 or 249.50.');
      return;
    }
    setBusy(true);
    const outcome = await deliver(orderId, { photo, signature: signing ? signature : null, code, cashCollected: collected });
    setBusy(false);
    // A wrong code is spent (recorded on the order): the field is ready for the next try.
    if (!outcome.ok && coded) setCode('');
    setError(outcome.ok ? null : outcome.error.message);
  };

  return (
    <section className="card step deliver" aria-labelledby="deliver-title">
      <h2 id="deliver-title">Proof of delivery</h2>
      <PhotoInput photo={photo} onPhoto={changed(setPhoto)} />
      {signing ? (
        <SignaturePad onSigned={changed(setSignature)} />
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setSigning(true)}>
          Add a signature
        </button>
      )}
      {coded ? (
        <DeliveryCodeField view={view} code={code} onCode={setCode} onFail={onFail} />
      ) : (
        <label className="field">
          <span>Delivery code (if the customer has one)</span>
          <input inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} maxLength={12} />
        </label>
      )}
      {cashDue > 0 ? (
        <label className="checklist__item checklist__item--cash">
          <input type="checkbox" checked={cash} onChange={(e) => changed(setCash)(e.target.checked)} />
          <span>I collected {formatMoney(cashDue, currency)} in cash</span>
        </label>
      ) : null}
      {cashDue > 0 && cash ? (
        <label className="field">
          <span>Cash collected (less if the customer was short; a tip is yours, leave it out)</span>
          <input inputMode="decimal" autoComplete="off" value={cashText} onChange={(e) => setCashText(e.target.value)} maxLength={10} />
          {short > 0 ? <span className="notice">Short by {formatMoney(short, currency)}: the outlet and admins will see it.</span> : null}
        </label>
      ) : null}
      <div className="bottom-bar">
        <ErrorLine message={error} />
        <button type="button" className="button button--quiet button--big" onClick={onCancel}>
          Back
        </button>
        <button type="button" className="button button--primary button--big" disabled={busy} onClick={() => void confirm()}>
          Confirm delivered
        </button>
      </div>
    </section>
  );
}
