import { useState } from 'react';
import type { ShiftView } from '../model/driverDevice';
import { useDriverCommands } from '../model/useDriverCommands';
import type { LocationStatus } from '../model/location/locationTracker';
import { clockTime } from '../../common/ui/clockTime';

function locationText(location: LocationStatus): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  switch (location.state) {
    case 'off':
      return { text: 'Location not shared', tone: 'warn' };
    case 'waiting':
      return { text: 'Finding your location…', tone: 'warn' };
    case 'sharing':
      return { text: `Location shared · ${clockTime(location.lastFixAt)}`, tone: 'ok' };
    case 'denied':
      return { text: 'Location is blocked: allow it for this app in the browser settings, then go on shift again', tone: 'bad' };
    case 'unavailable':
      return { text: 'No GPS signal right now; trying again', tone: 'warn' };
    case 'unsupported':
      return { text: 'This browser cannot share your location', tone: 'bad' };
  }
}

/**
 * The shift switch, at the bottom under the thumb, with what it means right now: on or off shift,
 * whether the server knows yet, and whether the location is going out.
 */
export function ShiftBar({ shift, location }: { readonly shift: ShiftView; readonly location: LocationStatus }) {
  const { setShift } = useDriverCommands();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const where = locationText(location);

  const toggle = async (): Promise<void> => {
    setBusy(true);
    const outcome = await setShift(!shift.onShift);
    setBusy(false);
    setError(outcome.ok ? null : outcome.error.message);
  };

  return (
    <footer className="bottom-bar shift-bar" aria-label="Shift">
      <div className="shift-bar__state">
        <p className="shift-bar__status" role="status" data-on-shift={shift.onShift}>
          <strong>{shift.onShift ? 'On shift' : 'Off shift'}</strong>
          {shift.pending ? <span className="badge badge--local"> saved on this phone — the server hears when online</span> : null}
        </p>
        {shift.onShift || location.state !== 'off' ? (
          <p className={`shift-bar__location shift-bar__location--${where.tone}`}>{where.text}</p>
        ) : null}
        {shift.refusal ? (
          <p className="error" role="alert">
            {shift.refusal}
          </p>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className={shift.onShift ? 'button button--big' : 'button button--primary button--big'}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {shift.onShift ? 'Go off shift' : 'Go on shift'}
      </button>
    </footer>
  );
}
