import { describe, expect, it } from 'vitest';
import { FrameOnce } from '../../../../sync-server/sync/frameOnce';

describe('FrameOnce', () => {
  it('encodes an update once for every subscriber it is relayed to, and each other update anew', () => {
    const frames = new FrameOnce();
    const encodings: Uint8Array[] = [];
    const encode = (update: Uint8Array) => () => {
      const frame = Uint8Array.of(0, ...update);
      encodings.push(frame);
      return frame;
    };
    const first = Uint8Array.of(1, 2);
    const second = Uint8Array.of(1, 2);
    const sent = [frames.of(first, encode(first)), frames.of(first, encode(first)), frames.of(first, encode(first))];
    expect(encodings).toHaveLength(1);
    expect(sent.every((f) => f === sent[0])).toBe(true);
    // Equal bytes, another update: framed on its own, never mistaken for the first.
    expect(frames.of(second, encode(second))).not.toBe(sent[0]);
    expect(encodings).toHaveLength(2);
  });
});
