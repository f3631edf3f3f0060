import * as Y from 'yjs';
import type { Actor } from '../../../shared/roles';
import type { ClientClaim, ClientOwner } from '../../storage/docStore';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import { ok, type Result } from '../../../shared/result';
import type { DecodedUpdate } from './plainAppend';
import { refuse } from './result';

export type ClaimResult = Result<readonly ClientClaim[], RejectCode>;

/**
 * Which Yjs client ids an update writes under, and whether `actor` may: a client id belongs to the
 * first user whose update under it was committed, and to nobody else. Every struct counts (items and
 * GC structs alike; skips carry nothing), so no device can take another's next clocks and make the
 * server drop that device's later, acknowledged updates as duplicates. Client ids the document holds
 * without a recorded owner (written before owners were kept) are closed to everyone.
 */
export function claimClientIds(
  structs: DecodedUpdate['structs'],
  actor: Actor | null,
  owners: ReadonlyMap<number, ClientOwner>,
  present: (client: number) => boolean,
): ClaimResult {
  const claims: ClientClaim[] = [];
  const checked = new Set<number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    if (checked.has(client)) continue;
    checked.add(client);
    if (!actor) return refuse('read_only', 'Sign in to change documents.');
    const owner = owners.get(client);
    if (owner === actor.id) continue;
    if (owner !== undefined || present(client)) {
      return refuse('foreign_client', "The update writes under another device's Yjs client id; a device may write only its own.");
    }
    claims.push({ client, owner: actor.id });
  }
  return ok(claims);
}
