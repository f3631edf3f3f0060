import { useMemo } from 'react';
import type { OutletProfile } from '../../../../../shared/catalog/menu';
import type { OutletId } from '../../../../../shared/ids';
import { useAdminOutletCommands } from '../../../model/outlets/adminOutletCommands';
import { useDraft } from '../../../model/outlets/useDraft';
import { SaveBar } from '../SaveBar';
import { ClosuresEditor } from './ClosuresEditor';
import { WeekEditor } from './WeekEditor';

type HoursFields = Pick<OutletProfile, 'hours' | 'closures'>;

/** The weekly opening hours and one-off closures, in the outlet's own time zone, saved together. */
export function HoursSection({ outletId, profile }: { readonly outletId: OutletId; readonly profile: OutletProfile }) {
  const outletCommands = useAdminOutletCommands();
  const current = useMemo((): HoursFields => ({ hours: profile.hours, closures: profile.closures }), [profile]);
  const draft = useDraft(current);
  return (
    <section className="outlet-section" aria-labelledby="outlet-hours-title">
      <h3 id="outlet-hours-title">Opening hours</h3>
      <p className="muted">
        Times are on the outlet’s clock ({profile.timezone}). A day with no hours is closed; hours may run past midnight (18:00 to 02:00).
      </p>
      <WeekEditor hours={draft.value.hours} onChange={(change) => draft.edit((v) => ({ ...v, hours: change(v.hours) }))} />
      <ClosuresEditor
        closures={draft.value.closures}
        timeZone={profile.timezone}
        onChange={(change) => draft.edit((v) => ({ ...v, closures: change(v.closures) }))}
      />
      <SaveBar what="Hours" draft={draft} save={(fields) => outletCommands.saveProfile(outletId, { ...profile, ...fields })} />
    </section>
  );
}
