import { useMemo } from 'react';
import { outletProfileSchema, type OutletProfile } from '../../../../../shared/catalog/menu';
import type { OutletId } from '../../../../../shared/ids';
import { MoneyField } from '../../../forms/MoneyField';
import { ParsedField } from '../../../forms/ParsedField';
import { plainNumber, wholeNumberIn } from '../../../forms/numberParsers';
import { PlaceFields } from '../../../forms/PlaceFields';
import { TimeZoneList } from '../../../forms/TimeZoneList';
import { useAdminOutletCommands } from '../../../model/outlets/adminOutletCommands';
import { useDraft } from '../../../model/outlets/useDraft';
import { SaveBar } from '../SaveBar';

type ProfileFields = Pick<
  OutletProfile,
  | 'name'
  | 'phone'
  | 'address'
  | 'lat'
  | 'lng'
  | 'currency'
  | 'country'
  | 'timezone'
  | 'orderTypes'
  | 'defaultPrepMinutes'
  | 'tables'
  | 'maxOrderValue'
>;

/** "T1, T2, Patio 1" as typed, or null when a name is not one a table may have or comes twice. */
const tablesOf = (text: string): string[] | null => {
  const names = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const parsed = outletProfileSchema.shape.tables.safeParse(names);
  return parsed.success ? parsed.data : null;
};

const ORDER_TYPES = [
  { value: 'delivery', label: 'Delivery' },
  { value: 'pickup', label: 'Pickup' },
  { value: 'dine-in', label: 'Dine-in' },
] as const;

const fieldsOf = (p: OutletProfile): ProfileFields => ({
  name: p.name,
  phone: p.phone,
  address: p.address,
  lat: p.lat,
  lng: p.lng,
  currency: p.currency,
  country: p.country,
  timezone: p.timezone,
  orderTypes: p.orderTypes,
  defaultPrepMinutes: p.defaultPrepMinutes,
  tables: p.tables,
  maxOrderValue: p.maxOrderValue,
});

/** Name, contact, place on the map, money and clock, and how customers may order. */
export function ProfileSection({ outletId, profile }: { readonly outletId: OutletId; readonly profile: OutletProfile }) {
  const outletCommands = useAdminOutletCommands();
  const current = useMemo(() => fieldsOf(profile), [profile]);
  const draft = useDraft(current);
  const f = draft.value;
  const set = (change: Partial<ProfileFields>) => draft.edit((v) => ({ ...v, ...change }));
  const toggleType = (type: OutletProfile['orderTypes'][number], on: boolean) =>
    set({
      orderTypes: on
        ? ORDER_TYPES.map((t) => t.value).filter((t) => t === type || f.orderTypes.includes(t))
        : f.orderTypes.filter((t) => t !== type),
    });

  return (
    <section className="outlet-section" aria-labelledby="outlet-profile-title">
      <h3 id="outlet-profile-title">Profile</h3>
      <div className="outlet-form">
        <label className="field">
          <span>Name customers see</span>
          <input value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        </label>
        <label className="field">
          <span>Phone</span>
          <input type="tel" value={f.phone} onChange={(e) => set({ phone: e.currentTarget.value })} />
        </label>
        <label className="field outlet-form__wide">
          <span>Address</span>
          <input value={f.address} onChange={(e) => set({ address: e.currentTarget.value })} />
        </label>
        <PlaceFields label="Outlet" lat={f.lat} lng={f.lng} onChange={set} />
        <label className="field">
          <span>Currency (ISO code)</span>
          <input value={f.currency} maxLength={3} onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })} />
        </label>
        <label className="field">
          <span>Country of customers' phone numbers (ISO code, e.g. IN)</span>
          <input
            value={f.country ?? ''}
            maxLength={2}
            onChange={(e) => {
              const country = e.currentTarget.value.trim().toUpperCase();
              set({ country: country === '' ? undefined : country });
            }}
          />
        </label>
        <label className="field">
          <span>Time zone of the opening hours</span>
          <input value={f.timezone} list="time-zones" onChange={(e) => set({ timezone: e.currentTarget.value })} />
        </label>
        <ParsedField
          label="Usual prep time (minutes)"
          value={f.defaultPrepMinutes}
          format={plainNumber}
          parse={wholeNumberIn(1, 240)}
          inputMode="numeric"
          invalid="Use whole minutes from 1 to 240."
          onChange={(defaultPrepMinutes) => set({ defaultPrepMinutes })}
        />
        <MoneyField
          label="Largest order taken online"
          minor={f.maxOrderValue}
          currency={f.currency}
          onChange={(maxOrderValue) => set({ maxOrderValue })}
        />
        <div className="outlet-form__wide">
          <ParsedField
            label="Tables for dine-in (comma-separated)"
            value={f.tables}
            format={(tables) => tables.join(', ')}
            parse={tablesOf}
            invalid="Name each table once, with letters, digits, spaces, - or _ (up to 20 characters)."
            hint="A dine-in order must name one of these; the table links page prints a QR code for each."
            onChange={(tables) => set({ tables })}
          />
        </div>
        <fieldset className="outlet-form__wide check-group">
          <legend>Customers may order for</legend>
          {ORDER_TYPES.map((t) => (
            <label key={t.value} className="check">
              <input
                type="checkbox"
                checked={f.orderTypes.includes(t.value)}
                onChange={(e) => toggleType(t.value, e.currentTarget.checked)}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
      </div>
      <TimeZoneList />
      <SaveBar what="Profile" draft={draft} save={(fields) => outletCommands.saveProfile(outletId, { ...profile, ...fields })} />
    </section>
  );
}
