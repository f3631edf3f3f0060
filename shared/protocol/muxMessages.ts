import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isRejectCode, type RejectCode } from './rejectCodes';

/**
 * The multiplexed protocol on `/sync`: one socket per device, many documents.
 * Every binary frame is `[varString docName][varUint type][payload]`.
 *
 *  type          direction        payload
 *  SYNC        0 both             a y-protocols sync message (step1 / step2 / update)
 *  AWARENESS   1 both             a y-protocols awareness update
 *  UPDATE      2 device → server  [varUint seq][varUint8Array update]: a local change to commit
 *  ACK         3 server → device  [varUint seq]: the update `seq` is committed to storage
 *  REJECT      4 server → device  [varUint seq][varString code][varString message]: not applied, not stored
 *  UNSUBSCRIBE 5 device → server  (empty): stop sending this document
 *  REFUSED     6 server → device  [varString code][varString message]: the subscription was refused
 *
 * A device subscribes to a document by sending SYNC step1 for it. Seq numbers are the device's own
 * (its local row ids); the server only echoes them.
 */
export const MuxType = { SYNC: 0, AWARENESS: 1, UPDATE: 2, ACK: 3, REJECT: 4, UNSUBSCRIBE: 5, REFUSED: 6 } as const;
export type MuxType = (typeof MuxType)[keyof typeof MuxType];

export type MuxMessage =
  | { readonly type: 0; readonly doc: string; readonly payload: Uint8Array }
  | { readonly type: 1; readonly doc: string; readonly payload: Uint8Array }
  | { readonly type: 2; readonly doc: string; readonly seq: number; readonly update: Uint8Array }
  | { readonly type: 3; readonly doc: string; readonly seq: number }
  | { readonly type: 4; readonly doc: string; readonly seq: number; readonly code: RejectCode; readonly message: string }
  | { readonly type: 5; readonly doc: string }
  | { readonly type: 6; readonly doc: string; readonly code: RejectCode; readonly message: string };

export function encodeMux(message: MuxMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, message.doc);
  encoding.writeVarUint(e, message.type);
  switch (message.type) {
    case MuxType.SYNC:
    case MuxType.AWARENESS:
      encoding.writeUint8Array(e, message.payload);
      break;
    case MuxType.UPDATE:
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case MuxType.ACK:
      encoding.writeVarUint(e, message.seq);
      break;
    case MuxType.REJECT:
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarString(e, message.code);
      encoding.writeVarString(e, message.message);
      break;
    case MuxType.UNSUBSCRIBE:
      break;
    case MuxType.REFUSED:
      encoding.writeVarString(e, message.code);
      encoding.writeVarString(e, message.message);
      break;
  }
  return encoding.toUint8Array(e);
}

/** Decodes one frame; throws on anything malformed (the caller closes with MALFORMED). */
export function decodeMux(frame: Uint8Array): MuxMessage {
  const d = decoding.createDecoder(frame);
  const doc = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  const rest = (): Uint8Array => decoding.readTailAsUint8Array(d);
  // lib0 lets a varUint's last byte carry it past 2^53, where numbers lose precision.
  const seq = (): number => {
    const value = decoding.readVarUint(d);
    if (!Number.isSafeInteger(value)) throw new Error(`seq ${value} is out of range`);
    return value;
  };
  const code = (): RejectCode => {
    const value = decoding.readVarString(d);
    if (!isRejectCode(value)) throw new Error(`unknown reject code ${value}`);
    return value;
  };
  let message: MuxMessage;
  switch (type) {
    case MuxType.SYNC:
      message = { type, doc, payload: rest() };
      break;
    case MuxType.AWARENESS:
      message = { type, doc, payload: rest() };
      break;
    case MuxType.UPDATE:
      message = { type, doc, seq: seq(), update: decoding.readVarUint8Array(d) };
      break;
    case MuxType.ACK:
      message = { type, doc, seq: seq() };
      break;
    case MuxType.REJECT:
      message = { type, doc, seq: seq(), code: code(), message: decoding.readVarString(d) };
      break;
    case MuxType.UNSUBSCRIBE:
      message = { type, doc };
      break;
    case MuxType.REFUSED:
      message = { type, doc, code: code(), message: decoding.readVarString(d) };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes');
  return message;
}
