import { DEFAULT_TILE_URL } from '../../../shared/map/tiles';

/**
 * Map tiles come from a configurable server (`VITE_MAP_TILE_URL` at build time), because
 * deployments choose their own provider and offline machines have none. An empty value
 * means no tile layer: the map still shows the zones and the pin on a plain background.
 */
export interface TileConfig {
  readonly url: string | null;
  readonly attribution: string;
}

const OSM = DEFAULT_TILE_URL;

export function tileConfig(env: Readonly<Record<string, unknown>>): TileConfig {
  const raw = env['VITE_MAP_TILE_URL'];
  const url = typeof raw === 'string' ? raw.trim() : OSM;
  const attribution =
    typeof env['VITE_MAP_TILE_ATTRIBUTION'] === 'string' ? env['VITE_MAP_TILE_ATTRIBUTION'] : '&copy; OpenStreetMap contributors';
  return { url: url === '' ? null : url, attribution: url === OSM ? '&copy; OpenStreetMap contributors' : attribution };
}
