import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchServerOrders } from '../../../../../client/common/api/orderSearch';
import { serverAnswers, serverUnreachable } from '../../support/stubFetch';

const SEARCH = { q: '#3fK9aB', from: null, to: null, limit: 50 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('searching the server’s orders', () => {
  it('gives the orders the server found', async () => {
    serverAnswers(200, { orders: [] });
    expect(await searchServerOrders(SEARCH, 'token')).toEqual({ ok: true, value: [] });
  });

  it('says the board shows this device’s orders while offline', async () => {
    serverUnreachable();
    expect(await searchServerOrders(SEARCH, 'token')).toEqual({
      ok: false,
      error: { code: 'network', message: 'Offline: showing the orders on this device.' },
    });
  });

  it('passes on why the server could not search', async () => {
    serverAnswers(400, { error: { code: 'bad_query', message: 'The range is backwards.' } });
    expect(await searchServerOrders(SEARCH, 'token')).toEqual({
      ok: false,
      error: { code: 'bad_query', message: 'The server could not search: The range is backwards.' },
    });
  });

  it('refuses an answer it cannot read', async () => {
    serverAnswers(200, { orders: 'none' });
    expect(await searchServerOrders(SEARCH, 'token')).toMatchObject({
      ok: false,
      error: { code: 'bad_response', message: 'The server’s search answer could not be read.' },
    });
  });
});
