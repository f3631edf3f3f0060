import { useMemo } from 'react';
import type { OutletProfile } from '../../../../../shared/catalog/menu';
import type { OutletId } from '../../../../../shared/ids';
import { ParsedField } from '../../../forms/ParsedField';
import { plainNumber, wholeNumberIn } from '../../../forms/numberParsers';
import { PlaceFields } from '../../../forms/PlaceFields';
import { TimeZoneList } from '../../../forms/TimeZoneList';
import { useAdminOutletCommands } from '../../../model/outlets/adminOutletCommands';
import { useDraft } from '../../../model/outlets/useDraft';
import { SaveBar } from '../SaveBar';

type ProfileFields = Pick<
  OutletProfile,
  'name' | 'phone' | 'address' | 'lat' | 'lng' | 'currency' | 'timezone' | 'orderTypes' | 'defaultPrepMinutes'
>;

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
  timezone: p.timezone,
  orderTypes: p.orderTypes,
  defaultPrepMinutes: p.defaultPrepMinutes,
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
