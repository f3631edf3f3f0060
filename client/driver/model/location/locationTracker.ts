import { KEEP_EVERY_MS, shouldKeep, type Fix } from './locationThrottle';

/** Whether the device is sharing where the driver is, as the driver should be told. */
export type LocationStatus =
  | { readonly state: 'off' }
  | { readonly state: 'waiting' }
  | { readonly state: 'sharing'; readonly lastFixAt: number }
  | { readonly state: 'denied' }
  | { readonly state: 'unavailable'; readonly lastFixAt: number | null }
  | { readonly state: 'unsupported' };

export interface LocationTrackerOptions {
  readonly geolocation: Geolocation | null;
  /** A fix the throttle kept: buffer it. */
  readonly onFix: (fix: Fix) => void;
  readonly onStatus: (status: LocationStatus) => void;
}

const fixOf = (position: GeolocationPosition): Fix => ({
  lat: position.coords.latitude,
  lng: position.coords.longitude,
  at: Math.round(position.timestamp),
  accuracy: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : null,
});

/**
 * Watches the device's position while started and hands on the fixes worth keeping (see
 * locationThrottle). Phones report a standing driver rarely or never, so it also asks for a fresh
 * fix every KEEP_EVERY_MS: a driver stopped at a light still looks alive on the customer's map.
 */
export class LocationTracker {
  private watchId: number | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastKept: Fix | null = null;
  private lastFixAt: number | null = null;

  constructor(private readonly options: LocationTrackerOptions) {}

  get running(): boolean {
    return this.watchId !== null;
  }

  start(): void {
    const geo = this.options.geolocation;
    if (this.running) return;
    if (!geo) {
      this.options.onStatus({ state: 'unsupported' });
      return;
    }
    this.options.onStatus(this.lastFixAt === null ? { state: 'waiting' } : { state: 'sharing', lastFixAt: this.lastFixAt });
    const settings: PositionOptions = { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 };
    this.watchId = geo.watchPosition(
      (p) => this.take(p),
      (e) => this.failed(e),
      settings,
    );
    this.heartbeat = setInterval(
      () =>
        geo.getCurrentPosition(
          (p) => this.take(p),
          (e) => this.failed(e),
          settings,
        ),
      KEEP_EVERY_MS,
    );
  }

  stop(): void {
    if (this.watchId !== null) this.options.geolocation?.clearWatch(this.watchId);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.watchId = null;
    this.heartbeat = null;
    this.options.onStatus({ state: 'off' });
  }

  private take(position: GeolocationPosition): void {
    if (!this.running) return;
    const fix = fixOf(position);
    this.lastFixAt = Math.max(this.lastFixAt ?? 0, fix.at);
    this.options.onStatus({ state: 'sharing', lastFixAt: this.lastFixAt });
    if (!shouldKeep(this.lastKept, fix)) return;
    this.lastKept = fix;
    this.options.onFix(fix);
  }

  private failed(error: GeolocationPositionError): void {
    if (!this.running) return;
    if (error.code === error.PERMISSION_DENIED) {
      // Asking again is up to the driver (browser settings); the watch would only fail again.
      this.stop();
      this.options.onStatus({ state: 'denied' });
      return;
    }
    this.options.onStatus({ state: 'unavailable', lastFixAt: this.lastFixAt });
  }
}
