import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerMap } from '../../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../../shared/docNames';
import { newEventId, type OutletId, type UserId } from '../../../../shared/ids';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import type { Session } from '../../support/api';
import { addDriver, NEAR_OUTLET, type TestDriver } from '../../support/drivers';
import { MuxTestClient } from '../../support/muxClient';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();
let asha: TestDriver;
let ravi: TestDriver;
let outletId: OutletId;

const entry = (by: Session, data: Record<string, unknown>): Record<string, unknown> => ({
  id: newEventId(),
  at: Date.now(),
  by: by.user.id,
  amount: 10_000,
  currency: 'INR',
  ...data,
});
const handed = (by: Session, data: Record<string, unknown> = {}) =>
  entry(by, { kind: 'handed', party: { kind: 'outlet', outletId }, ...data });
const received = (by: Session, data: Record<string, unknown> = {}) =>
  entry(by, { kind: 'received', party: { kind: 'outlet', outletId }, ...data });

/** What the server answers to `session` adding `value` under `key` (its id unless said) to `driverId`'s ledger. */
async function write(session: Session, driverId: UserId, value: Record<string, unknown>, key = String(value.id)): Promise<string> {
  const client = await MuxTestClient.connect(t.url, session.token);
  try {
    await client.open(cashLedgerName(driverId));
    const answer = await client.propose(cashLedgerName(driverId), (d) => ledgerMap(d).set(key, value));
    return answer.type === MuxType.REJECT ? answer.code : 'ack';
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
  ravi = await addDriver(t.url, t.admin, 'Ravi', NEAR_OUTLET);
  outletId = t.outlet.user.outletId as OutletId;
});

describe('a driver’s cash ledger', () => {
  it('is held by the driver, any outlet’s staff and admins, never by another driver', async () => {
    for (const s of [asha.session, t.outlet, t.admin]) {
      const client = await MuxTestClient.connect(t.url, s.token);
      expect(await client.subscribe(cashLedgerName(asha.id))).not.toMatchObject({ type: MuxType.REFUSED });
      client.close();
    }
    expect(await ravi.device.subscribe(cashLedgerName(asha.id))).toMatchObject({ type: MuxType.REFUSED, code: 'forbidden' });
  });

  it('takes each side from its own author only: the driver hands over, the outlet receives for itself, admins for the office', async () => {
    expect(await write(asha.session, asha.id, handed(asha.session))).toBe('ack');
    expect(await write(asha.session, asha.id, received(asha.session))).toBe('invalid_value');
    expect(await write(t.outlet, asha.id, received(t.outlet))).toBe('ack');
    expect(await write(t.outlet, asha.id, handed(t.outlet))).toBe('invalid_value');
    expect(await write(t.outlet, asha.id, received(t.outlet, { party: { kind: 'outlet', outletId: 'someone-else' } }))).toBe(
      'invalid_value',
    );
    expect(await write(t.admin, asha.id, received(t.admin, { party: { kind: 'admin' } }))).toBe('ack');
    expect(await write(t.admin, asha.id, received(t.admin))).toBe('invalid_value');
    // Nobody writes in another's name.
    expect(await write(t.outlet, asha.id, received(asha.session))).toBe('invalid_value');
  });

  it('validates amounts and times, and files each entry under its own id', async () => {
    expect(await write(asha.session, asha.id, handed(asha.session, { amount: 10.5 }))).toBe('invalid_value');
    expect(await write(asha.session, asha.id, handed(asha.session, { amount: -1 }))).toBe('invalid_value');
    expect(await write(asha.session, asha.id, handed(asha.session, { currency: 'rupees' }))).toBe('invalid_value');
    expect(await write(asha.session, asha.id, handed(asha.session), 'another-key')).toBe('invalid_value');
    expect(await write(asha.session, asha.id, handed(asha.session, { at: Date.now() + 3_600_000 }))).toBe('clock_skew');
  });

  it('keeps every entry as written: none may be replaced or removed, by its author or an admin', async () => {
    const first = handed(asha.session);
    expect(await write(asha.session, asha.id, first)).toBe('ack');
    expect(await write(asha.session, asha.id, { ...first, amount: 1 })).toBe('invalid_value');
    const client = await MuxTestClient.connect(t.url, t.admin.token);
    await client.open(cashLedgerName(asha.id));
    const removal = await client.propose(cashLedgerName(asha.id), (d) => ledgerMap(d).delete(String(first.id)));
    expect(removal.type === MuxType.REJECT ? removal.code : 'ack').toBe('invalid_value');
    client.close();
  });

  it('takes a recount only of an original entry of the same side already in the ledger', async () => {
    const counted = received(t.outlet);
    expect(await write(t.outlet, asha.id, counted)).toBe('ack');
    const recount = received(t.outlet, { amount: 9_000, replaces: counted.id });
    expect(await write(t.outlet, asha.id, recount)).toBe('ack');
    expect(await write(t.outlet, asha.id, received(t.outlet, { replaces: recount.id }))).toBe('invalid_value');
    const theirs = handed(asha.session);
    expect(await write(asha.session, asha.id, theirs)).toBe('ack');
    expect(await write(t.outlet, asha.id, received(t.outlet, { replaces: theirs.id }))).toBe('invalid_value');
    expect(await write(t.outlet, asha.id, received(t.outlet, { replaces: newEventId() }))).toBe('invalid_value');
  });
});
