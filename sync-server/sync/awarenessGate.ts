import * as decoding from 'lib0/decoding';
import { MAX_AWARENESS_STATE_BYTES, MAX_AWARENESS_STATES_PER_SOCKET } from '../../shared/protocol/limits';
import { fail, ok, type Result } from '../../shared/result';

/** One entry of a y-protocols awareness update: a client's presence state at its clock. */
export interface AwarenessEntry {
  readonly clientID: number;
  readonly clock: number;
  /** The state as sent, JSON; "null" removes the client. */
  readonly json: string;
}

/** `malformed`: not an awareness update at all (the connection is closed); `not_allowed`: a well-formed one this connection may not make. */
export type AwarenessRefusal = 'malformed' | 'not_allowed';
export type AwarenessVerdict = Result<undefined, AwarenessRefusal>;

/** Reads an awareness update (varUint count, then clientID, clock, JSON string each); null when it is not one. */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      JSON.parse(json);
      entries.push({ clientID, clock, json });
    }
    return decoding.hasContent(decoder) ? null : entries;
  } catch {
    return null;
  }
}

/**
 * Who may say what in a document's awareness: each awareness client id belongs to the socket that
 * first announced it, a socket may announce only a few, and a state is small. So no socket can
 * overwrite or remove another's presence, or grow the server's memory and every peer's traffic.
 */
export function judgeAwareness<S>(
  entries: readonly AwarenessEntry[],
  socket: S,
  ownerOf: (clientID: number) => S | undefined,
  ownedBy: (socket: S) => number,
): AwarenessVerdict {
  let fresh = 0;
  for (const entry of entries) {
    if (entry.json.length > MAX_AWARENESS_STATE_BYTES) {
      return fail('not_allowed', `an awareness state is larger than ${MAX_AWARENESS_STATE_BYTES} bytes`);
    }
    const owner = ownerOf(entry.clientID);
    if (owner === undefined) fresh += 1;
    else if (owner !== socket) return fail('not_allowed', "another connection's awareness state");
  }
  if (ownedBy(socket) + fresh > MAX_AWARENESS_STATES_PER_SOCKET) {
    return fail('not_allowed', `more than ${MAX_AWARENESS_STATES_PER_SOCKET} awareness states per connection`);
  }
  return ok();
}
