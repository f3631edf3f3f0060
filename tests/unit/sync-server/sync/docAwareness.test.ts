import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readAwarenessUpdate, type AwarenessEntry } from '../../../../sync-server/sync/awarenessGate';
import { DocAwareness, type AwarenessPeer, type PresenceOwner } from '../../../../sync-server/sync/docAwareness';

interface Peer extends AwarenessPeer {
  readonly device: Awareness;
}
type Awareness = awarenessProtocol.Awareness;

const turnEnds = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Sent {
  readonly relayed: AwarenessEntry[][];
  readonly announced: { entries: AwarenessEntry[]; owners: readonly PresenceOwner[] }[];
}

const opened: DocAwareness<Peer>[] = [];
const devices: Awareness[] = [];

function presence(): { awareness: DocAwareness<Peer>; sent: Sent } {
  const sent: Sent = { relayed: [], announced: [] };
  const awareness = new DocAwareness<Peer>(
    new Y.Doc(),
    true,
    (update) => sent.relayed.push(readAwarenessUpdate(update) ?? []),
    (update, owners) => sent.announced.push({ entries: readAwarenessUpdate(update) ?? [], owners }),
  );
  opened.push(awareness);
  return { awareness, sent };
}

function peer(user: string): Peer {
  const device = new awarenessProtocol.Awareness(new Y.Doc());
  devices.push(device);
  return { actor: { id: user }, device };
}

/** What the device sends after setting its presence: its own state at its new clock. */
function announces(p: Peer, state: Record<string, unknown>): Uint8Array {
  p.device.setLocalState(state);
  return awarenessProtocol.encodeAwarenessUpdate(p.device, [p.device.clientID]);
}

afterEach(() => {
  for (const awareness of opened.splice(0)) awareness.destroy();
  for (const device of devices.splice(0)) device.destroy();
});

describe("a document's presence", () => {
  it("relays the renewals of one turn as one update, each device's latest state in it", async () => {
    const { awareness, sent } = presence();
    const peers = ['u1', 'u2', 'u3', 'u4'].map(peer);
    for (const p of peers) expect(awareness.apply(p, announces(p, { at: 'counter' })).ok).toBe(true);
    const [first] = peers;
    if (!first) throw new Error('no peer');
    expect(awareness.apply(first, announces(first, { at: 'pass' })).ok).toBe(true);
    expect(sent.relayed).toEqual([]);

    await turnEnds();
    expect(sent.relayed).toHaveLength(1);
    const entries = sent.relayed[0] ?? [];
    expect(entries.map((e) => e.clientID).sort()).toEqual(peers.map((p) => p.device.clientID).sort());
    expect(entries.find((e) => e.clientID === first.device.clientID)).toMatchObject({ clock: 2, json: '{"at":"pass"}' });
    expect(sent.announced).toHaveLength(1);
    expect(sent.announced[0]?.owners.map((o) => o.owner).sort()).toEqual(['u1', 'u2', 'u3', 'u4']);

    await turnEnds();
    expect(sent.relayed).toHaveLength(1);
  });

  it('relays a state set and removed within one turn as removed', async () => {
    const { awareness, sent } = presence();
    const leaving = peer('u1');
    awareness.apply(leaving, announces(leaving, { at: 'counter' }));
    awareness.leave(leaving);

    await turnEnds();
    // A removal keeps the state's clock (y-protocols): peers take a null at the same clock as removing it.
    expect(sent.relayed).toEqual([[{ clientID: leaving.device.clientID, clock: 1, json: 'null' }]]);
  });

  it('relays what other nodes said to the devices here without announcing it back', async () => {
    const { awareness, sent } = presence();
    const elsewhere = peer('u9');
    const local = peer('u1');
    awareness.hearRemote(announces(elsewhere, { at: 'door' }), [{ client: elsewhere.device.clientID, owner: 'u9' }]);
    awareness.apply(local, announces(local, { at: 'counter' }));

    await turnEnds();
    expect(sent.relayed[0]?.map((e) => e.clientID).sort()).toEqual([elsewhere.device.clientID, local.device.clientID].sort());
    expect(sent.announced.map((a) => a.entries.map((e) => e.clientID))).toEqual([[local.device.clientID]]);
  });

  it('sets up nothing (no timer) for a document until it hears presence, and nothing ever for a closed one', () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const p = peer('u1');
    const before = timers();
    const quiet = Array.from({ length: 10 }, () => presence().awareness);
    const closed = new DocAwareness<Peer>(new Y.Doc(), false, () => undefined);
    opened.push(closed);
    expect(closed.apply(p, announces(p, { at: 'counter' })).ok).toBe(false);
    expect(timers()).toBe(before);

    expect(quiet[0]?.apply(p, announces(p, { at: 'counter' })).ok).toBe(true);
    expect(timers()).toBe(before + 1);
    quiet[0]?.destroy();
    expect(timers()).toBe(before);
  });

  it('sends nothing once destroyed, even for changes made before', async () => {
    const { awareness, sent } = presence();
    const p = peer('u1');
    awareness.apply(p, announces(p, { at: 'counter' }));
    awareness.destroy();

    await turnEnds();
    expect(sent.relayed).toEqual([]);
  });
});
