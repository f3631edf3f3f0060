import { describe, expect, it } from 'vitest';
import { adminOnly } from '../../../../client/admin/signInGate';
import type { OutletId, UserId } from '../../../../shared/ids';

describe('adminOnly', () => {
  it('lets admins in and sends outlet staff and drivers to their own app by name', () => {
    expect(adminOnly({ id: 'a' as UserId, role: 'admin' })).toBeNull();
    expect(adminOnly({ id: 'o' as UserId, role: 'outlet', outletId: 'demo-outlet' as OutletId })).toMatch(/outlet app at \/outlet\//);
    expect(adminOnly({ id: 'd' as UserId, role: 'driver' })).toMatch(/driver app at \/driver\//);
  });
});
