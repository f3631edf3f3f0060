import * as Y from 'yjs';
import { newEventId } from '../../../shared/ids';
import { appendEvent, eventsArray } from '../../../shared/order/orderDoc';
import type { Actor } from '../../../shared/roles';
import type { Subscriber, SyncedDoc } from '../../../sync-server/sync/syncedDoc';

/** A device that records what the server relays to it. */
export class RecordingDevice implements Subscriber {
  readonly doc = new Y.Doc();
  constructor(readonly actor: Actor) {}
  sendUpdate(_doc: SyncedDoc, update: Uint8Array): void {
    Y.applyUpdate(this.doc, update);
  }
  /** Presence the server relayed, as sent. */
  readonly awareness: Uint8Array[] = [];
  sendAwareness(_doc: SyncedDoc, update: Uint8Array): void {
    this.awareness.push(update);
  }
  dropped(): void {}
  /** A note written on the device, as the update it would send. */
  note(text: string): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    appendEvent(this.doc, { id: newEventId(), type: 'note', at: Date.now(), by: { id: this.actor.id, role: this.actor.role }, text });
    return Y.encodeStateAsUpdate(this.doc, before);
  }
}

/** What devices and the server wrote: the devices' notes and the server's marks, each in a stable order. */
export function contents(doc: Y.Doc): { notes: string[]; marks: string[] } {
  const notes = eventsArray(doc)
    .toArray()
    .flatMap((e) => (typeof e === 'object' && e !== null && 'text' in e && typeof e.text === 'string' ? [e.text] : []));
  return { notes: notes.sort(), marks: [...doc.getMap('marks').keys()].sort() };
}

export const mark = (key: string) => (y: Y.Doc) => y.getMap('marks').set(key, true);
