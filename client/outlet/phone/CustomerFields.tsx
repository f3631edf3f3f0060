import type { PhoneDraft } from './phoneDraft';

/** Who is calling, and where the order goes: an address with its map location, or a table. */
export function CustomerFields({
  draft,
  onChange,
}: {
  readonly draft: PhoneDraft;
  readonly onChange: (change: Partial<PhoneDraft>) => void;
}) {
  return (
    <div className="phone__customer">
      <label className="field">
        <span>Customer name</span>
        <input type="text" autoComplete="off" maxLength={100} value={draft.name} onChange={(e) => onChange({ name: e.target.value })} />
      </label>
      <label className="field">
        <span>Phone number</span>
        <input type="tel" autoComplete="off" maxLength={20} value={draft.phone} onChange={(e) => onChange({ phone: e.target.value })} />
      </label>
      {draft.type === 'delivery' ? (
        <>
          <label className="field">
            <span>Delivery address</span>
            <input type="text" maxLength={300} value={draft.address} onChange={(e) => onChange({ address: e.target.value })} />
          </label>
          <label className="field">
            <span>Map location (lat, lng)</span>
            <input
              type="text"
              inputMode="decimal"
              placeholder="12.9716, 77.5946"
              value={draft.location}
              onChange={(e) => onChange({ location: e.target.value })}
            />
          </label>
        </>
      ) : null}
      {draft.type === 'dine-in' ? (
        <label className="field">
          <span>Table</span>
          <input type="text" maxLength={20} value={draft.table} onChange={(e) => onChange({ table: e.target.value })} />
        </label>
      ) : null}
      <label className="field">
        <span>Notes for the kitchen</span>
        <input type="text" maxLength={500} value={draft.notes} onChange={(e) => onChange({ notes: e.target.value })} />
      </label>
    </div>
  );
}
