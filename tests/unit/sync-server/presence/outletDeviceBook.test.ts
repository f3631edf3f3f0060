import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import { OutletIdSchema } from '../../../../shared/ids';
import { mergeRecords, OutletDeviceBook } from '../../../../sync-server/presence/outletDeviceBook';

const tablet = { deviceId: DeviceIdSchema.parse('tablet-1'), outletId: OutletIdSchema.parse('kitchen') };
const phone = { ...tablet, deviceId: DeviceIdSchema.parse('phone-1') };

describe('outlet device records', () => {
  it('keep the newest report and contact of each device, whichever arrives last', () => {
    const book = new OutletDeviceBook();
    book.report({ ...tablet, oldest: 'none', at: 300 });
    book.report({ ...tablet, oldest: 100, at: 200 });
    book.contact({ ...tablet, at: 500 });
    book.contact({ ...tablet, at: 400 });
    expect(book.records(600)).toEqual({ reports: [{ ...tablet, oldest: 'none', at: 300 }], contacts: [{ ...tablet, at: 500 }] });
  });

  it('merge this node’s and Redis’s records device by device, the newer winning', () => {
    const merged = mergeRecords(
      { reports: [{ ...tablet, oldest: 50, at: 100 }], contacts: [{ ...phone, at: 900 }] },
      {
        reports: [
          { ...tablet, oldest: 'none', at: 200 },
          { ...phone, oldest: 'unknown', at: 10 },
        ],
        contacts: [{ ...phone, at: 800 }],
      },
    );
    expect(merged).toEqual({
      reports: [
        { ...tablet, oldest: 'none', at: 200 },
        { ...phone, oldest: 'unknown', at: 10 },
      ],
      contacts: [{ ...phone, at: 900 }],
    });
  });
});
