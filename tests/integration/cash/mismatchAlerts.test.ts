import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminAlertsMap, cashMismatchKey, type AdminAlert } from '../../../shared/adminAlerts';
import { ledgerMap } from '../../../shared/cash/ledgerEntries';
import { ADMIN_INBOX, cashLedgerName } from '../../../shared/docNames';
import { newEventId, type EventId, type OutletId, type UserId } from '../../../shared/ids';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions, type Session } from '../support/api';
import { ManualClock } from '../support/manualClock';
import { MuxTestClient } from '../support/muxClient';
import { startTestServer } from '../support/server';

/** The outlet watch's period: it settles its own alerts on every look, and must leave these alone. */
const WATCH_EVERY = 1_000;
const clock = new ManualClock();
let t: DemoSessions & { server: DabbaServer; url: string };
beforeAll(async () => {
  const server = await startTestServer(
    // clock.tick knows the watch's pass by the period it re-arms; the webhook worker's poll must not share it.
    { DABBA_OUTLET_WATCH_MS: String(WATCH_EVERY), DABBA_WEBHOOK_POLL_MS: String(3_600_000) },
    { clock },
  );
  t = { server, url: server.url, ...(await loginAll(server.url)) };
});
afterAll(() => t.server.close());
const clients: MuxTestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

const driverId = (): UserId => t.driver.user.id as UserId;
const outletId = (): OutletId => t.outlet.user.outletId as OutletId;

/** Adds one entry to the demo driver's ledger as `s` would from their device; the server's answer. */
async function write(s: Session, fields: Record<string, unknown>): Promise<{ id: EventId; answer: string }> {
  const client = await MuxTestClient.connect(t.url, s.token);
  clients.push(client);
  await client.open(cashLedgerName(driverId()));
  const id = newEventId();
  const entry = { id, at: Date.now(), by: s.user.id, currency: 'INR', party: { kind: 'outlet', outletId: outletId() }, ...fields };
  const answer = await client.propose(cashLedgerName(driverId()), (d) => ledgerMap(d).set(id, entry));
  return { id, answer: answer.type === MuxType.REJECT ? answer.code : 'ack' };
}

/** The alerts an admin device finds in `inbox:admin`, having opened nothing else. */
async function adminAlerts(): Promise<Map<string, AdminAlert>> {
  await t.server.hooksSettled();
  const desk = await MuxTestClient.connect(t.url, t.admin.token);
  clients.push(desk);
  return new Map(adminAlertsMap(await desk.open(ADMIN_INBOX)).entries());
}

describe('cash mismatches flagged by the server', () => {
  it('raises a cash_mismatch alert in inbox:admin when the outlet counts less than the driver handed, and resolves it on a recount', async () => {
    const handed = await write(t.driver, { kind: 'handed', amount: 10_000 });
    expect(handed.answer).toBe('ack');
    const key = cashMismatchKey(driverId(), handed.id);
    expect((await adminAlerts()).get(key)).toBeUndefined();

    const received = await write(t.outlet, { kind: 'received', amount: 8_000 });
    expect(received.answer).toBe('ack');
    const raised = (await adminAlerts()).get(key);
    expect(raised).toMatchObject({ kind: 'cash_mismatch', driverId: driverId(), outletId: outletId(), orderId: null, resolvedAt: null });
    expect(raised?.message).toBe('Ravi Kumar handed ₹100.00 to Dabba Demo Kitchen; ₹80.00 was counted there.');
    // The outlet watch's look settles only its own kinds of alert.
    await clock.tick(WATCH_EVERY, WATCH_EVERY);
    expect((await adminAlerts()).get(key)?.resolvedAt).toBeNull();

    // The counter finds the other ₹20.00 and records its recount: the handover settles, the alert is resolved.
    expect((await write(t.outlet, { kind: 'received', amount: 10_000, replaces: received.id })).answer).toBe('ack');
    const resolved = (await adminAlerts()).get(key);
    expect(resolved?.resolvedAt).toEqual(expect.any(Number));
    expect(resolved?.message).toBe(raised?.message);
  });
});
