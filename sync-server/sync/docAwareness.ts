import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { fail, ok } from '../../shared/result';
import * as encoding from 'lib0/encoding';
import { judgeAwareness, readAwarenessUpdate, type AwarenessEntry, type AwarenessVerdict } from './awarenessGate';

/** Presence that came from devices on other nodes (fan-out). */
const REMOTE = Symbol('remote node');

/** The part of a connection presence needs: who it is (null: an anonymous tracking page). */
export interface AwarenessPeer {
  readonly actor: { readonly id: string } | null;
}

/** Who announced a presence state: its client id and the user's id. */
export interface PresenceOwner {
  readonly client: number;
  readonly owner: string;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A document's presence (y-protocols awareness) among the signed-in connections holding it, on this
 * node and (through fan-out) on others. Each awareness client id belongs to the connection that
 * announced it until that connection leaves, or to another node; anonymous connections neither publish
 * presence nor see it, and documents that are public projections (`open: false`) carry none at all.
 * The states are set up with the first presence heard: a loaded document that never has any (every
 * tracking projection, most documents the server only writes) costs no awareness, maps or timer.
 */
export class DocAwareness<P extends AwarenessPeer> {
  private live: LivePresence<P> | null = null;

  /**
   * `relay` sends changes to this node's connections; `announce` tells other nodes of those made here.
   * Both get each client's state as it is when the turn ends (a state removed meanwhile goes as removed).
   */
  constructor(
    private readonly ydoc: Y.Doc,
    private readonly open: boolean,
    private readonly relay: (update: Uint8Array) => void,
    private readonly announce: (update: Uint8Array, owners: readonly PresenceOwner[]) => void = () => undefined,
  ) {}

  /** Presence another node relayed; entries for client ids a connection here owns are left out. */
  hearRemote(update: Uint8Array, owners: readonly PresenceOwner[]): void {
    if (this.open) this.started().hearRemote(update, owners);
  }

  /** Applies a connection's awareness update if it may make it; nothing of a refused one is kept. */
  apply(peer: P, update: Uint8Array): AwarenessVerdict {
    if (this.open && peer.actor !== null) return this.started().apply(peer, update);
    if (!readAwarenessUpdate(update)) return fail('malformed', 'not an awareness update');
    return fail('not_allowed', 'this document carries no presence from this connection');
  }

  /** Every presence state, for a signed-in connection that just subscribed; null when there is none for it. */
  snapshotFor(peer: P): Uint8Array | null {
    return this.open && peer.actor !== null ? (this.live?.snapshot() ?? null) : null;
  }

  /** A connection left: its presence goes, and its client ids are free again. */
  leave(peer: P): void {
    this.live?.leave(peer);
  }

  destroy(): void {
    this.live?.destroy();
  }

  private started(): LivePresence<P> {
    this.live ??= new LivePresence<P>(this.ydoc, this.relay, this.announce);
    return this.live;
  }
}

/** The states of a document that has presence, and who owns each (see DocAwareness). */
class LivePresence<P extends AwarenessPeer> {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly ownerOf = new Map<number, P>();
  private readonly ownedBy = new Map<P, Set<number>>();
  /**
   * Client ids announced by devices on other nodes, and their users: only a connection of that user
   * (the device itself, moved to this node) may take one over.
   */
  private readonly remote = new Map<number, string>();
  /**
   * Client ids changed in this turn of the event loop, relayed (and announced) together once it ends:
   * devices renew their presence every 15 s, and the devices of one document mostly do so together, so
   * one frame per device carries all of their renewals instead of one frame each.
   */
  private readonly toRelay = new Set<number>();
  private readonly toAnnounce = new Set<number>();
  private flushing: NodeJS.Immediate | null = null;

  constructor(
    ydoc: Y.Doc,
    private readonly relay: (update: Uint8Array) => void,
    private readonly announce: (update: Uint8Array, owners: readonly PresenceOwner[]) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      for (const id of removed) this.remote.delete(id);
      // Not what other nodes told this node, nor states timing out, which every node times out itself.
      const announced = origin !== REMOTE && origin !== 'timeout';
      for (const ids of [added, updated, removed]) {
        for (const id of ids) {
          this.toRelay.add(id);
          if (announced) this.toAnnounce.add(id);
        }
      }
      this.flushSoon();
    });
  }

  hearRemote(update: Uint8Array, owners: readonly PresenceOwner[]): void {
    const entries = readAwarenessUpdate(update)?.filter((entry) => !this.ownerOf.has(entry.clientID));
    if (!entries || entries.length === 0) return;
    const userOf = new Map(owners.map((o) => [o.client, o.owner]));
    for (const { clientID, json } of entries) {
      const user = userOf.get(clientID);
      if (json !== 'null' && user !== undefined) this.remote.set(clientID, user);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(entries), REMOTE);
  }

  apply(peer: P, update: Uint8Array): AwarenessVerdict {
    const entries = readAwarenessUpdate(update);
    if (!entries) return fail('malformed', 'not an awareness update');
    const verdict = judgeAwareness<P | typeof REMOTE>(
      entries,
      peer,
      (id) => this.ownerOf.get(id) ?? (this.remote.has(id) && this.remote.get(id) !== peer.actor?.id ? REMOTE : undefined),
      (p) => (p === REMOTE ? 0 : (this.ownedBy.get(p)?.size ?? 0)),
    );
    if (!verdict.ok) return verdict;
    const owned = this.ownedBy.get(peer) ?? new Set<number>();
    for (const { clientID } of entries) {
      owned.add(clientID);
      this.ownerOf.set(clientID, peer);
      this.remote.delete(clientID);
    }
    this.ownedBy.set(peer, owned);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    return ok();
  }

  /** Every presence state; null when there is none. */
  snapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  leave(peer: P): void {
    const owned = this.ownedBy.get(peer);
    this.ownedBy.delete(peer);
    if (!owned) return;
    for (const id of owned) this.ownerOf.delete(id);
    const present = [...owned].filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
  }

  private flushSoon(): void {
    this.flushing ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = null;
    const relayed = [...this.toRelay];
    const announced = [...this.toAnnounce];
    this.toRelay.clear();
    this.toAnnounce.clear();
    if (relayed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, relayed);
    this.relay(update);
    if (announced.length === 0) return;
    // Announced ids are among the relayed ones: the same count means the same update.
    const said = announced.length === relayed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, announced);
    this.announce(said, this.ownersOf(announced));
  }

  private ownersOf(clients: readonly number[]): PresenceOwner[] {
    const owners: PresenceOwner[] = [];
    for (const client of clients) {
      const owner = this.ownerOf.get(client)?.actor?.id;
      if (owner !== undefined) owners.push({ client, owner });
    }
    return owners;
  }

  destroy(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.awareness.destroy();
  }
}

function encodeEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientID, clock, json } of entries) {
    encoding.writeVarUint(e, clientID);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}
