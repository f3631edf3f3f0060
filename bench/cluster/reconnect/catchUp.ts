import * as Y from 'yjs';
import { readOrder } from '../../../shared/order/orderDoc';
import { BenchDevice, QUIET, type Received } from '../../sync/device';

export interface CatchUp {
  /** From starting the connection to the socket being open (TCP, upgrade, token check). */
  readonly openMs: number;
  /** From starting the connection to every document's step2 applied. */
  readonly caughtUpMs: number;
  /** Frames and payload bytes the server sent until caught up, by kind. */
  readonly received: Received;
  /** Everything read from the TCP connection until caught up: the upgrade response, WebSocket framing, frames. */
  readonly wireBytes: number;
  /** Frames the server sent in the settle period after the catch-up (awareness, a second step1, ...). */
  readonly after: Received;
}

const copy = (r: Received): Received => new Map([...r].map(([kind, t]) => [kind, { ...t }]));

/** Total payload bytes of a tally. */
export const bytesOf = (r: Received): number => [...r.values()].reduce((s, t) => s + t.bytes, 0);

/**
 * A device coming back: connects to `url` and sends SYNC step1 for every document it holds, all at once
 * with the state it held, as the app's provider does on reconnect; done when every step2 is applied.
 * Then it stays `settleMs` longer to see whether the server sends anything more. `onCaughtUp` runs at once when done.
 */
export async function catchUp(
  url: string,
  token: string,
  held: ReadonlyMap<string, Y.Doc>,
  settleMs: number,
  onCaughtUp: () => void = () => undefined,
): Promise<CatchUp> {
  const start = performance.now();
  const device = await BenchDevice.connect(url, token, 0, QUIET);
  const openMs = performance.now() - start;
  try {
    await Promise.all([...held].map(([name, doc]) => device.subscribe(name, doc)));
    const caughtUpMs = performance.now() - start;
    onCaughtUp();
    const received = copy(device.received);
    const wireBytes = device.wireBytesIn;
    await new Promise((r) => setTimeout(r, settleMs));
    const after: Received = new Map();
    for (const [kind, t] of device.received) {
      const before = received.get(kind) ?? { frames: 0, bytes: 0 };
      if (t.frames > before.frames) after.set(kind, { frames: t.frames - before.frames, bytes: t.bytes - before.bytes });
    }
    return { openMs, caughtUpMs, received, wireBytes, after };
  } finally {
    await device.close();
  }
}

export interface MinimalDiff {
  /** Σ over documents of Y.encodeStateAsUpdate(server's document, the device's state vector before) in bytes. */
  readonly bytes: number;
  /** Documents whose state on the device differs from the server's after the catch-up. */
  readonly notCaughtUp: number;
  readonly firstNotCaughtUp: string | null;
  /** How many orders the device now sees in each status, by the same fold as the apps. */
  readonly statuses: ReadonlyMap<string, number>;
}

/**
 * Loads a full copy of every document over a fresh socket to `url` and computes locally the smallest Yjs
 * update that brings a device from `before` (its state vector when it went offline) to the server's state;
 * checks that each document `held` now has exactly the server's state.
 */
export async function minimalDiff(
  url: string,
  token: string,
  before: ReadonlyMap<string, Uint8Array>,
  held: ReadonlyMap<string, Y.Doc>,
  batch = 50,
): Promise<MinimalDiff> {
  const reader = await BenchDevice.connect(url, token, -1, QUIET);
  const names = [...before.keys()];
  let bytes = 0;
  let notCaughtUp = 0;
  let firstNotCaughtUp: string | null = null;
  const statuses = new Map<string, number>();
  try {
    for (let i = 0; i < names.length; i += batch) {
      const slice = names.slice(i, i + batch);
      await Promise.all(slice.map((name) => reader.subscribe(name)));
      for (const name of slice) {
        const full = reader.doc(name);
        const sv = before.get(name);
        if (!full || !sv) throw new Error(`${name}: no full copy or no state vector`);
        bytes += Y.encodeStateAsUpdate(full, sv).byteLength;
        const mine = held.get(name);
        const status = (mine && readOrder(mine)?.state.status) ?? 'unreadable';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (!mine || !Buffer.from(Y.encodeStateVector(mine)).equals(Buffer.from(Y.encodeStateVector(full)))) {
          notCaughtUp += 1;
          firstNotCaughtUp ??= name;
        }
      }
    }
  } finally {
    await reader.close();
  }
  return { bytes, notCaughtUp, firstNotCaughtUp, statuses };
}
