import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordLedgerEntry, type LedgerDraft } from '../../../client/common/commands/cashLedgerCommands';
import { readLedger, type Counterparty } from '../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../shared/cash/reconcile';
import { cashLedgerName, orderDocName } from '../../../shared/docNames';
import type { OutletId } from '../../../shared/ids';
import { money } from '../../../shared/money';
import { proposeEvent } from '../../../shared/order/commands';
import { appendEvent, readOrder } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { Actor } from '../../../shared/roles';
import { placeOrder, type Session } from '../support/api';
import { addDriver, appendAs, NEAR_OUTLET, type TestDriver } from '../support/drivers';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const t = useTestServer();

const actorOf = (s: Session): Actor =>
  s.user.role === 'outlet'
    ? { id: s.user.id as Actor['id'], role: 'outlet', outletId: s.user.outletId as OutletId }
    : { id: s.user.id as Actor['id'], role: s.user.role as 'admin' | 'driver' };

/** A device's stored copy of a document: what it synced before losing the network, and what it wrote since. */
interface Offline {
  readonly name: string;
  readonly doc: Y.Doc;
}

/** Opens `name` while online and keeps a copy, as the apps keep documents in IndexedDB; then the socket goes. */
async function holdThenDisconnect(s: Session, name: string): Promise<Offline> {
  const client = await MuxTestClient.connect(t.url, s.token);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(await client.open(name)));
  client.close();
  return { name, doc };
}

/** The device reconnects: it resubscribes from its copy and sends what it wrote offline; the server's answer. */
async function reconnect(s: Session, held: Offline): Promise<string> {
  const client = await MuxTestClient.connect(t.url, s.token);
  try {
    const before = Y.encodeStateVector(await client.open(held.name));
    const answer = await client.sendUpdate(held.name, Y.encodeStateAsUpdate(held.doc, before));
    return answer.type === MuxType.REJECT ? `${answer.code}: ${answer.message}` : 'ack';
  } finally {
    client.close();
  }
}

/** What `s` sees of the driver's cash once connected. */
async function cashSeenBy(s: Session, driver: TestDriver) {
  const client = await MuxTestClient.connect(t.url, s.token);
  try {
    return reconcileCash(readLedger(await client.open(cashLedgerName(driver.id))));
  } finally {
    client.close();
  }
}

/**
 * The driver, offline, delivers and records the cash on the order and in the ledger, then hands `handed`
 * to the outlet; the outlet's tablet, offline too, records `received`. Then both reconnect.
 */
async function offlineHandover(driver: TestDriver, handed: (due: number) => number, received: (due: number) => number) {
  const { orderId } = await placeOrder(t.url, DELIVERY);
  await appendAs(t.url, t.admin, orderId, { type: 'assigned', driverId: driver.id });
  await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
  await appendAs(t.url, driver.session, orderId, { type: 'picked_up' });
  const phoneOrder = await holdThenDisconnect(driver.session, orderDocName(orderId));
  const phoneLedger = await holdThenDisconnect(driver.session, cashLedgerName(driver.id));
  const tabletLedger = await holdThenDisconnect(t.outlet, cashLedgerName(driver.id));
  const view = readOrder(phoneOrder.doc);
  if (!view) throw new Error('the order did not reach the phone');
  const due = view.header.totals.total;
  const driverActor = actorOf(driver.session);
  const outlet: Counterparty = { kind: 'outlet', outletId: view.header.outletId };

  // Offline, on the phone: the cash and the delivery on the order, the collection and the handover in the ledger.
  for (const [type, data] of [
    ['cash_collected', { amount: money(due), currency: 'INR' }],
    ['delivered', { proof: 'a'.repeat(64) }],
  ] as const) {
    const event = proposeEvent(driverActor, readOrder(phoneOrder.doc) ?? view, type, data);
    if (!event.ok) throw new Error(event.error.message);
    appendEvent(phoneOrder.doc, event.value);
  }
  const collected: LedgerDraft = { kind: 'collected', orderId, amount: money(due), currency: 'INR' };
  expect(recordLedgerEntry(phoneLedger.doc, driverActor, driver.id, collected)).toEqual({ ok: true });
  const handOver: LedgerDraft = { kind: 'handed', party: outlet, amount: money(handed(due)), currency: 'INR' };
  expect(recordLedgerEntry(phoneLedger.doc, driverActor, driver.id, handOver)).toEqual({ ok: true });
  // Offline, on the outlet's tablet: what the counter staff counted.
  const counted: LedgerDraft = { kind: 'received', party: outlet, amount: money(received(due)), currency: 'INR' };
  expect(recordLedgerEntry(tabletLedger.doc, actorOf(t.outlet), driver.id, counted)).toEqual({ ok: true });

  // Each device, on its own, already knows its side.
  expect(reconcileCash(readLedger(phoneLedger.doc)).handovers.map((h) => h.state)).toEqual(['awaiting_receiver']);
  expect(reconcileCash(readLedger(tabletLedger.doc)).handovers.map((h) => h.state)).toEqual(['awaiting_driver']);

  // Back online, the tablet first.
  expect(await reconnect(t.outlet, tabletLedger)).toBe('ack');
  expect(await reconnect(driver.session, phoneOrder)).toBe('ack');
  expect(await reconnect(driver.session, phoneLedger)).toBe('ack');
  return { orderId, due, phoneOrder };
}

let asha: TestDriver;
let ravi: TestDriver;
beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
  ravi = await addDriver(t.url, t.admin, 'Ravi', NEAR_OUTLET);
});

describe('cash handed over while the driver and the outlet are both offline', () => {
  it('settles after both sync: the driver, the outlet and admins see the same zero balance and no mismatch', async () => {
    const { orderId, due } = await offlineHandover(
      asha,
      (d) => d,
      (d) => d,
    );
    const seen = await Promise.all([asha.session, t.outlet, t.admin].map((s) => cashSeenBy(s, asha)));
    for (const cash of seen) {
      expect(cash.balances).toEqual([{ currency: 'INR', collected: due, handedOver: due, holding: 0 }]);
      expect(cash.handovers.map((h) => h.state)).toEqual(['settled']);
      expect(cash.mismatches).toEqual([]);
    }
    // The order has the cash and the delivery the phone recorded offline, at the phone's times.
    const order = await holdThenDisconnect(t.outlet, orderDocName(orderId));
    const state = readOrder(order.doc)?.state;
    expect(state?.status).toBe('delivered');
    expect(state?.applied.find((e) => e.type === 'cash_collected')).toMatchObject({ amount: due, by: { id: asha.id } });
  });

  it('flags a mismatch when the outlet counted less than the driver handed, and both keep the difference on the driver', async () => {
    const { due } = await offlineHandover(
      ravi,
      (d) => d,
      (d) => d - 5_000,
    );
    const [onPhone, onTablet, forAdmin] = await Promise.all([ravi.session, t.outlet, t.admin].map((s) => cashSeenBy(s, ravi)));
    expect(onTablet).toEqual(onPhone);
    expect(forAdmin).toEqual(onPhone);
    expect(onPhone?.balances).toEqual([{ currency: 'INR', collected: due, handedOver: due - 5_000, holding: 5_000 }]);
    expect(onPhone?.mismatches).toHaveLength(1);
    expect(onPhone?.mismatches[0]).toMatchObject({ handed: { amount: due }, received: { amount: due - 5_000 } });
  });
});
