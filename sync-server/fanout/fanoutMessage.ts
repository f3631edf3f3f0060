import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ClientClaim } from '../storage/docStore';

/**
 * What nodes tell each other about a document, over Redis. `update`: this node stored `update` at
 * `seq` (with the client ids it claimed). `head`: this node stored up to `seq` but could not say so at
 * the time (Redis was away): who is behind reads storage. `awareness`: presence of this node's devices.
 * Client ids and their owners are carried as claims (a Yjs client id's user, or a presence state's).
 */
export type FanoutMessage =
  | { readonly kind: 'update'; readonly seq: number; readonly update: Uint8Array; readonly claims: readonly ClientClaim[] }
  | { readonly kind: 'head'; readonly seq: number }
  /** `owners`: the user behind each presence state announced (see DocAwareness). */
  | { readonly kind: 'awareness'; readonly update: Uint8Array; readonly owners: readonly ClientClaim[] };

/** A message and the node (process) that sent it. */
export interface Heard {
  readonly from: string;
  readonly message: FanoutMessage;
}

const KIND = { update: 0, head: 1, awareness: 2 } as const;

export function encodeFanout(from: string, message: FanoutMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, KIND[message.kind]);
  encoding.writeVarString(e, from);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(e, message.seq);
      writeClaims(e, message.claims);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'head':
      encoding.writeVarUint(e, message.seq);
      break;
    case 'awareness':
      writeClaims(e, message.owners);
      encoding.writeVarUint8Array(e, message.update);
      break;
  }
  return encoding.toUint8Array(e);
}

/** Null for anything that is not a whole message (the sender is another version, or it is not ours). */
export function decodeFanout(data: Uint8Array): Heard | null {
  try {
    const d = decoding.createDecoder(data);
    const kind = decoding.readVarUint(d);
    const from = decoding.readVarString(d);
    let message: FanoutMessage;
    if (kind === KIND.update) {
      const seq = decoding.readVarUint(d);
      const claims = readClaims(d);
      message = { kind: 'update', seq, claims, update: decoding.readVarUint8Array(d) };
    } else if (kind === KIND.head) {
      message = { kind: 'head', seq: decoding.readVarUint(d) };
    } else if (kind === KIND.awareness) {
      const owners = readClaims(d);
      message = { kind: 'awareness', owners, update: decoding.readVarUint8Array(d) };
    } else {
      return null;
    }
    return decoding.hasContent(d) ? null : { from, message };
  } catch {
    return null;
  }
}

function writeClaims(e: encoding.Encoder, claims: readonly ClientClaim[]): void {
  encoding.writeVarUint(e, claims.length);
  for (const claim of claims) {
    encoding.writeVarUint(e, claim.client);
    encoding.writeVarString(e, claim.owner);
  }
}

function readClaims(d: decoding.Decoder): ClientClaim[] {
  const claims: ClientClaim[] = [];
  for (let n = decoding.readVarUint(d); n > 0; n -= 1) claims.push({ client: decoding.readVarUint(d), owner: decoding.readVarString(d) });
  return claims;
}
