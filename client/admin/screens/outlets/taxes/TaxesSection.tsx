import type { OutletProfile } from '../../../../../shared/catalog/menu';
import { applyTaxes, taxLabel, type TaxRule } from '../../../../../shared/catalog/taxes';
import type { OutletId } from '../../../../../shared/ids';
import { formatMoney, money } from '../../../../../shared/money';
import { ParsedField } from '../../../forms/ParsedField';
import { basisPointsAsPercent, percentInBasisPoints } from '../../../forms/numberParsers';
import { useAdminOutletCommands } from '../../../model/outlets/adminOutletCommands';
import { freshId } from '../../../model/outlets/menuEdits';
import { useDraft } from '../../../model/outlets/useDraft';
import { SaveBar } from '../SaveBar';

type Taxes = TaxRule[];

const MAX_TAXES = 5;
/** The example the section prices as the admin types: ₹100.00 of food and ₹40.00 delivery (in the outlet's currency). */
const EXAMPLE = { subtotal: money(10_000), deliveryFee: money(4_000) };

/**
 * The taxes every order of this outlet is charged, as its accountant states them: on top of the
 * menu prices (GST in India) or already inside them (VAT in Europe). Orders keep the taxes they were
 * priced with; a change applies to orders placed after it reaches the server.
 */
export function TaxesSection({ outletId, profile }: { readonly outletId: OutletId; readonly profile: OutletProfile }) {
  const outletCommands = useAdminOutletCommands();
  const draft = useDraft<Taxes>(profile.taxes);
  const taxes = draft.value;
  const change = (id: string, next: Partial<TaxRule>) => draft.edit((list) => list.map((t) => (t.id === id ? { ...t, ...next } : t)));
  const add = () =>
    draft.edit((list) => [...list, { id: freshId('tax'), name: 'GST', rateBasisPoints: 500, inclusive: false, onDeliveryFee: false }]);
  const remove = (id: string) => draft.edit((list) => list.filter((t) => t.id !== id));
  const example = applyTaxes(taxes, EXAMPLE.subtotal, EXAMPLE.deliveryFee);
  const price = (minor: number) => formatMoney(minor, profile.currency);

  return (
    <section className="outlet-section" aria-labelledby="outlet-taxes-title">
      <h3 id="outlet-taxes-title">Taxes</h3>
      {taxes.length === 0 ? <p className="muted">No taxes: receipts show menu prices and fees only.</p> : null}
      <ul className="tax-list">
        {taxes.map((tax, i) => (
          <li key={tax.id} className="tax-row">
            <fieldset className="outlet-form">
              <legend>Tax {i + 1}</legend>
              <label className="field">
                <span>Name on receipts</span>
                <input value={tax.name} maxLength={40} onChange={(e) => change(tax.id, { name: e.currentTarget.value })} />
              </label>
              <ParsedField
                label="Rate (%)"
                value={tax.rateBasisPoints}
                format={basisPointsAsPercent}
                parse={percentInBasisPoints(1, 5_000)}
                invalid="Use a rate from 0.01 to 50, such as 5 or 2.5."
                onChange={(rateBasisPoints) => change(tax.id, { rateBasisPoints })}
              />
              <label className="check">
                <input type="checkbox" checked={tax.inclusive} onChange={(e) => change(tax.id, { inclusive: e.currentTarget.checked })} />
                Menu prices already include it
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={tax.onDeliveryFee}
                  onChange={(e) => change(tax.id, { onDeliveryFee: e.currentTarget.checked })}
                />
                Charged on the delivery fee too
              </label>
              <button type="button" className="button button--quiet" onClick={() => remove(tax.id)}>
                Remove {tax.name || `tax ${i + 1}`}
              </button>
            </fieldset>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={add} disabled={taxes.length >= MAX_TAXES}>
        Add a tax
      </button>
      {taxes.length > 0 ? (
        <figure className="tax-example" aria-label="Example receipt">
          <figcaption>
            On {price(EXAMPLE.subtotal)} of food delivered for {price(EXAMPLE.deliveryFee)}, customers pay{' '}
            <strong>{price(EXAMPLE.subtotal + EXAMPLE.deliveryFee + example.added)}</strong>:
          </figcaption>
          <ul>
            {example.taxes.map((line, i) => (
              <li key={i}>
                {taxLabel(line)}: {price(line.amount)}
              </li>
            ))}
          </ul>
        </figure>
      ) : null}
      <SaveBar what="Taxes" draft={draft} save={(next) => outletCommands.saveProfile(outletId, { ...profile, taxes: next })} />
    </section>
  );
}
