import { describe, expect, it } from 'vitest';
import { decodeFanout, encodeFanout, type FanoutMessage } from '../../../../sync-server/fanout/fanoutMessage';

describe('fan-out messages between nodes', () => {
  const messages: FanoutMessage[] = [
    { kind: 'update', seq: 70_000, update: new Uint8Array([0, 1, 2, 255]), claims: [{ client: 2 ** 32 - 1, owner: 'u_abc' }] },
    { kind: 'update', seq: 1, update: new Uint8Array(), claims: [] },
    { kind: 'head', seq: 12 },
    { kind: 'awareness', update: new Uint8Array([1, 2]), owners: [{ client: 7, owner: '@server' }] },
  ];

  it.each(messages)('arrive as they were sent, with the sending node ($kind)', (message) => {
    expect(decodeFanout(encodeFanout('node-1', message))).toEqual({ from: 'node-1', message });
  });

  it('are ignored when cut short, padded, or of an unknown kind', () => {
    const whole = encodeFanout('node-1', { kind: 'head', seq: 300 });
    expect(decodeFanout(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(decodeFanout(new Uint8Array([...whole, 0]))).toBeNull();
    expect(decodeFanout(new Uint8Array([9, 0]))).toBeNull();
    expect(decodeFanout(new Uint8Array())).toBeNull();
  });
});
