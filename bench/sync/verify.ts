import { eventsArray } from '../../shared/order/orderDoc';
import { BenchDevice, QUIET } from './device';

export interface StateCheck {
  readonly docsChecked: number;
  /** ACKed events the server's state does not hold. */
  readonly missing: number;
  readonly firstMissing: string | null;
}

/**
 * Over a fresh socket, loads every document from the server (SYNC step1 with an empty state vector)
 * and checks that each event the server ACKed is in what it sends back.
 */
export async function verifyServerState(
  baseUrl: string,
  token: string,
  acked: ReadonlyMap<string, readonly string[]>,
  batch = 50,
): Promise<StateCheck> {
  const device = await BenchDevice.connect(baseUrl, token, -1, QUIET);
  const docs = [...acked.keys()];
  let missing = 0;
  let firstMissing: string | null = null;
  try {
    for (let start = 0; start < docs.length; start += batch) {
      const slice = docs.slice(start, start + batch);
      await Promise.all(slice.map((name) => device.subscribe(name)));
      for (const name of slice) {
        const doc = device.doc(name);
        const held = new Set<unknown>(
          doc
            ? eventsArray(doc)
                .toArray()
                .map((e) => (e as { id?: unknown } | null)?.id)
            : [],
        );
        for (const id of acked.get(name) ?? []) {
          if (held.has(id)) continue;
          missing += 1;
          firstMissing ??= `${name} event ${id}`;
        }
      }
    }
  } finally {
    await device.close();
  }
  return { docsChecked: docs.length, missing, firstMissing };
}
