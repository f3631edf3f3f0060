import type { OutletMenu } from '../api/catalogApi';
import type { CheckoutDraft, CheckoutType, LatLng } from '../cart/cartStore';
import { price } from '../money';
import { addressQuestion } from './addressQuestion';
import { DeliveryMap } from './DeliveryMap';
import type { FieldErrors } from './orderRequest';
import { TextField } from './TextField';
import type { ZoneCheck } from './useZoneCheck';

interface Props {
  readonly menu: OutletMenu;
  readonly draft: CheckoutDraft;
  readonly pin: LatLng;
  readonly errors: FieldErrors;
  /** The table from a table's link (its QR code), if the page was opened from one. */
  readonly linkedTable: string | null;
  readonly busy: boolean;
  /** The server takes card payments (a provider is configured). */
  readonly cardOffered: boolean;
  /** The server's word on the pin's position, asked as it moves. */
  readonly zone: ZoneCheck;
  readonly onChange: (patch: Partial<CheckoutDraft>) => void;
  readonly onReview: () => void;
}

const TYPE_LABELS: Readonly<Record<CheckoutType, string>> = { delivery: 'Delivery', pickup: 'Pickup', 'dine-in': 'Dine-in' };

/** How, where and who: everything the order needs besides the cart. */
export function CheckoutForm({ menu, draft, pin, errors, linkedTable, busy, cardOffered, zone, onChange, onReview }: Props) {
  const { outlet } = menu;
  const question =
    draft.type === 'delivery'
      ? addressQuestion(
          draft.addressText,
          outlet.zones.map((z) => z.name),
          zone,
        )
      : null;
  const locate = () => {
    navigator.geolocation.getCurrentPosition((p) => onChange({ pin: { lat: p.coords.latitude, lng: p.coords.longitude } }));
  };
  return (
    <form
      className="card checkout"
      aria-labelledby="checkout-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onReview();
      }}
    >
      <h2 id="checkout-title">Checkout</h2>
      <fieldset className="choice-group" aria-describedby={errors.type ? 'type-error' : undefined}>
        <legend>How would you like it?</legend>
        <div className="segmented">
          {outlet.orderTypes.map((type) => (
            <label key={type} className="choice choice--segment">
              <input type="radio" name="order-type" checked={draft.type === type} onChange={() => onChange({ type })} />
              <span>{TYPE_LABELS[type]}</span>
            </label>
          ))}
        </div>
        {errors.type ? (
          <p id="type-error" className="error" role="alert">
            {errors.type}
          </p>
        ) : null}
      </fieldset>

      {draft.type === 'dine-in' ? (
        <>
          {linkedTable && draft.table === linkedTable ? (
            <p className="notice">You are ordering at table {linkedTable} (from the table's QR code).</p>
          ) : null}
          <TextField label="Table" value={draft.table} maxLength={20} onChange={(table) => onChange({ table })} error={errors.table} />
        </>
      ) : null}

      {draft.type === 'delivery' ? (
        <div className="delivery">
          <TextField
            label="Delivery address"
            multiline
            value={draft.addressText}
            maxLength={300}
            autoComplete="street-address"
            hint="House, street and a landmark; then put the pin on your door."
            onChange={(addressText) => onChange({ addressText })}
            error={errors.address}
          />
          <DeliveryMap
            outlet={{ lat: outlet.lat, lng: outlet.lng }}
            pin={pin}
            zones={outlet.zones}
            onPin={(next) => onChange({ pin: next })}
          />
          <p className="muted pin-readout" aria-live="polite">
            Pin at {pin.lat.toFixed(5)}, {pin.lng.toFixed(5)}
            {draft.pin ? '' : ' (the restaurant: move it to your door)'}
          </p>
          {errors.address ? null : <ZoneNote zone={zone} />}
          {question ? (
            <p className="zone-note notice" role="status">
              {question}
            </p>
          ) : null}
          {'geolocation' in navigator ? (
            <button type="button" className="button button--quiet" onClick={locate}>
              Use my location
            </button>
          ) : null}
        </div>
      ) : null}

      <TextField
        label="Notes for the restaurant (optional)"
        multiline
        value={draft.notes}
        maxLength={500}
        onChange={(notes) => onChange({ notes })}
        error={errors.notes}
      />
      <TextField
        label="Your name"
        value={draft.name}
        maxLength={100}
        autoComplete="name"
        onChange={(name) => onChange({ name })}
        error={errors.name}
      />
      <TextField
        label="Phone"
        type="tel"
        value={draft.phone}
        maxLength={20}
        autoComplete="tel"
        onChange={(phone) => onChange({ phone })}
        error={errors.phone}
      />

      <fieldset className="choice-group">
        <legend>Payment</legend>
        <label className="choice">
          <input
            type="radio"
            name="payment"
            checked={!cardOffered || draft.payment === 'cash'}
            onChange={() => onChange({ payment: 'cash' })}
          />{' '}
          <span>Cash {draft.type === 'delivery' ? 'on delivery' : draft.type === 'pickup' ? 'at pickup' : 'at the table'}</span>
        </label>
        {cardOffered ? (
          <label className="choice">
            <input type="radio" name="payment" checked={draft.payment === 'card'} onChange={() => onChange({ payment: 'card' })} />{' '}
            <span>Card, paid now on a secure payment page</span>
          </label>
        ) : null}
      </fieldset>

      {errors.outlet ? (
        <p className="error" role="alert">
          {errors.outlet}
        </p>
      ) : null}
      {errors.form ? (
        <p className="error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--wide" disabled={busy}>
        {busy ? 'Checking prices…' : 'Review order'}
      </button>
    </form>
  );
}

function ZoneNote({ zone }: { readonly zone: ZoneCheck }) {
  switch (zone.kind) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <p className="muted zone-note" role="status">
          Checking whether we deliver there…
        </p>
      );
    case 'inside':
      return (
        <p className="zone-note zone-note--ok" role="status">
          We deliver there{zone.zoneName ? ` (${zone.zoneName})` : ''}: {price(zone.fee, zone.currency)} delivery fee.
        </p>
      );
    case 'refused':
      return (
        <p className="zone-note notice" role="status">
          {zone.message}
        </p>
      );
  }
}
