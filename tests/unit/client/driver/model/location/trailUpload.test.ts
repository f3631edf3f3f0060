import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TRAIL_BATCH, uploadTrail } from '../../../../../../client/driver/model/location/trailUpload';
import { openDabbaDb } from '../../../../../../client/common/store/db';
import { bufferLocation, countLocations } from '../../../../../../client/common/store/locations';
import { OFFLINE, OK, refused, scriptedDriverApi } from '../../../support/driverApi';

const T0 = 1_700_000_000_000;
let serial = 0;
const db = () => openDabbaDb(`trail-test-${++serial}`);
const point = (driverId: string, i: number, accuracy: number | null = 6) => ({
  driverId,
  lat: 12.97 + i / 10_000,
  lng: 77.6,
  at: T0 + i * 10_000,
  accuracy,
});

describe('breadcrumb buffer', () => {
  it('keeps points measured offline, with their device times, until the server has them', async () => {
    const store = db();
    for (let i = 0; i < 3; i++) await bufferLocation(store, point('d1', i));
    const { api, calls } = scriptedDriverApi([OFFLINE]);
    expect(await uploadTrail({ db: store, driverId: 'd1', api })).toBe('retry');
    expect(await countLocations(store, 'd1')).toBe(3);

    const back = scriptedDriverApi([OK]);
    expect(await uploadTrail({ db: store, driverId: 'd1', api: back.api })).toBe('idle');
    expect(back.calls.locations[0]?.map((p) => p.at)).toEqual([T0, T0 + 10_000, T0 + 20_000]);
    expect(await countLocations(store, 'd1')).toBe(0);
    expect(calls.locations).toHaveLength(1);
  });

  it('sends the oldest first in batches the server takes, and asks for another pass while more wait', async () => {
    const store = db();
    for (let i = 0; i < TRAIL_BATCH + 2; i++) await bufferLocation(store, point('d1', i));
    const { api, calls } = scriptedDriverApi([OK, OK]);
    expect(await uploadTrail({ db: store, driverId: 'd1', api })).toBe('again');
    expect(calls.locations[0]).toHaveLength(TRAIL_BATCH);
    expect(calls.locations[0]?.[0]?.at).toBe(T0);
    expect(await uploadTrail({ db: store, driverId: 'd1', api })).toBe('idle');
    expect(calls.locations[1]?.map((p) => p.at)).toEqual([T0 + TRAIL_BATCH * 10_000, T0 + (TRAIL_BATCH + 1) * 10_000]);
  });

  it('sends only the signed-in driver’s points, and leaves out an accuracy the device did not give', async () => {
    const store = db();
    await bufferLocation(store, point('d1', 0, null));
    await bufferLocation(store, point('d2', 1));
    const { api, calls } = scriptedDriverApi([OK]);
    await uploadTrail({ db: store, driverId: 'd1', api });
    expect(calls.locations[0]).toEqual([{ lat: 12.97, lng: 77.6, at: T0 }]);
    expect(await countLocations(store, 'd2')).toBe(1);
  });

  it('drops a batch the server refuses for good, so it does not block the trail behind it', async () => {
    const store = db();
    await bufferLocation(store, point('d1', 0));
    const { api } = scriptedDriverApi([refused(400, 'clock_skew', 'points.0.at is in the future; check the device clock.')]);
    expect(await uploadTrail({ db: store, driverId: 'd1', api })).toBe('idle');
    expect(await countLocations(store, 'd1')).toBe(0);
  });

  it('does nothing with an empty buffer', async () => {
    const { api, calls } = scriptedDriverApi();
    expect(await uploadTrail({ db: db(), driverId: 'd1', api })).toBe('idle');
    expect(calls.locations).toHaveLength(0);
  });
});
