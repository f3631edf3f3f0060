import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MuxType, decodeMux, encodeMux, type MuxMessage } from '../../../../shared/protocol/muxMessages';
import { REJECT_CODES, isRejectCode } from '../../../../shared/protocol/rejectCodes';

const docArb = fc.oneof(fc.constantFrom('order:o1', 'inbox:admin', ''), fc.string({ unit: 'grapheme', maxLength: 40 }));
const bytesArb = fc.uint8Array({ maxLength: 64 });
const seqArb = fc.maxSafeNat();
const codeArb = fc.constantFrom(...REJECT_CODES);
const textArb = fc.string({ unit: 'grapheme', maxLength: 80 });

const ARBITRARIES: { readonly [K in MuxType]: fc.Arbitrary<Extract<MuxMessage, { type: K }>> } = {
  [MuxType.SYNC]: fc.record({ type: fc.constant(MuxType.SYNC), doc: docArb, payload: bytesArb }),
  [MuxType.AWARENESS]: fc.record({ type: fc.constant(MuxType.AWARENESS), doc: docArb, payload: bytesArb }),
  [MuxType.UPDATE]: fc.record({ type: fc.constant(MuxType.UPDATE), doc: docArb, seq: seqArb, update: bytesArb }),
  [MuxType.ACK]: fc.record({ type: fc.constant(MuxType.ACK), doc: docArb, seq: seqArb }),
  [MuxType.REJECT]: fc.record({ type: fc.constant(MuxType.REJECT), doc: docArb, seq: seqArb, code: codeArb, message: textArb }),
  [MuxType.UNSUBSCRIBE]: fc.record({ type: fc.constant(MuxType.UNSUBSCRIBE), doc: docArb }),
  [MuxType.REFUSED]: fc.record({ type: fc.constant(MuxType.REFUSED), doc: docArb, code: codeArb, message: textArb }),
};
const messageArb: fc.Arbitrary<MuxMessage> = fc.oneof(...Object.values(ARBITRARIES));

/** One example of every message type, with multi-byte varints and strings. */
const EXAMPLES: readonly MuxMessage[] = [
  { type: MuxType.SYNC, doc: 'order:o1', payload: new Uint8Array([0, 1, 2]) },
  { type: MuxType.AWARENESS, doc: 'order:o1', payload: new Uint8Array([1, 200, 3]) },
  { type: MuxType.UPDATE, doc: 'order:o1', seq: 300, update: new Uint8Array([9, 8, 7]) },
  { type: MuxType.ACK, doc: 'order:o1', seq: 2 ** 40 },
  { type: MuxType.REJECT, doc: 'order:o1', seq: 128, code: 'event_not_allowed', message: 'driver cannot accept an order' },
  { type: MuxType.UNSUBSCRIBE, doc: 'inbox:admin' },
  { type: MuxType.REFUSED, doc: 'inbox:admin', code: 'forbidden', message: 'nicht erlaubt — 禁止' },
];

/** A frame by hand: what a buggy or hostile peer could send. */
function frame(doc: string, type: number, write: (e: encoding.Encoder) => void = () => undefined): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

const FIELDS: { readonly [K in MuxType]: readonly string[] } = {
  [MuxType.SYNC]: ['doc', 'payload', 'type'],
  [MuxType.AWARENESS]: ['doc', 'payload', 'type'],
  [MuxType.UPDATE]: ['doc', 'seq', 'type', 'update'],
  [MuxType.ACK]: ['doc', 'seq', 'type'],
  [MuxType.REJECT]: ['code', 'doc', 'message', 'seq', 'type'],
  [MuxType.UNSUBSCRIBE]: ['doc', 'type'],
  [MuxType.REFUSED]: ['code', 'doc', 'message', 'type'],
};

/** A decoded message is well formed: a known type, exactly its fields, each of the right kind, stable when re-encoded. */
function expectWellFormed(message: MuxMessage): void {
  expect(Object.values(MuxType)).toContain(message.type);
  expect(Object.keys(message).sort()).toEqual(FIELDS[message.type]);
  expect(typeof message.doc).toBe('string');
  if ('seq' in message) expect(Number.isSafeInteger(message.seq) && message.seq >= 0).toBe(true);
  if ('payload' in message) expect(message.payload).toBeInstanceOf(Uint8Array);
  if ('update' in message) expect(message.update).toBeInstanceOf(Uint8Array);
  if ('code' in message) expect(isRejectCode(message.code)).toBe(true);
  if ('message' in message) expect(typeof message.message).toBe('string');
  expect(decodeMux(encodeMux(message))).toEqual(message);
}

/** Decodes, or returns what it threw; anything thrown that is not an Error fails the test. */
function decodeOrError(bytes: Uint8Array): MuxMessage | Error {
  try {
    return decodeMux(bytes);
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
}

describe('muxMessages', () => {
  it.each(EXAMPLES.map((m) => [m.type, m] as const))('round-trips a message of type %i', (_type, message) => {
    expect(decodeMux(encodeMux(message))).toEqual(message);
  });

  it('round-trips any message of any type', () => {
    fc.assert(
      fc.property(messageArb, (message) => {
        expect(decodeMux(encodeMux(message))).toEqual(message);
      }),
      { numRuns: 500 },
    );
  });

  it('lays frames out as the protocol comment says', () => {
    expect([...encodeMux({ type: MuxType.ACK, doc: 'd', seq: 300 })]).toEqual([1, 100, 3, 0xac, 0x02]);
    expect([...encodeMux({ type: MuxType.UPDATE, doc: 'd', seq: 1, update: new Uint8Array([7]) })]).toEqual([1, 100, 2, 1, 1, 7]);
    expect([...encodeMux({ type: MuxType.SYNC, doc: '', payload: new Uint8Array([5, 6]) })]).toEqual([0, 0, 5, 6]);
  });

  it('throws on every truncation of a frame whose fields carry their own length', () => {
    for (const message of EXAMPLES.filter(
      (m) => m.type !== MuxType.SYNC && m.type !== MuxType.AWARENESS && m.type !== MuxType.UNSUBSCRIBE,
    )) {
      const bytes = encodeMux(message);
      for (let length = 0; length < bytes.length; length += 1) {
        expect(() => decodeMux(bytes.slice(0, length)), `type ${message.type} cut to ${length} bytes`).toThrow();
      }
    }
  });

  it('throws on a frame cut before its type, whatever the type', () => {
    for (const message of EXAMPLES) {
      const header = frame(message.doc, message.type).length;
      const bytes = encodeMux(message);
      for (let length = 0; length < header; length += 1) expect(() => decodeMux(bytes.slice(0, length))).toThrow();
    }
  });

  it.each([7, 127, 128, 2 ** 20])('throws on unknown message type %i', (type) => {
    expect(() => decodeMux(frame('order:o1', type, (e) => encoding.writeVarUint(e, 1)))).toThrow(/unknown message type/);
  });

  it('throws on bytes after the last field', () => {
    for (const message of EXAMPLES.filter((m) => m.type !== MuxType.SYNC && m.type !== MuxType.AWARENESS)) {
      const bytes = encodeMux(message);
      expect(() => decodeMux(Uint8Array.from([...bytes, 0])), `type ${message.type}`).toThrow(/trailing bytes/);
    }
  });

  it('throws on reject codes it does not know', () => {
    const reject = frame('order:o1', MuxType.REJECT, (e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'FORBIDDEN');
      encoding.writeVarString(e, 'no');
    });
    const refused = frame('order:o1', MuxType.REFUSED, (e) => {
      encoding.writeVarString(e, 'nope');
      encoding.writeVarString(e, 'no');
    });
    expect(() => decodeMux(reject)).toThrow(/unknown reject code/);
    expect(() => decodeMux(refused)).toThrow(/unknown reject code/);
  });

  it('throws on a seq past 2^53, which a number cannot hold exactly', () => {
    // The varUint for 2^53 + 1: lib0 reads it as 2^53, silently another seq.
    const beyond = [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
    for (const type of [MuxType.UPDATE, MuxType.ACK, MuxType.REJECT]) {
      const bytes = frame('order:o1', type, (e) => {
        encoding.writeUint8Array(e, Uint8Array.from(beyond));
        if (type === MuxType.UPDATE) encoding.writeVarUint8Array(e, new Uint8Array([1]));
        if (type === MuxType.REJECT) ['forbidden', 'no'].forEach((text) => encoding.writeVarString(e, text));
      });
      expect(() => decodeMux(bytes), `type ${type}`).toThrow(/out of range/);
    }
    expect(decodeMux(encodeMux({ type: MuxType.ACK, doc: 'd', seq: Number.MAX_SAFE_INTEGER }))).toMatchObject({
      seq: Number.MAX_SAFE_INTEGER,
    });
  });

  it('turns random bytes into a well-formed message or an error, never anything else', () => {
    const mutated = fc
      .tuple(messageArb, fc.nat(), fc.nat(255), fc.constantFrom('cut', 'flip', 'insert', 'drop'))
      .map(([message, at, byte, how]) => {
        const bytes = [...encodeMux(message)];
        const i = at % (bytes.length + 1);
        if (how === 'cut') bytes.length = i;
        if (how === 'flip' && i < bytes.length) bytes[i] = byte;
        if (how === 'insert') bytes.splice(i, 0, byte);
        if (how === 'drop') bytes.splice(i, 1);
        return Uint8Array.from(bytes);
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 48 }), mutated), (bytes) => {
        const result = decodeOrError(bytes);
        if (!(result instanceof Error)) expectWellFormed(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads nothing beyond the frame when the frame is a view into a larger buffer', () => {
    // Node's WebSocket frames are often slices of a shared, pooled buffer.
    fc.assert(
      fc.property(
        fc.oneof(messageArb.map(encodeMux), fc.uint8Array({ maxLength: 32 })),
        fc.nat(32),
        fc.nat(32),
        fc.nat(255),
        fc.boolean(),
        (bytes, before, after, filler, cut) => {
          const view = cut && bytes.length > 0 ? bytes.subarray(0, bytes.length - 1) : bytes;
          const pool = new Uint8Array(before + view.length + after).fill(filler);
          pool.set(view, before);
          const inPool = decodeOrError(pool.subarray(before, before + view.length));
          const alone = decodeOrError(Uint8Array.from(view));
          if (alone instanceof Error) expect(inPool).toBeInstanceOf(Error);
          else expect(inPool).toEqual(alone);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
