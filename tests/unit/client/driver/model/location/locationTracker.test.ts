import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fix } from '../../../../../../client/driver/model/location/locationThrottle';
import { LocationTracker, type LocationStatus } from '../../../../../../client/driver/model/location/locationTracker';

const T0 = 1_700_000_000_000;
const PERMISSION_DENIED = 1;

/** A Geolocation the test drives: it reports positions when told to. */
class FakeGeolocation implements Geolocation {
  watcher: PositionCallback | null = null;
  onError: PositionErrorCallback | null = null;
  asked = 0;
  cleared = 0;
  current: { lat: number; lng: number; at: number } = { lat: 12.9756, lng: 77.6066, at: T0 };

  watchPosition(success: PositionCallback, error?: PositionErrorCallback | null): number {
    this.watcher = success;
    this.onError = error ?? null;
    return 7;
  }
  getCurrentPosition(success: PositionCallback): void {
    this.asked += 1;
    success(this.position());
  }
  clearWatch(): void {
    this.cleared += 1;
    this.watcher = null;
  }
  move(lat: number, lng: number, at: number): void {
    this.current = { lat, lng, at };
    this.watcher?.(this.position());
  }
  deny(): void {
    this.onError?.({ code: PERMISSION_DENIED, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
  }
  private position(): GeolocationPosition {
    const { lat, lng, at } = this.current;
    const coords = { latitude: lat, longitude: lng, accuracy: 8, altitude: null, altitudeAccuracy: null, heading: null, speed: null };
    return { coords: { ...coords, toJSON: () => coords }, timestamp: at, toJSON: () => ({}) };
  }
}

describe('location tracker', () => {
  let geo: FakeGeolocation;
  let fixes: Fix[];
  let statuses: LocationStatus[];
  let tracker: LocationTracker;

  beforeEach(() => {
    vi.useFakeTimers();
    geo = new FakeGeolocation();
    fixes = [];
    statuses = [];
    tracker = new LocationTracker({ geolocation: geo, onFix: (f) => fixes.push(f), onStatus: (s) => statuses.push(s) });
  });
  afterEach(() => vi.useRealTimers());

  it('hands on the fixes the throttle keeps, with the device’s own times', () => {
    tracker.start();
    geo.move(12.9756, 77.6066, T0);
    geo.move(12.9757, 77.6066, T0 + 2_000);
    geo.move(12.976, 77.6066, T0 + 4_000);
    expect(fixes.map((f) => f.at)).toEqual([T0, T0 + 4_000]);
    expect(fixes[1]).toEqual({ lat: 12.976, lng: 77.6066, at: T0 + 4_000, accuracy: 8 });
    expect(statuses.at(-1)).toEqual({ state: 'sharing', lastFixAt: T0 + 4_000 });
  });

  it('asks for a fresh fix every 10 s, so a driver standing still keeps showing up', () => {
    tracker.start();
    geo.move(12.9756, 77.6066, T0);
    geo.current = { lat: 12.9756, lng: 77.6066, at: T0 + 10_000 };
    vi.advanceTimersByTime(10_000);
    expect(geo.asked).toBe(1);
    expect(fixes.map((f) => f.at)).toEqual([T0, T0 + 10_000]);
  });

  it('stops watching when stopped, and says so', () => {
    tracker.start();
    tracker.stop();
    expect(geo.cleared).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(geo.asked).toBe(0);
    expect(statuses.at(-1)).toEqual({ state: 'off' });
  });

  it('says when the driver blocked location, and stops asking', () => {
    tracker.start();
    geo.deny();
    expect(statuses.at(-1)).toEqual({ state: 'denied' });
    expect(tracker.running).toBe(false);
  });

  it('says when the browser has no geolocation at all', () => {
    const without = new LocationTracker({ geolocation: null, onFix: () => undefined, onStatus: (s) => statuses.push(s) });
    without.start();
    expect(statuses.at(-1)).toEqual({ state: 'unsupported' });
  });
});
