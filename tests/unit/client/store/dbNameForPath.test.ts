import { describe, expect, it } from 'vitest';
import { ADMIN_DB_NAME, dbNameForPath, DEFAULT_DB_NAME } from '../../../../client/common/store/db';

describe('dbNameForPath', () => {
  it('pulls what opens the admin app into the admin’s own store, and everything else into the shared one', () => {
    expect(dbNameForPath('/admin/')).toBe(ADMIN_DB_NAME);
    expect(dbNameForPath('/admin/#/order/o-1')).toBe(ADMIN_DB_NAME);
    expect(dbNameForPath('/outlet/#/orders/o-1')).toBe(DEFAULT_DB_NAME);
    expect(dbNameForPath('/driver/')).toBe(DEFAULT_DB_NAME);
    expect(dbNameForPath('/administer/')).toBe(DEFAULT_DB_NAME);
  });
});
