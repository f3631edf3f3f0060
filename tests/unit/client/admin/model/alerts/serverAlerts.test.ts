import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findProblems } from '../../../../../../client/admin/model/alerts/problems';
import { openServerAlerts } from '../../../../../../client/admin/model/alerts/serverAlerts';
import { adminAlertsMap, cashMismatchKey, type AdminAlert } from '../../../../../../shared/adminAlerts';
import type { EventId, UserId } from '../../../../../../shared/ids';
import { T0 } from '../../../../shared/order/fixtures';

const RAVI = 'driver-ravi' as UserId;
const mismatch: AdminAlert = {
  kind: 'cash_mismatch',
  outletId: null,
  orderId: null,
  driverId: RAVI,
  message: 'Ravi Kumar handed ₹100.00 to the office; ₹80.00 was counted there.',
  since: T0,
  raisedAt: T0,
  resolvedAt: null,
};

describe('the server’s alerts on an admin device', () => {
  it('lists an open cash mismatch the server raised, for a handover to the office, as a Cash mismatch problem', () => {
    const inbox = new Y.Doc();
    const key = cashMismatchKey(RAVI, 'h-1' as EventId);
    adminAlertsMap(inbox).set(key, mismatch);
    adminAlertsMap(inbox).set(cashMismatchKey(RAVI, 'h-0' as EventId), { ...mismatch, resolvedAt: T0 + 1 });
    const alerts = openServerAlerts(inbox);
    expect(alerts).toEqual([{ key, alert: mismatch }]);
    expect(findProblems([], alerts, new Map(), T0, T0)).toEqual([
      { key, kind: 'cash_mismatch', orderId: null, outletId: null, text: mismatch.message, since: T0 },
    ]);
  });
});
