import L from 'leaflet';

/** Leaflet itself: imported only by useLeaflet's dynamic import, so a page fetches it when it shows a map. */
export const leaflet = L;
export type Leaflet = typeof L;
