import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_OUTLET as DEMO_PROFILE } from '../../../sync-server/seed/demoCatalog';
import { PICKUP_ORDER } from '../support/api';
import { postJson } from '../support/http';
import { editOutletDoc, profileOf } from '../support/outletDoc';
import { expectRefused } from '../support/refusals';
import { useTestServer } from '../support/testServer';

/** What the customer typed or chose that the outlet cannot take: a phone no one can call, a table it does not have, too much. */
const t = useTestServer({ DABBA_ORDERS_PER_MINUTE: '1000' });
afterEach(() => editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', DEMO_PROFILE)));

const place = (body: unknown) => postJson(`${t.url}/api/orders`, body);
const quote = (body: unknown) => postJson(`${t.url}/api/orders/quote`, body);
const DINE_IN = { ...PICKUP_ORDER, type: 'dine-in', table: 'T4' };

describe('a customer phone', () => {
  it('refuses absurd numbers on quote and place, and takes a local number read in the outlet country', async () => {
    for (const phone of ['99999999999999999999', '0000000']) {
      const body = { ...PICKUP_ORDER, customer: { name: 'Meera', phone } };
      await expectRefused(await place(body), 'invalid_phone', /phone number the restaurant can call/);
      await expectRefused(await quote(body), 'invalid_phone', /phone number the restaurant can call/);
    }
    expect((await place({ ...PICKUP_ORDER, customer: { name: 'Meera', phone: '98450 12345' } })).status).toBe(201);
  });
});

describe('a dine-in table', () => {
  it("refuses a table that is not one of the outlet's on quote and place, and takes one of them", async () => {
    const unknown = { ...DINE_IN, table: 'ZZ-999' };
    await expectRefused(await place(unknown), 'unknown_table', /^Dabba Demo Kitchen has no table "ZZ-999"/);
    await expectRefused(await quote(unknown), 'unknown_table', /no table "ZZ-999"/);
    expect((await place(DINE_IN)).status).toBe(201);
    expect((await place({ ...DINE_IN, table: 'patio 1' })).status).toBe(201);
  });

  it('follows the tables an admin sets on the outlet profile', async () => {
    await editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', { ...DEMO_PROFILE, tables: ['Terrace 1'] }));
    await expectRefused(await place(DINE_IN), 'unknown_table', /no table "T4"/);
    expect((await place({ ...DINE_IN, table: 'Terrace 1' })).status).toBe(201);
  });
});

describe("an outlet's maximum order value", () => {
  it('refuses a cash order of three lakh rupees on quote and place, naming the limit', async () => {
    // 34 lines of 99 plain dosas at ₹90: ₹3,02,940.
    const huge = { ...PICKUP_ORDER, items: Array.from({ length: 34 }, () => ({ itemId: 'plain-dosa', qty: 99 })) };
    const message = /^Dabba Demo Kitchen takes orders up to ₹25,000\.00 online; this one is ₹3,02,940\.00\./;
    await expectRefused(await place(huge), 'above_maximum', message);
    await expectRefused(await quote(huge), 'above_maximum', message);
  });

  it('follows the maximum an admin sets, and takes an order at it', async () => {
    await editOutletDoc(t.url, t.admin, (d) => profileOf(d).set('value', { ...DEMO_PROFILE, maxOrderValue: 18_000 }));
    expect((await place(PICKUP_ORDER)).status).toBe(201); // 2 × ₹90 = ₹180
    const three = { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: 3 }] };
    await expectRefused(await quote(three), 'above_maximum', /up to ₹180\.00/);
  });
});
