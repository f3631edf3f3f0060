/**
 * What the Firebase web SDK calls when an app gets a push token: the installation (an id and auth
 * token for this browser) and the FCM registration of its push subscription. Nothing else of Google's.
 */
export const FIREBASE_PUSH_SOURCES = ['https://firebaseinstallations.googleapis.com', 'https://fcmregistrations.googleapis.com'] as const;

export interface PolicySources {
  /** The map tile host's source, or null. */
  readonly tileSource: string | null;
  /** The apps were built with a Firebase config (`VITE_FIREBASE_*`): they may fetch push tokens. */
  readonly firebasePush: boolean;
}

/**
 * The apps' Content-Security-Policy: their own scripts, styles, workers and sockets only; images from
 * this origin, the map tile host, and data:/blob: (photo previews, Leaflet's icons); Firebase's token
 * endpoints only when push is configured; no plugins, no <base> rewrites, and no framing
 * (clickjacking the outlet's Accept/Reject or the driver's Delivered). The Web Audio tones are
 * synthesized and the camera is an <input capture>, so neither needs a source. `'self'` covers
 * ws:/wss: to the same host in current browsers, which is all the sync socket needs.
 */
export function contentSecurityPolicy({ tileSource, firebasePush }: PolicySources): string {
  const images = ["'self'", 'data:', 'blob:', ...(tileSource ? [tileSource] : [])];
  const connect = ["'self'", ...(firebasePush ? FIREBASE_PUSH_SOURCES : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${images.join(' ')}`,
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A CSP host source: scheme, then a host whose only wildcard is a whole leftmost label, then a port. */
const HOST_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/**
 * The CSP source for the host of a tile URL template (`https://{s}.tile.example.org/{z}/{x}/{y}.png`
 * gives `https://*.tile.example.org`); null for no tiles or tiles from this origin (a relative template).
 * Throws for a host no CSP source can name, so the server stops at start rather than show blank maps.
 */
export function tileSource(template: string): string | null {
  const trimmed = template.trim();
  if (trimmed === '' || /^\/(?!\/)/.test(trimmed)) return null;
  const match = /^(https?:)\/\/([^/?#]*)/i.exec(trimmed);
  const source = `${match?.[1] ?? ''}//${(match?.[2] ?? '').replace(/\{[^}]*\}/g, '*')}`.toLowerCase();
  if (!HOST_SOURCE.test(source)) {
    throw new Error(`"${trimmed}" has no host a Content-Security-Policy can name; use https://host/… or https://{s}.host/…`);
  }
  return source;
}
