import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Hand-built Yjs v1 updates for attacking the server with what no well-behaved client sends
 * (layout: y-protocols' UpdateEncoderV1: clients, then per client its structs, then the delete set).
 */
const GC_REF = 0;
const SKIP_REF = 10;
/** Item info bits: has a left origin, has a right origin; content ref 8 is ContentAny. */
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const CONTENT_ANY = 8;

interface StructRun {
  readonly client: number;
  readonly clock: number;
  readonly kind: 'gc' | 'skip';
  readonly length: number;
}
interface DeleteRange {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
}

export function craftUpdate(structs: readonly StructRun[], deletes: readonly DeleteRange[] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, structs.length);
  for (const s of structs) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, s.client);
    encoding.writeVarUint(e, s.clock);
    encoding.writeUint8(e, s.kind === 'gc' ? GC_REF : SKIP_REF);
    encoding.writeVarUint(e, s.length);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const d of deletes) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, d.clock);
    encoding.writeVarUint(e, d.length);
  }
  return encoding.toUint8Array(e);
}

/** A GC struct under `client` from `clock`: claims those clocks without changing any type. */
export const gcUpdate = (client: number, clock: number, length = 10): Uint8Array => craftUpdate([{ client, clock, kind: 'gc', length }]);

/** The next clock of `client` in `doc`. */
export const nextClock = (doc: Y.Doc, client: number): number => Y.getState(doc.store, client);

/** The Yjs client id that wrote the first entry of `type` (for example the server, for a `placed` event). */
export function writerOf(type: { readonly _start: Y.Item | null }): number {
  const first = type._start;
  if (!first) throw new Error('the type is empty');
  return first.id.client;
}

/** A hand-built v1 update of one item holding `values`, placed by its origins alone, with no delete set. */
export function itemUpdate(
  client: number,
  clock: number,
  origin: Y.ID,
  rightOrigin: Y.ID | null,
  values: readonly encoding.AnyEncodable[],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, HAS_ORIGIN | (rightOrigin ? HAS_RIGHT_ORIGIN : 0) | CONTENT_ANY);
  for (const id of rightOrigin ? [origin, rightOrigin] : [origin]) {
    encoding.writeVarUint(e, id.client);
    encoding.writeVarUint(e, id.clock);
  }
  encoding.writeVarUint(e, values.length);
  for (const value of values) encoding.writeAny(e, value);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}
