import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { uploadShift } from '../../../../../../client/driver/model/shift/shiftUpload';
import { openDabbaDb } from '../../../../../../client/common/store/db';
import { adoptServerShift, loadShift, saveShiftWish } from '../../../../../../client/common/store/driverShift';
import { OFFLINE, OK, refused, scriptedDriverApi } from '../../../support/driverApi';

const T0 = 1_700_000_000_000;
let serial = 0;
const db = () => openDabbaDb(`shift-test-${++serial}`);

describe('shift outbox', () => {
  it('keeps going on shift offline as a wish on the phone, and tells the server when it can', async () => {
    const store = db();
    await saveShiftWish(store, 'd1', true, T0);
    let settled = 0;
    const offline = scriptedDriverApi([OFFLINE]);
    expect(
      await uploadShift({
        db: store,
        driverId: 'd1',
        api: offline.api,
        onSettled: () => {
          settled += 1;
        },
      }),
    ).toBe('retry');
    expect(await loadShift(store, 'd1')).toMatchObject({ onShift: true, unsynced: 1 });

    const online = scriptedDriverApi([OK]);
    expect(
      await uploadShift({
        db: store,
        driverId: 'd1',
        api: online.api,
        onSettled: () => {
          settled += 1;
        },
      }),
    ).toBe('idle');
    expect(online.calls.shift).toEqual([true]);
    expect(await loadShift(store, 'd1')).toMatchObject({ onShift: true, unsynced: 0 });
    expect(settled).toBe(1);
  });

  it('sends only the last of several toggles made offline', async () => {
    const store = db();
    await saveShiftWish(store, 'd1', true, T0);
    await saveShiftWish(store, 'd1', false, T0 + 1);
    await saveShiftWish(store, 'd1', true, T0 + 2);
    const { api, calls } = scriptedDriverApi([OK]);
    await uploadShift({ db: store, driverId: 'd1', api, onSettled: () => undefined });
    expect(calls.shift).toEqual([true]);
  });

  it('keeps a toggle made while the last one was on its way, to send next', async () => {
    const store = db();
    await saveShiftWish(store, 'd1', true, T0);
    const { api, calls } = scriptedDriverApi([OK, OK]);
    const slow = {
      ...api,
      shift: async (onShift: boolean) => {
        await saveShiftWish(store, 'd1', false, T0 + 5);
        return api.shift(onShift);
      },
    };
    expect(await uploadShift({ db: store, driverId: 'd1', api: slow, onSettled: () => undefined })).toBe('again');
    expect(await loadShift(store, 'd1')).toMatchObject({ onShift: false, unsynced: 1 });
    expect(await uploadShift({ db: store, driverId: 'd1', api, onSettled: () => undefined })).toBe('idle');
    expect(calls.shift).toEqual([true, false]);
  });

  it('shows the server’s refusal instead of waiting for ever', async () => {
    const store = db();
    await saveShiftWish(store, 'd1', true, T0);
    const { api } = scriptedDriverApi([refused(403, 'forbidden', 'This is for drivers.')]);
    expect(await uploadShift({ db: store, driverId: 'd1', api, onSettled: () => undefined })).toBe('idle');
    expect(await loadShift(store, 'd1')).toMatchObject({ unsynced: 0, refusal: 'This is for drivers.' });
  });

  it('takes the server’s word only when the phone has nothing waiting to tell it', async () => {
    const store = db();
    expect(await adoptServerShift(store, 'd1', true, T0)).toMatchObject({ onShift: true, unsynced: 0 });
    await saveShiftWish(store, 'd1', false, T0 + 1);
    expect(await adoptServerShift(store, 'd1', true, T0 + 2)).toMatchObject({ onShift: false, unsynced: 1 });
    expect(await loadShift(store, 'd2')).toBeNull();
  });
});
