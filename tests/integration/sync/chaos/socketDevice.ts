import * as Y from 'yjs';
import { OUTLET_ROOTS } from '../../../../shared/catalog/outletDoc';
import { appendEvent } from '../../../../shared/order/orderDoc';
import { orderEventSchema } from '../../../../shared/order/events';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { authorOf, type Session } from '../../support/api';
import { MuxTestClient } from '../../support/muxClient';
import { newestSeen } from './chaosSteps';

interface Pending {
  readonly doc: string;
  readonly update: Uint8Array;
}

/**
 * A device on a real socket to a real server process: it writes while online or off, keeps every
 * change until the server ACKs it and re-sends what is unacknowledged on every reconnect (sometimes
 * twice), as the app does. It only makes changes the server accepts, so its replica never needs a
 * rebuild; any REJECT is recorded and fails the test.
 */
export class SocketDevice {
  private docs = new Map<string, Y.Doc>();
  private client: MuxTestClient | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly rejects: string[] = [];

  constructor(
    readonly label: string,
    private readonly session: Session,
    readonly docNames: readonly string[],
    /** Updates the server ACKed, per document, for every device. */
    private readonly acked: Map<string, Uint8Array[]>,
  ) {}

  get online(): boolean {
    return this.client !== null && this.client.closeCode === null;
  }

  get unacknowledged(): number {
    return this.pending.size;
  }

  replica(name: string): Y.Doc | undefined {
    return this.docs.get(name);
  }

  /** Dials, resubscribes every document by state vector and re-sends every unacknowledged change. */
  async connect(url: string): Promise<void> {
    this.disconnect();
    const client = await MuxTestClient.connect(url, this.session.token);
    for (const [name, doc] of this.docs) client.adopt(name, doc);
    for (const name of this.docNames) await client.open(name);
    this.docs = client.docs;
    this.client = client;
    for (const [id, change] of this.pending) this.send(id, change);
  }

  disconnect(): void {
    this.client?.close();
    this.client = null;
  }

  /** A note on an order, stamped honestly, or an availability toggle on the outlet document. */
  write(name: string, pick: number): void {
    const doc = this.docs.get(name);
    if (!doc) return;
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      if (name.startsWith('outlet:')) {
        const key = ['plain-dosa', 'thali', 'mint', 'buttermilk'][pick % 4] ?? 'thali';
        const availability = doc.getMap<unknown>(OUTLET_ROOTS.availability);
        if (availability.has(key)) availability.delete(key);
        else availability.set(key, { available: false, at: Date.now() });
      } else {
        const at = Math.max(Date.now(), newestSeen(doc) + 1);
        appendEvent(
          doc,
          orderEventSchema.parse({
            id: `${this.label}-${this.nextId}`,
            type: 'note',
            at,
            by: authorOf(this.session),
            text: `n${this.nextId}`,
          }),
        );
      }
    }, 'local');
    const id = this.nextId++;
    const change = { doc: name, update: Y.encodeStateAsUpdate(doc, before) };
    this.pending.set(id, change);
    if (this.online) this.send(id, change);
  }

  /** Sends an unacknowledged change once more on the live socket, as a retry does. */
  duplicate(pick: number): void {
    const entries = [...this.pending];
    const entry = entries[pick % Math.max(1, entries.length)];
    if (entry && this.online) this.send(entry[0], entry[1]);
  }

  private send(id: number, change: Pending): void {
    const client = this.client;
    if (!client) return;
    void client.sendUpdate(change.doc, change.update).then((answer) => {
      if (answer.type === MuxType.REJECT) {
        this.rejects.push(`${change.doc}: ${answer.code} ${answer.message}`);
      } else if (this.pending.delete(id)) {
        this.acked.set(change.doc, [...(this.acked.get(change.doc) ?? []), change.update]);
      }
    });
  }
}
