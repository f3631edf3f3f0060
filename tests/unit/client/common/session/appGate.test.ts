import { describe, expect, it } from 'vitest';
import { appGate, wrongAppText } from '../../../../../client/common/session/appGate';
import type { OutletId, UserId } from '../../../../../shared/ids';

const ADMIN = { id: 'a' as UserId, role: 'admin' } as const;
const STAFF = { id: 'o' as UserId, role: 'outlet', outletId: 'demo-outlet' as OutletId } as const;
const DRIVER = { id: 'd' as UserId, role: 'driver' } as const;

describe('appGate', () => {
  it('lets admins into the admin app and sends outlet staff and drivers to their own app by name', () => {
    const gate = appGate('admin');
    expect(gate(ADMIN)).toBeNull();
    expect(gate(STAFF)).toBe('This is the admin app, for admins only. Outlet staff use the outlet app at /outlet/.');
    expect(gate(DRIVER)).toMatch(/driver app at \/driver\//);
  });

  it('lets only outlet staff into the outlet app, and only drivers into the driver app', () => {
    expect(appGate('outlet')(STAFF)).toBeNull();
    expect(appGate('outlet')(DRIVER)).toBe('This is the outlet app, for outlet staff only. Drivers use the driver app at /driver/.');
    expect(appGate('outlet')(ADMIN)).toMatch(/Admins use the admin app at \/admin\//);
    expect(appGate('driver')(DRIVER)).toBeNull();
    expect(appGate('driver')(STAFF)).toMatch(/outlet app at \/outlet\//);
  });

  it('words the refusal for a session already on the device the same way', () => {
    expect(wrongAppText('driver', 'admin')).toBe('This is the driver app, for drivers only. Admins use the admin app at /admin/.');
  });
});
