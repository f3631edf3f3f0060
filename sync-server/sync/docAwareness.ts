import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { fail, ok } from '../../shared/result';
import { judgeAwareness, readAwarenessUpdate, type AwarenessVerdict } from './awarenessGate';

/** The part of a connection presence needs: who it is (null: an anonymous tracking page). */
export interface AwarenessPeer {
  readonly actor: unknown;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A document's presence (y-protocols awareness) among the signed-in connections holding it.
 * Each awareness client id belongs to the connection that announced it until that connection
 * leaves; anonymous connections neither publish presence nor see it, and documents that are public
 * projections (`open: false`) carry none at all.
 */
export class DocAwareness<P extends AwarenessPeer> {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly ownerOf = new Map<number, P>();
  private readonly ownedBy = new Map<P, Set<number>>();

  constructor(
    ydoc: Y.Doc,
    private readonly open: boolean,
    relay: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      const changed = [...added, ...updated, ...removed];
      if (changed.length > 0) relay(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    });
  }

  /** Applies a connection's awareness update if it may make it; nothing of a refused one is kept. */
  apply(peer: P, update: Uint8Array): AwarenessVerdict {
    const entries = readAwarenessUpdate(update);
    if (!entries) return fail('malformed', 'not an awareness update');
    if (!this.open || peer.actor === null) return fail('not_allowed', 'this document carries no presence from this connection');
    const verdict = judgeAwareness(
      entries,
      peer,
      (id) => this.ownerOf.get(id),
      (p) => this.ownedBy.get(p)?.size ?? 0,
    );
    if (!verdict.ok) return verdict;
    const owned = this.ownedBy.get(peer) ?? new Set<number>();
    for (const { clientID } of entries) {
      owned.add(clientID);
      this.ownerOf.set(clientID, peer);
    }
    this.ownedBy.set(peer, owned);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    return ok();
  }

  /** Every presence state, for a signed-in connection that just subscribed; null when there is none for it. */
  snapshotFor(peer: P): Uint8Array | null {
    if (!this.open || peer.actor === null) return null;
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  /** A connection left: its presence goes, and its client ids are free again. */
  leave(peer: P): void {
    const owned = this.ownedBy.get(peer);
    this.ownedBy.delete(peer);
    if (!owned) return;
    for (const id of owned) this.ownerOf.delete(id);
    const present = [...owned].filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
