import type * as Y from 'yjs';
import { OUTLET_ROOTS } from '../../../shared/catalog/outletDoc';
import { outletDocName } from '../../../shared/docNames';
import type { OutletId } from '../../../shared/ids';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { Session } from './api';
import { MuxTestClient } from './muxClient';
import { DEMO_MENU, DEMO_OUTLET as DEMO_PROFILE } from '../../../sync-server/seed/demoCatalog';
import type { OutletProfile } from '../../../shared/catalog/menu';
import { DEMO_OUTLET } from './server';

/**
 * Changes an outlet document the way the outlet and admin apps do: over the multiplexed socket, as
 * `session`. Throws unless the server accepted the change.
 */
export async function editOutletDoc(
  baseUrl: string,
  session: Session,
  change: (doc: Y.Doc) => void,
  outletId = DEMO_OUTLET,
): Promise<void> {
  const name = outletDocName(outletId as OutletId);
  const client = await MuxTestClient.connect(baseUrl, session.token);
  try {
    await client.open(name);
    const answer = await client.change(name, change);
    if (answer.type === MuxType.REJECT) throw new Error(`change to ${name} rejected: ${answer.code} ${answer.message}`);
  } finally {
    client.close();
  }
}

export const availabilityOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(OUTLET_ROOTS.availability);
export const statusOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(OUTLET_ROOTS.status);
export const profileOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(OUTLET_ROOTS.profile);
export const menuOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(OUTLET_ROOTS.menu);

/** Sets up another outlet as an admin does in the admin app: the demo profile under its own id and name, and the demo menu. */
export async function setUpOutlet(
  baseUrl: string,
  admin: Session,
  id: string,
  name: string,
  profile: Partial<OutletProfile> = {},
): Promise<void> {
  await editOutletDoc(
    baseUrl,
    admin,
    (d) => {
      profileOf(d).set('value', { ...DEMO_PROFILE, ...profile, id, name });
      menuOf(d).set('value', DEMO_MENU);
    },
    id,
  );
}
