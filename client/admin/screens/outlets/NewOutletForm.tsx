import { useState, type FormEvent } from 'react';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { PlaceFields } from '../../forms/PlaceFields';
import { useAdminOutletCommands } from '../../model/outlets/adminOutletCommands';
import type { NewOutlet } from '../../model/outlets/newOutlet';
import { useOutletCatalogs } from '../../model/outlets/useOutletCatalogs';
import { TimeZoneList } from '../../forms/TimeZoneList';
import { useAdminRoute } from '../../shell/adminRoute';

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Adds an outlet, on this device first (offline too). It starts closed, with no menu: its hours
 * open it once the menu, zones and staff are ready.
 */
export function NewOutletForm() {
  const outletCommands = useAdminOutletCommands();
  const [, go] = useAdminRoute();
  const [first] = useOutletCatalogs();
  // A new outlet is most often in the same city as the others: start from where the first one is.
  const [draft, setDraft] = useState<NewOutlet>(() => {
    const near = first?.catalog.profile;
    return {
      name: '',
      phone: '',
      address: '',
      lat: near?.lat ?? 0,
      lng: near?.lng ?? 0,
      currency: near?.currency ?? 'INR',
      timezone: near?.timezone ?? browserZone(),
    };
  });
  const [error, setError] = useState<string | null>(null);
  const edit = (change: Partial<NewOutlet>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await outletCommands.create(draft);
    if (!answer.ok) return setError(answer.error.message);
    go('outlets', answer.value);
  };

  return (
    <form className="card outlet-form" aria-labelledby="new-outlet-title" noValidate onSubmit={(e) => void submit(e)}>
      <h3 id="new-outlet-title" className="outlet-form__wide">
        Add an outlet
      </h3>
      <p className="muted outlet-form__wide">
        A new outlet starts closed on every day, with an empty menu; set its hours when it is ready to take orders.
      </p>
      <label className="field">
        <span>Outlet name</span>
        <input value={draft.name} onChange={(e) => edit({ name: e.currentTarget.value })} />
      </label>
      <label className="field">
        <span>Outlet phone</span>
        <input type="tel" value={draft.phone} onChange={(e) => edit({ phone: e.currentTarget.value })} />
      </label>
      <label className="field outlet-form__wide">
        <span>Outlet address</span>
        <input value={draft.address} onChange={(e) => edit({ address: e.currentTarget.value })} />
      </label>
      <PlaceFields label="Outlet" lat={draft.lat} lng={draft.lng} onChange={edit} />
      <label className="field">
        <span>Outlet currency (ISO code)</span>
        <input value={draft.currency} maxLength={3} onChange={(e) => edit({ currency: e.currentTarget.value.toUpperCase() })} />
      </label>
      <label className="field">
        <span>Outlet time zone</span>
        <input value={draft.timezone} list="time-zones" onChange={(e) => edit({ timezone: e.currentTarget.value })} />
      </label>
      <TimeZoneList />
      <ErrorLine message={error} />
      <button type="submit" className="button button--primary">
        Add outlet
      </button>
    </form>
  );
}
