import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeMux, MuxType } from '../../../shared/protocol/muxMessages';
import { readSyncMessage, SyncStep } from '../../../shared/protocol/syncPayload';

/** Subscribes (or resumes) a document: SYNC step1 with the device's state vector. */
export function subscribeFrame(docName: string, doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  syncProtocol.writeSyncStep1(e, doc);
  return encodeMux({ type: MuxType.SYNC, doc: docName, payload: encoding.toUint8Array(e) });
}

export function updateFrame(docName: string, seq: number, update: Uint8Array): Uint8Array {
  return encodeMux({ type: MuxType.UPDATE, doc: docName, seq, update });
}

export type SyncPayload =
  { readonly kind: 'step1'; readonly stateVector: Uint8Array } | { readonly kind: 'step2' | 'update'; readonly update: Uint8Array };

/** Reads the y-protocols message inside a SYNC frame (the decoder the server uses too); throws on anything else. */
export function parseSyncPayload(payload: Uint8Array): SyncPayload {
  const message = readSyncMessage(decoding.createDecoder(payload));
  if (message.step === SyncStep.STEP1) return { kind: 'step1', stateVector: message.stateVector };
  return { kind: message.step === SyncStep.STEP2 ? 'step2' : 'update', update: message.update };
}

/** True when an update inserts anything; `Skip` structs are only gaps left by merging. */
export function insertsContent(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).structs.some((s) => !(s instanceof Y.Skip));
}

/**
 * What the server lacks of the rows it already acknowledged (it lost data, or a commit raced a crash),
 * given its state vector. Null when it lacks nothing: delete sets alone are not worth a round trip,
 * since every diff carries the whole delete set whether the server has it or not.
 */
export function missingOnServer(syncedUpdates: readonly Uint8Array[], serverStateVector: Uint8Array): Uint8Array | null {
  if (syncedUpdates.length === 0) return null;
  const diff = Y.diffUpdate(Y.mergeUpdates([...syncedUpdates]), serverStateVector);
  return insertsContent(diff) ? diff : null;
}
