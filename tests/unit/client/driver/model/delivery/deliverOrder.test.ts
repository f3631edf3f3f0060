import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deliverOrder, type DeliveryInput } from '../../../../../../client/driver/model/delivery/deliverOrder';
import { sha256Hex } from '../../../../../../client/driver/model/proofs/proofHash';
import { openDabbaDb } from '../../../../../../client/common/store/db';
import { proofsOfOrder } from '../../../../../../client/common/store/proofs';
import { readOrder } from '../../../../../../shared/order/orderDoc';
import { DRIVER1_ACTOR } from '../../../../shared/order/fixtures';
import { assignedDeliveryDoc, docsOf, ORDER_DOC, ORDER_ID } from '../../../support/orderDocs';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7]);
let serial = 0;

function setup(pickedUp = true) {
  const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, pickedUp);
  const db = openDabbaDb(`deliver-test-${++serial}`);
  let kicks = 0;
  const deps = {
    ctx: { actor: DRIVER1_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) },
    db,
    driverId: DRIVER1_ACTOR.id,
    uploadProofs: () => {
      kicks += 1;
    },
  };
  return { doc, db, deps, kicks: () => kicks };
}

const withPhoto: DeliveryInput = { photo: { type: 'image/jpeg', bytes: JPEG }, signature: null, code: '', cashCollected: 29_000 };

describe('delivering with a photo', () => {
  it('keeps the photo on the device, names it by its hash in the delivered event, and wakes the uploader', async () => {
    const { doc, db, deps, kicks } = setup();
    expect(await deliverOrder(deps, ORDER_ID, withPhoto)).toEqual({ ok: true });
    const sha = await sha256Hex(JPEG);
    expect(readOrder(doc)?.state.applied.at(-1)).toMatchObject({ type: 'delivered', proof: sha });
    expect(await proofsOfOrder(db, ORDER_ID)).toMatchObject([{ sha256: sha, state: 'waiting', kind: 'photo', size: JPEG.length }]);
    expect(kicks()).toBe(1);
  });

  it('stores no photo when the delivery is refused', async () => {
    const { doc, db, deps } = setup(false);
    const outcome = await deliverOrder(deps, ORDER_ID, withPhoto);
    expect(outcome.ok).toBe(false);
    expect(await proofsOfOrder(db, ORDER_ID)).toEqual([]);
    expect(readOrder(doc)?.state.status).toBe('accepted');
  });
});
