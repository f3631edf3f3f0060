import type { DriverPending } from '../model/driverPending';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What is only on this phone, in one line: the driver knows nothing is lost, and that it goes
 * out when there is signal. Nothing shows once the server has it all.
 */
export function PendingLine({ pending, shiftPending }: { readonly pending: DriverPending; readonly shiftPending: boolean }) {
  const parts: string[] = [];
  if (pending.orders > 0) parts.push(`${plural(pending.orders, 'job update', 'job updates')}`);
  if (pending.photos > 0) parts.push(plural(pending.photos, 'photo', 'photos'));
  if (pending.locations > 0) parts.push(plural(pending.locations, 'location', 'locations'));
  if (pending.cash > 0) parts.push(plural(pending.cash, 'cash record', 'cash records'));
  if (shiftPending) parts.push('your shift change');
  if (parts.length === 0) return null;
  return (
    <p className="pending-line" role="status" aria-label="Waiting to upload">
      <span className="badge badge--local">Waiting to upload</span> {parts.join(', ')} — saved on this phone, sent when there is signal
    </p>
  );
}
