import type { TrackView } from '../../../../shared/track';

/** A placed delivery from the demo kitchen as its tracking link shows it, with `over` changed. */
export const trackViewOf = (over: Partial<TrackView> = {}): TrackView => ({
  status: 'placed',
  orderType: 'delivery',
  outletName: 'Dabba Demo Kitchen',
  outletPhone: '+91 80 4000 1234',
  placedAt: 1_700_000_000_000,
  readyBy: null,
  timeline: [{ type: 'placed', at: 1_700_000_000_000 }],
  items: [{ name: 'Plain Dosa', qty: 2 }],
  total: 18000,
  currency: 'INR',
  ...over,
});
