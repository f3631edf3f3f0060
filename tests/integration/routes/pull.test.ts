import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pullResponseSchema, type PullResponse } from '../../../shared/api/pull';
import { ADMIN_INBOX, driverInboxName, orderDocName, outletInboxName, trackDocName } from '../../../shared/docNames';
import { OutletIdSchema, type TrackingToken, type UserId } from '../../../shared/ids';
import { readOrder } from '../../../shared/order/orderDoc';
import { readTrack } from '../../../shared/track';
import { placeOrder } from '../support/api';
import { appendAs } from '../support/drivers';
import { errorOf, postJson, type JsonResponse } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { DEMO_OUTLET } from '../support/server';
import { useTestServer } from '../support/testServer';

const tokenOf = (trackingUrl: string): TrackingToken => trackingUrl.split('/track/')[1] as TrackingToken;
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

type Answer = PullResponse['docs'][number];
const updateOf = (answer: Answer | undefined): Uint8Array => {
  if (!answer || !('update' in answer)) throw new Error(`no update: ${JSON.stringify(answer)}`);
  return new Uint8Array(Buffer.from(answer.update, 'base64'));
};
const codeOf = (answer: Answer | undefined): string | null => (answer && 'error' in answer ? answer.error.code : null);

describe('POST /api/sync/pull', () => {
  const t = useTestServer({ DABBA_TRACK_LOOKUPS_PER_MINUTE: '2' });
  const pull = async (docs: { name: string; stateVector?: string }[], token?: string): Promise<JsonResponse<PullResponse>> => {
    const res = await postJson<PullResponse>(
      `${t.url}/api/sync/pull`,
      { docs: docs.map((d) => ({ stateVector: '', ...d })) },
      token ? { token } : {},
    );
    if (res.status === 200) pullResponseSchema.parse(res.body);
    return res;
  };

  it('answers the whole document for no state vector, then only what the replica lacks', async () => {
    const { orderId } = await placeOrder(t.url, DELIVERY);
    const replica = new Y.Doc();
    const first = await pull([{ name: orderDocName(orderId) }], t.outlet.token);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    Y.applyUpdate(replica, updateOf(first.body.docs[0]));
    expect(readOrder(replica)?.state.status).toBe('placed');

    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 15 });
    const full = updateOf((await pull([{ name: orderDocName(orderId) }], t.outlet.token)).body.docs[0]);
    const diff = updateOf(
      (await pull([{ name: orderDocName(orderId), stateVector: base64(Y.encodeStateVector(replica)) }], t.outlet.token)).body.docs[0],
    );
    expect(diff.length).toBeLessThan(full.length / 2);
    Y.applyUpdate(replica, diff);
    expect(readOrder(replica)?.state.status).toBe('accepted');
  });

  it('refuses, document by document, what the caller could not subscribe to', async () => {
    const { orderId } = await placeOrder(t.url, DELIVERY);
    const other = OutletIdSchema.parse('another-outlet');
    const res = await pull(
      [
        { name: orderDocName(orderId) },
        { name: outletInboxName(other) },
        { name: ADMIN_INBOX },
        { name: driverInboxName(t.driver.user.id as UserId) },
        { name: 'order:no-such-order' },
        { name: 'not a document' },
      ],
      t.driver.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.docs.map((d) => [d.name, codeOf(d)])).toEqual([
      [orderDocName(orderId), 'forbidden'],
      [outletInboxName(other), 'forbidden'],
      [ADMIN_INBOX, 'forbidden'],
      [driverInboxName(t.driver.user.id as UserId), null],
      ['order:no-such-order', 'not_found'],
      ['not a document', 'not_found'],
    ]);
    const outlet = await pull(
      [{ name: outletInboxName(OutletIdSchema.parse(DEMO_OUTLET)) }, { name: orderDocName(orderId) }],
      t.outlet.token,
    );
    expect(outlet.body.docs.map(codeOf)).toEqual([null, null]);
  });

  it('answers tracking documents without a sign-in, and spends the lookup budget on unknown links', async () => {
    const { orderId, trackingUrl } = await placeOrder(t.url, DELIVERY);
    const res = await pull([{ name: trackDocName(tokenOf(trackingUrl)) }, { name: orderDocName(orderId) }]);
    const track = new Y.Doc();
    Y.applyUpdate(track, updateOf(res.body.docs[0]));
    expect(readTrack(track)?.status).toBe('placed');
    expect(codeOf(res.body.docs[1])).toBe('forbidden');

    const guesses = await pull([{ name: 'track:guess-1' }, { name: 'track:guess-2' }, { name: trackDocName(tokenOf(trackingUrl)) }]);
    expect(guesses.body.docs.map(codeOf)).toEqual(['not_found', 'not_found', 'rate_limited']);
  });

  it('refuses requests that are not a pull', async () => {
    const badVector = await pull([{ name: ADMIN_INBOX, stateVector: base64(new Uint8Array([0xff, 0xff, 0xff])) }], t.admin.token);
    expect(codeOf(badVector.body.docs[0])).toBe('invalid_state_vector');
    for (const body of [
      { docs: [] },
      { docs: [{ name: ADMIN_INBOX, stateVector: 'not base64!' }] },
      { docs: Array(21).fill({ name: ADMIN_INBOX, stateVector: '' }) },
    ]) {
      const res = await postJson(`${t.url}/api/sync/pull`, body, { token: t.admin.token });
      expect(res.status).toBe(400);
      expect(errorOf(res)?.code).toBe('invalid_body');
    }
    const unsigned = await postJson(`${t.url}/api/sync/pull`, { docs: [{ name: ADMIN_INBOX, stateVector: '' }] }, { token: 'not-a-token' });
    expect(unsigned.status).toBe(401);
  });
});

describe('POST /api/sync/pull after the caller was signed out everywhere', () => {
  const t = useTestServer();

  it('refuses the revoked token like every other route', async () => {
    await t.server.accounts.revokeSessions(t.outlet.user.id as UserId);
    const res = await postJson(
      `${t.url}/api/sync/pull`,
      { docs: [{ name: outletInboxName(OutletIdSchema.parse(DEMO_OUTLET)), stateVector: '' }] },
      { token: t.outlet.token },
    );
    expect(res.status).toBe(401);
    expect(errorOf(res)?.code).toBe('session_revoked');
  });
});
