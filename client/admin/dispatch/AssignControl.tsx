import { useState } from 'react';
import { UserIdSchema } from '../../../shared/ids';
import { ErrorLine } from '../../common/ui/ErrorLine';
import { useAdminDevice, useDriverRoster } from '../model/AdminContext';
import { driverChoices } from '../model/dispatch/driverChoices';
import type { HeldOrder } from '../model/orders/orderBook';

/**
 * Gives the order to a driver by hand (or to another one): a driver picker, best first, and a button.
 * Saved on this device at once and synced after; dispatch withdraws any offer when it sees it.
 */
export function AssignControl({ order, verb }: { readonly order: HeldOrder; readonly verb: 'Assign' | 'Reassign' }) {
  const admin = useAdminDevice();
  const { drivers } = useDriverRoster();
  const choices = driverChoices(drivers, order.header.outlet, order.state.driverId);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = UserIdSchema.safeParse(picked || choices[0]?.driver.id);
  const customer = order.header.customer.name;

  const assign = async (): Promise<void> => {
    if (!chosen.success) return;
    const outcome = await admin.commands.assign(order.id, chosen.data);
    setError(outcome.ok ? null : outcome.error.message);
    if (outcome.ok) void admin.drivers.refresh();
  };

  if (choices.length === 0) return <p className="muted">No drivers known to this device yet (the list needs the network once).</p>;
  return (
    <div className="assign">
      <label className="field">
        <span>{verb === 'Assign' ? 'Driver' : 'New driver'}</span>
        <select value={picked || choices[0]?.driver.id} onChange={(e) => setPicked(e.currentTarget.value)}>
          {choices.map((c) => (
            <option key={c.driver.id} value={c.driver.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--primary" aria-label={`${verb} ${customer}’s order`} onClick={() => void assign()}>
        {verb}
      </button>
      <ErrorLine message={error} />
    </div>
  );
}
