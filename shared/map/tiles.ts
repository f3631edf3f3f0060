/**
 * The map tile URL template the apps use when `VITE_MAP_TILE_URL` is not set. The server reads the
 * same variable to let the apps load tiles from that host (Content-Security-Policy img-src).
 */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
