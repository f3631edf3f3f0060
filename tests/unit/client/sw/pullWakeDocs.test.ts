import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { pullRequestSchema } from '../../../../shared/api/pull';
import type { UserId } from '../../../../shared/ids';
import { appendEvent } from '../../../../shared/order/orderDoc';
import type { Session } from '../../../../client/common/session/session';
import { openDabbaDb, type DabbaDb } from '../../../../client/common/store/db';
import { saveSession } from '../../../../client/common/store/sessionStore';
import { appendUpdate, docUpdates } from '../../../../client/common/store/updateLog';
import { base64ToBytes, bytesToBase64 } from '../../../../client/common/sw/base64';
import { pullWakeDocs, storedDocs } from '../../../../client/common/sw/pullWakeDocs';
import { event, OUTLET, OUTLET_ID } from '../../shared/order/fixtures';
import { ORDER_DOC, ORDER_ID, placedOrderDoc } from '../support/orderDocs';

let serial = 0;
const COOK: Session = { token: 'cook-jwt', user: { id: 'cook-1' as UserId, role: 'outlet', outletId: OUTLET_ID } };
const INBOX = `inbox:outlet:${OUTLET_ID}`;

afterEach(() => vi.unstubAllGlobals());

/** The server's documents; each pull answers with the diff against the state vector the device sent. */
function serverWith(docs: Record<string, Y.Doc>) {
  const requests: { authorization: string | null; docs: { name: string; stateVector: string }[] }[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    const body = pullRequestSchema.parse(JSON.parse(String(init.body)));
    requests.push({ authorization: headers.get('authorization'), docs: body.docs });
    const answer = body.docs.map(({ name, stateVector }) => {
      const doc = docs[name];
      if (!doc) return { name, error: { code: 'not_found', message: 'no such document' } };
      const update = Y.encodeStateAsUpdate(doc, stateVector === '' ? undefined : base64ToBytes(stateVector));
      return { name, update: bytesToBase64(update) };
    });
    return new Response(JSON.stringify({ docs: answer }), { status: 200 });
  });
  return requests;
}

async function signedInDevice(): Promise<DabbaDb> {
  const db = openDabbaDb(`pull-wake-test-${++serial}`);
  await saveSession(db, COOK);
  return db;
}

function inboxListing(orderId: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('orders').set(orderId, { placedAt: 1 });
  return doc;
}

describe('pullWakeDocs', () => {
  it('stores a new order the device never held, with the row the outlet board reads', async () => {
    const db = await signedInDevice();
    const requests = serverWith({ [ORDER_DOC]: placedOrderDoc(), [INBOX]: inboxListing(ORDER_ID) });

    const outcome = await pullWakeDocs(db, [INBOX, ORDER_DOC]);

    expect(outcome).toEqual({ ok: true, stored: [INBOX, ORDER_DOC] });
    expect(requests).toEqual([
      {
        authorization: 'Bearer cook-jwt',
        docs: [
          { name: INBOX, stateVector: '' },
          { name: ORDER_DOC, stateVector: '' },
        ],
      },
    ]);
    expect((await docUpdates(db, ORDER_DOC)).map((r) => r.unsynced)).toEqual([0]);
    expect(await db.orders.get(ORDER_ID)).toMatchObject({ id: ORDER_ID, outletId: OUTLET_ID, status: 'placed', syncState: 'synced' });
  });

  it('asks only for what the device lacks, by the state vector of its log, and re-derives the order’s row', async () => {
    const db = await signedInDevice();
    const server = placedOrderDoc();
    await appendUpdate(db, ORDER_DOC, Y.encodeStateAsUpdate(server), false);
    appendEvent(server, event('accepted', 1_000, OUTLET, { prepMinutes: 15 }));
    const requests = serverWith({ [ORDER_DOC]: server });

    expect(await pullWakeDocs(db, [ORDER_DOC])).toEqual({ ok: true, stored: [ORDER_DOC] });

    const held = Y.mergeUpdates((await docUpdates(db, ORDER_DOC)).slice(0, 1).map((r) => r.update));
    expect(requests[0]?.docs).toEqual([{ name: ORDER_DOC, stateVector: bytesToBase64(Y.encodeStateVectorFromUpdate(held)) }]);
    expect(await docUpdates(db, ORDER_DOC)).toHaveLength(2);
    expect(await db.orders.get(ORDER_ID)).toMatchObject({ status: 'accepted', prepMinutes: 15 });
  });

  it('appends nothing when the server has nothing the device lacks', async () => {
    const db = await signedInDevice();
    const server = placedOrderDoc();
    await appendUpdate(db, ORDER_DOC, Y.encodeStateAsUpdate(server), false);
    serverWith({ [ORDER_DOC]: server });

    expect(await pullWakeDocs(db, [ORDER_DOC])).toEqual({ ok: true, stored: [] });
    expect(await docUpdates(db, ORDER_DOC)).toHaveLength(1);
  });

  it('leaves tracking documents to the tracking page, and pulls nothing for nobody signed in', async () => {
    expect(storedDocs(['track:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ORDER_DOC, 'nonsense'])).toEqual([ORDER_DOC]);
    const requests = serverWith({});
    const signedOut = openDabbaDb(`pull-wake-test-${++serial}`);
    expect(await pullWakeDocs(signedOut, ['track:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'])).toEqual({ ok: true, stored: [] });
    expect(await pullWakeDocs(signedOut, [ORDER_DOC])).toEqual({ ok: false, reason: 'nobody is signed in on this device' });
    expect(requests).toEqual([]);
  });

  it('says the pull failed when the server refuses it, and stores nothing', async () => {
    const db = await signedInDevice();
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'expired' } }), { status: 401 }),
    );
    expect(await pullWakeDocs(db, [ORDER_DOC])).toEqual({ ok: false, reason: 'the server answered 401' });
    expect(await docUpdates(db, ORDER_DOC)).toEqual([]);
  });
});
