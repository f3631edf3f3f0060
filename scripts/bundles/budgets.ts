/** Sizes are in kB of 1,000 bytes, as Vite's build report prints them. */
export const KB = 1000;

export interface AppBudget {
  readonly app: string;
  /** The app's page under dist/, as the Vite manifest keys it. */
  readonly page: string;
  /** Gzip bytes of the JavaScript the page loads before it is interactive: its entry and every static import. */
  readonly maxGzipBytes: number;
  /**
   * How many of those files: on a slow link each is a round trip, and Lighthouse's first paint counts
   * every request started before it (the staff apps fetched 42-52 small chunks and scored 87-89).
   */
  readonly maxFiles: number;
  /** Why this page may be missing from a build; without it a missing page fails the check. */
  readonly absentBecause?: string;
}

/**
 * Customers open the tracking page on mobile data and the ordering page from a link or a QR code;
 * the outlet, driver and admin apps run on cheap phones and tablets on bad links. Maps, Firebase and
 * charts load lazily where they are needed, so they do not count here.
 */
export const APP_BUDGETS: readonly AppBudget[] = [
  { app: 'track', page: 'track/index.html', maxFiles: 14, maxGzipBytes: 80 * KB },
  { app: 'order', page: 'order/index.html', maxFiles: 20, maxGzipBytes: 120 * KB },
  { app: 'outlet', page: 'outlet/index.html', maxFiles: 34, maxGzipBytes: 150 * KB },
  { app: 'driver', page: 'driver/index.html', maxFiles: 28, maxGzipBytes: 150 * KB },
  { app: 'admin', page: 'admin/index.html', maxFiles: 36, maxGzipBytes: 150 * KB },
];
