import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** y-protocols sync message types (the first varUint of a sync message). */
export const SyncStep = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const;

export type SyncMessage = { readonly step: 0; readonly stateVector: Uint8Array } | { readonly step: 1 | 2; readonly update: Uint8Array };

/** Reads a y-protocols sync message without applying it: the server checks updates before they touch a doc. */
export function readSyncMessage(decoder: decoding.Decoder): SyncMessage {
  const step = decoding.readVarUint(decoder);
  const body = decoding.readVarUint8Array(decoder);
  if (step === SyncStep.STEP1) return { step, stateVector: body };
  if (step === SyncStep.STEP2 || step === SyncStep.UPDATE) return { step, update: body };
  throw new Error(`unknown sync message type ${step}`);
}

export function writeSync(encoder: encoding.Encoder, step: 0 | 1 | 2, body: Uint8Array): void {
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, body);
}

export function syncPayload(step: 0 | 1 | 2, body: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  writeSync(e, step, body);
  return encoding.toUint8Array(e);
}
