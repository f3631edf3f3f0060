import type * as Y from 'yjs';
import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, login, type Session } from './api';
import { MuxTestClient } from './muxClient';

/** Ids of every event an order document holds. */
export const eventIdsIn = (doc: Y.Doc): Set<string> =>
  new Set(
    eventsArray(doc)
      .toArray()
      .map((e) => (e as { id: string }).id),
  );

/** Every event id the server holds in `names`, read by a freshly signed-in admin device. */
export async function storedEventIds(url: string, names: readonly string[]): Promise<Set<string>> {
  const reader = await MuxTestClient.connect(url, (await login(url, 'admin')).token);
  const ids = new Set<string>();
  try {
    for (const name of names) for (const id of eventIdsIn(await reader.open(name))) ids.add(id);
  } finally {
    reader.close();
  }
  return ids;
}

export interface NoteStream {
  /** Ids of notes the server acknowledged. */
  readonly acked: Set<string>;
  sent: number;
  /** Stops after the notes in flight; resolves once the writer is done (or after a second). */
  stop(): Promise<void>;
}

/**
 * One device appending notes to `names` round-robin as fast as the server answers, with `inFlight`
 * updates outstanding at a time, like a busy tablet. Stops on its own after `max` notes.
 */
export function streamNotes(
  client: MuxTestClient,
  session: Session,
  names: readonly string[],
  options: { inFlight?: number; max?: number; offset?: number } = {},
): NoteStream {
  const inFlight = options.inFlight ?? 4;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const acked = new Set<string>();
  let running = true;
  const stream: NoteStream = {
    acked,
    sent: 0,
    stop: async () => {
      running = false;
      await Promise.race([done, new Promise((r) => setTimeout(r, 1000))]);
    },
  };
  const run = async (): Promise<void> => {
    for (let i = 0; running && i < max; i++) {
      const name = names[(i + (options.offset ?? 0)) % names.length] ?? names[0] ?? '';
      const id = newEventId();
      const answer = client.change(name, (d) =>
        eventsArray(d).push([{ id, type: 'note', at: Date.now(), by: authorOf(session), text: `n${i}` }]),
      );
      stream.sent += 1;
      void answer.then((a) => {
        if (a.type === MuxType.ACK) acked.add(id);
      });
      if (i % inFlight === inFlight - 1) await answer;
    }
  };
  const done = run().catch(() => undefined);
  return stream;
}
