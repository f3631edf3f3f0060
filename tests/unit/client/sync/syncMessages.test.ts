import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMux, encodeMux, MuxType } from '../../../../shared/protocol/muxMessages';
import {
  insertsContent,
  missingOnServer,
  parseSyncPayload,
  subscribeFrame,
  updateFrame,
} from '../../../../client/common/sync/syncMessages';

function docWith(...values: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getArray<string>('events').push(values);
  return doc;
}

function syncPayload(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('subscribeFrame', () => {
  it('is a SYNC step1 for the document carrying its state vector', () => {
    const doc = docWith('placed');
    const message = decodeMux(subscribeFrame('order:abc', doc));
    expect(message.type).toBe(MuxType.SYNC);
    expect(message.doc).toBe('order:abc');
    const parsed = parseSyncPayload((message as { payload: Uint8Array }).payload);
    expect(parsed).toEqual({ kind: 'step1', stateVector: Y.encodeStateVector(doc) });
  });
});

describe('updateFrame', () => {
  it('carries the row id as the seq the server will acknowledge', () => {
    const update = Y.encodeStateAsUpdate(docWith('accepted'));
    expect(decodeMux(updateFrame('order:abc', 42, update))).toEqual({ type: MuxType.UPDATE, doc: 'order:abc', seq: 42, update });
  });
});

describe('parseSyncPayload', () => {
  const update = Y.encodeStateAsUpdate(docWith('placed'));

  it('reads a step2 and a relayed update as content to apply', () => {
    expect(parseSyncPayload(syncPayload((e) => syncProtocol.writeUpdate(e, update)))).toEqual({ kind: 'update', update });
    const step2 = syncPayload((e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(e, update);
    });
    expect(parseSyncPayload(step2)).toEqual({ kind: 'step2', update });
  });

  it('refuses a sync message type it does not know', () => {
    const unknown = syncPayload((e) => {
      encoding.writeVarUint(e, 9);
      encoding.writeVarUint8Array(e, update);
    });
    expect(() => parseSyncPayload(unknown)).toThrow(/unknown sync message type 9/);
  });

  it('round-trips through a full mux frame as the server sends it', () => {
    const frame = encodeMux({
      type: MuxType.SYNC,
      doc: 'inbox:outlet:o1',
      payload: syncPayload((e) => syncProtocol.writeUpdate(e, update)),
    });
    const message = decodeMux(frame);
    const payload = (message as { payload: Uint8Array }).payload;
    expect(decoding.readVarUint(decoding.createDecoder(payload))).toBe(syncProtocol.messageYjsUpdate);
  });
});

describe('insertsContent', () => {
  it('is false for an empty update and true for one that inserts', () => {
    expect(insertsContent(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
    expect(insertsContent(Y.encodeStateAsUpdate(docWith('x')))).toBe(true);
  });

  it('is false for an update that only deletes', () => {
    const doc = docWith('a', 'b');
    const before = Y.encodeStateVector(doc);
    const deletions: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => {
      deletions.push(u);
    });
    doc.getArray('events').delete(0, 1);
    const [deletion = new Uint8Array()] = deletions;
    expect(Y.decodeUpdate(deletion).ds.clients.size).toBe(1);
    expect(insertsContent(deletion)).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('missingOnServer', () => {
  it('is null when the server already holds every acknowledged row', () => {
    const device = docWith('placed', 'accepted');
    const rows = [Y.encodeStateAsUpdate(device)];
    expect(missingOnServer(rows, Y.encodeStateVector(device))).toBeNull();
  });

  it('is null when nothing was ever acknowledged', () => {
    expect(missingOnServer([], Y.encodeStateVector(new Y.Doc()))).toBeNull();
  });

  it('returns exactly what the server lacks when it lost acknowledged rows', () => {
    const device = docWith('placed');
    const first = Y.encodeStateAsUpdate(device);
    const serverVector = Y.encodeStateVector(device);
    device.getArray<string>('events').push(['accepted']);
    const second = Y.encodeStateAsUpdate(device, serverVector);
    const missing = missingOnServer([first, second], serverVector);
    expect(missing).not.toBeNull();
    const server = new Y.Doc();
    Y.applyUpdate(server, first);
    Y.applyUpdate(server, missing ?? new Uint8Array());
    expect(server.getArray('events').toArray()).toEqual(['placed', 'accepted']);
  });
});
