import { clockTime } from '../../../common/ui/clockTime';
import type { RosterSnapshot } from '../../model/drivers/driverRoster';

/** How many drivers are working, and how old that news is: the list is the server's, as of its last answer. */
export function RosterLine({ roster, now }: { readonly roster: RosterSnapshot; readonly now: number }) {
  if (roster.fetchedAt === null) return <p className="notice">The drivers list has not reached this device yet; it needs the network.</p>;
  const onShift = roster.drivers.filter((d) => d.onShift);
  const connected = onShift.filter((d) => d.connected).length;
  const ageSeconds = Math.max(0, Math.round((now - roster.fetchedAt) / 1000));
  const stale = ageSeconds > 60;
  return (
    <p className={stale ? 'notice' : 'muted'}>
      {onShift.length} {onShift.length === 1 ? 'driver' : 'drivers'} on shift, {connected} with the app open · drivers as of{' '}
      {clockTime(roster.fetchedAt)}
      {stale ? ' (this device has not heard newer: it may be offline)' : ''}
    </p>
  );
}
