import { describe, expect, it } from 'vitest';
import { parseOrderRoute, tablePath, YOUR_ORDERS_PATH } from '../../../../client/order/route';
import { tileConfig } from '../../../../client/common/map/mapTiles';

describe('ordering page routes', () => {
  it('lists outlets at /order/ and opens one at /order/<id>', () => {
    expect(parseOrderRoute('/order/', '')).toEqual({ page: 'outlets' });
    expect(parseOrderRoute('/order', '')).toEqual({ page: 'outlets' });
    expect(parseOrderRoute('/order/demo-outlet', '')).toEqual({ page: 'outlet', outletId: 'demo-outlet', table: null });
    expect(parseOrderRoute('/order/demo-outlet/tables', '')).toEqual({ page: 'tables', outletId: 'demo-outlet' });
  });

  it('opens "Your orders" at its own link, which no outlet id can shadow', () => {
    const link = new URL(YOUR_ORDERS_PATH, 'https://dabba.example');
    expect(parseOrderRoute(link.pathname, link.search)).toEqual({ page: 'your-orders' });
    expect(parseOrderRoute('/order/orders', '')).toEqual({ page: 'outlet', outletId: 'orders', table: null });
    expect(parseOrderRoute('/order/demo-outlet', '?view=orders')).toMatchObject({ page: 'outlet' });
  });

  it("takes the table from a table's link, and makes that link", () => {
    expect(parseOrderRoute('/order/demo-outlet', '?table=T4')).toEqual({ page: 'outlet', outletId: 'demo-outlet', table: 'T4' });
    expect(parseOrderRoute('/order/demo-outlet', '?table=%20')).toMatchObject({ table: null });
    expect(tablePath('demo-outlet', 'Patio 2')).toBe('/order/demo-outlet?table=Patio%202');
  });
});

describe('map tiles', () => {
  it('uses OpenStreetMap unless configured, and no tiles when configured empty', () => {
    expect(tileConfig({}).url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(tileConfig({ VITE_MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png', VITE_MAP_TILE_ATTRIBUTION: 'Example' })).toEqual({
      url: 'https://tiles.example/{z}/{x}/{y}.png',
      attribution: 'Example',
    });
    expect(tileConfig({ VITE_MAP_TILE_URL: '' }).url).toBeNull();
  });
});
