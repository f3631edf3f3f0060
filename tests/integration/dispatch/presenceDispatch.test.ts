import { afterEach, describe, expect, it } from 'vitest';
import { driverInboxName } from '../../../shared/docNames';
import { UserIdSchema, type OrderId } from '../../../shared/ids';
import type { WakeData } from '../../../shared/wake/wakeMessage';
import type { DabbaServer } from '../../../sync-server/app';
import { DispatchState, type OfferRow } from '../../../sync-server/storage/dispatchState';
import type { Waker, WakeTarget } from '../../../sync-server/wake/waker';
import { loginAll, type DemoSessions, type Session } from '../support/api';
import {
  acceptedDelivery,
  acceptOffer,
  addDriver,
  addDriverAccount,
  connectDriver,
  declineOffer,
  NEAR_OUTLET,
  offersOf,
  reportPosition,
  TWO_KM_AWAY,
} from '../support/drivers';
import { pollUntil } from '../support/poll';
import { startTestServer } from '../support/server';

/** Every offer wake-up dispatch asked for, in order (orders wake their outlet and driver through the same waker). */
class RecordingWaker implements Waker {
  readonly wakes: { target: WakeTarget; data: WakeData }[] = [];
  wake(target: WakeTarget, data: WakeData): Promise<void> {
    if (data.kind === 'offer') this.wakes.push({ target, data });
    return Promise.resolve();
  }
}

let server: DabbaServer;
let waker: RecordingWaker;
afterEach(() => server.close());

// The retry is far off: offers here come from commits, shift changes, moves and connections alone.
async function start(env: Record<string, string> = {}): Promise<DemoSessions> {
  waker = new RecordingWaker();
  server = await startTestServer({ DABBA_DISPATCH_RETRY_MS: '600000', ...env }, { waker });
  return loginAll(server.url);
}

const idOf = (session: Session) => UserIdSchema.parse(session.user.id);
const pendingOffer = (orderId: OrderId): Promise<OfferRow | null> => new DispatchState(server.sql).offer(orderId);
const offerTo = (session: Session, orderId: OrderId) =>
  pollUntil(
    () => pendingOffer(orderId),
    (row): row is OfferRow => row?.driverId === idOf(session),
    `an offer of ${orderId} to ${session.user.id}`,
  );

describe('dispatch and presence', () => {
  it('offers nothing to drivers with no live socket and no recent position, and offers at once when their app connects', async () => {
    const s = await start({ DABBA_DRIVER_STALE_MS: '60000' });
    const bala = await addDriver(server.url, s.admin, 'Bala', TWO_KM_AWAY);
    const declaredOnly = await addDriverAccount(server.url, s.admin, 'Ravi', NEAR_OUTLET);
    const seenLongAgo = await addDriverAccount(server.url, s.admin, 'Sita', NEAR_OUTLET);
    await reportPosition(server.url, seenLongAgo, NEAR_OUTLET, Date.now() - 5 * 60_000);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await offerTo(bala.session, orderId);
    // Declining decides the next offer before it answers: nobody else could be offered it.
    expect((await declineOffer(server.url, bala, orderId)).status).toBe(204);
    expect(await pendingOffer(orderId)).toBeNull();

    const ravi = await connectDriver(server.url, declaredOnly, 'Ravi');
    const row = await offerTo(ravi.session, orderId);
    expect(row.expiresAt - row.offeredAt).toBe(60_000);
    await pollUntil(
      () => Promise.resolve(offersOf(ravi).get(orderId)),
      (offer) => offer !== undefined,
      'the offer in Ravi’s inbox',
    );
    expect(waker.wakes).toEqual([]);
  });

  it('offers a driver whose phone sleeps but reported a position lately, with a wake-up and the shorter first window', async () => {
    const s = await start({ DABBA_OFFER_ASLEEP_MS: '700' });
    const asleep = await addDriverAccount(server.url, s.admin, 'Ravi', NEAR_OUTLET);
    await reportPosition(server.url, asleep, NEAR_OUTLET);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    const row = await offerTo(asleep, orderId);
    expect(row.expiresAt - row.offeredAt).toBe(700);
    // The wake-up follows the offer's inbox and mirror writes, after its row is stored.
    const wakes = await pollUntil(
      () => Promise.resolve([...waker.wakes]),
      (asked) => asked.length > 0,
      'the offer’s wake-up',
    );
    expect(wakes).toEqual([
      {
        target: { kind: 'user', userId: idOf(asleep) },
        data: expect.objectContaining({
          kind: 'offer',
          docs: [driverInboxName(idOf(asleep))],
          title: 'New delivery offer',
          open: '/driver/#/',
          tag: `offer:${orderId}`,
          expiresAt: String(row.expiresAt),
        }),
      },
    ]);
    expect(waker.wakes[0]?.data.body).toMatch(/^Dabba Demo Kitchen → .+, ₹[\d,.]+ cash, answer in 1 s$/);

    // Nobody opened the app: the offer lapses after the first window, and the order waits.
    await pollUntil(
      () => pendingOffer(orderId),
      (r) => r === null,
      'the offer to lapse',
    );
    expect((await new DispatchState(server.sql).exclusions(orderId)).get(idOf(asleep))).toBe('timeout');
  });

  it('gives a woken driver the rest of the normal time once their app connects, and lets them take it', async () => {
    const s = await start({ DABBA_OFFER_ASLEEP_MS: '2000', DABBA_OFFER_TIMEOUT_MS: '60000' });
    const asleep = await addDriverAccount(server.url, s.admin, 'Ravi', NEAR_OUTLET);
    await reportPosition(server.url, asleep, NEAR_OUTLET);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    const first = await offerTo(asleep, orderId);
    expect(first.expiresAt - first.offeredAt).toBe(2_000);

    const ravi = await connectDriver(server.url, asleep, 'Ravi');
    const extended = await pollUntil(
      () => Promise.resolve(offersOf(ravi).get(orderId)),
      (offer) => offer?.expiresAt === first.offeredAt + 60_000,
      'the offer extended in Ravi’s inbox',
    );
    expect(extended?.offeredAt).toBe(first.offeredAt);
    expect((await pendingOffer(orderId))?.expiresAt).toBe(first.offeredAt + 60_000);
    expect((await acceptOffer(server.url, ravi, orderId)).status).toBe(200);
    expect(waker.wakes).toHaveLength(1);
  });

  it('prefers a driver whose app is open to a nearer sleeping phone when both are owed a turn alike', async () => {
    const s = await start();
    const asleep = await addDriverAccount(server.url, s.admin, 'Ravi', NEAR_OUTLET);
    await reportPosition(server.url, asleep, NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', TWO_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await offerTo(bala.session, orderId);
    expect(waker.wakes).toEqual([]);
  });
});
