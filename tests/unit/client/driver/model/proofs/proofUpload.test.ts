import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { uploadProofs } from '../../../../../../client/driver/model/proofs/proofUpload';
import { openDabbaDb, type ProofRow } from '../../../../../../client/common/store/db';
import { proofsOfOrder, saveProof, waitingProofs } from '../../../../../../client/common/store/proofs';
import { OFFLINE, OK, refused, scriptedDriverApi } from '../../../support/driverApi';

const T0 = 1_700_000_000_000;
let serial = 0;
const db = () => openDabbaDb(`proofs-test-${++serial}`);
const proof = (orderId: string, sha: string, takenAt: number, driverId = 'd1'): ProofRow => ({
  orderId,
  sha256: sha.repeat(64),
  driverId,
  kind: 'photo',
  type: 'image/jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2]),
  size: 5,
  takenAt,
  state: 'waiting',
  lastError: null,
});

describe('proof upload queue', () => {
  it('keeps photos taken offline on the device and uploads them, oldest first, when there is network', async () => {
    const store = db();
    await saveProof(store, proof('o2', 'b', T0 + 1_000));
    await saveProof(store, proof('o1', 'a', T0));
    const offline = scriptedDriverApi([OFFLINE]);
    expect(await uploadProofs({ db: store, driverId: 'd1', api: offline.api })).toBe('retry');
    expect((await waitingProofs(store, 'd1')).map((p) => [p.orderId, p.lastError])).toEqual([
      ['o1', 'Cannot reach the Dabba server.'],
      ['o2', null],
    ]);

    const online = scriptedDriverApi([OK, OK]);
    expect(await uploadProofs({ db: store, driverId: 'd1', api: online.api })).toBe('idle');
    expect(online.calls.proofs.map((c) => [c.orderId, c.sha256, c.type, c.size])).toEqual([
      ['o1', 'a'.repeat(64), 'image/jpeg', 5],
      ['o2', 'b'.repeat(64), 'image/jpeg', 5],
    ]);
    expect(await waitingProofs(store, 'd1')).toEqual([]);
  });

  it('drops the bytes once the server has them but remembers the photo was uploaded, also if it is saved again', async () => {
    const store = db();
    await saveProof(store, proof('o1', 'a', T0));
    await uploadProofs({ db: store, driverId: 'd1', api: scriptedDriverApi([OK]).api });
    await saveProof(store, proof('o1', 'a', T0 + 5));
    expect(await proofsOfOrder(store, 'o1')).toMatchObject([{ state: 'uploaded', bytes: null }]);
  });

  it('stops at a refusal for good, keeping the photo and the server’s reason, and goes on with the rest', async () => {
    const store = db();
    await saveProof(store, proof('o1', 'a', T0));
    await saveProof(store, proof('o2', 'b', T0 + 1));
    const { api } = scriptedDriverApi([refused(403, 'forbidden', 'Only the driver of this order or an admin may add its proof.'), OK]);
    expect(await uploadProofs({ db: store, driverId: 'd1', api })).toBe('idle');
    const [first] = await proofsOfOrder(store, 'o1');
    expect(first).toMatchObject({ state: 'refused', lastError: 'Only the driver of this order or an admin may add its proof.' });
    expect(first?.bytes).not.toBeNull();
    expect(await proofsOfOrder(store, 'o2')).toMatchObject([{ state: 'uploaded' }]);
  });

  it('waits on a busy server or an expired sign-in instead of giving up', async () => {
    const store = db();
    await saveProof(store, proof('o1', 'a', T0));
    expect(await uploadProofs({ db: store, driverId: 'd1', api: scriptedDriverApi([refused(503, 'busy', 'Try again')]).api })).toBe(
      'retry',
    );
    expect(await uploadProofs({ db: store, driverId: 'd1', api: scriptedDriverApi([refused(401, 'unauthorized', 'Sign in')]).api })).toBe(
      'retry',
    );
    expect(await waitingProofs(store, 'd1')).toHaveLength(1);
  });

  it('uploads only the signed-in driver’s photos', async () => {
    const store = db();
    await saveProof(store, proof('o1', 'a', T0, 'd2'));
    const { api, calls } = scriptedDriverApi([OK]);
    expect(await uploadProofs({ db: store, driverId: 'd1', api })).toBe('idle');
    expect(calls.proofs).toEqual([]);
  });
});
