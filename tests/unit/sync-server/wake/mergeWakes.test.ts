import { describe, expect, it } from 'vitest';
import { wakeDataSchema, type WakeData } from '../../../../shared/wake/wakeMessage';
import { encodeWakeData } from '../../../../shared/wake/wakeMessage';
import { mergeWakes } from '../../../../sync-server/wake/mergeWakes';

const newOrder = (id: string, body: string): WakeData => ({
  dabba: '1',
  kind: 'new_order',
  docs: [`order:${id}`, 'inbox:outlet:demo-outlet'],
  title: 'Dosa Corner',
  body,
  open: `/outlet/#/board/${id}`,
  tag: `order:${id}`,
});

describe('mergeWakes', () => {
  it('sends one wake-up as it is', () => {
    const one = newOrder('a1', 'New order #a1 — 2 items, ₹330');
    expect(mergeWakes([one])).toEqual(one);
    expect(mergeWakes([])).toBeNull();
  });

  it('makes three new orders one message that names every order and document', () => {
    const merged = mergeWakes([
      newOrder('a1', 'New order #a1 — 2 items, ₹330'),
      newOrder('b2', 'New order #b2 — 1 item, ₹120'),
      newOrder('c3', 'New order #c3 — 4 items, ₹910'),
    ]);
    expect(merged).toEqual({
      dabba: '1',
      kind: 'new_order',
      docs: ['order:a1', 'inbox:outlet:demo-outlet', 'order:b2', 'order:c3'],
      title: '3 new orders',
      body: 'New order #a1 — 2 items, ₹330\nNew order #b2 — 1 item, ₹120\nNew order #c3 — 4 items, ₹910',
      open: '/outlet/',
      tag: 'batch:order:a1',
    });
    // What goes over the wire parses back as a wake-up.
    expect(merged && wakeDataSchema.parse(encodeWakeData(merged))).toEqual(merged);
  });

  it('keeps only the newest of several updates about the same thing', () => {
    const status = (body: string): WakeData => ({
      dabba: '1',
      kind: 'track_status',
      docs: ['track:tok'],
      title: 'Dosa Corner',
      body,
      open: '/track/tok',
      tag: 'track:tok',
    });
    expect(mergeWakes([status('Accepted'), status('On the way')])).toEqual(status('On the way'));
  });

  it('files mixed kinds under the most urgent, and keeps an expiry only when everything expires', () => {
    const offer = (id: string, expiresAt: number): WakeData => ({
      dabba: '1',
      kind: 'offer',
      docs: ['inbox:driver:d1'],
      title: 'Delivery offer',
      body: `Order #${id}`,
      open: '/driver/#/offers',
      tag: `offer:${id}`,
      expiresAt: String(expiresAt),
    });
    const cancelled: WakeData = {
      dabba: '1',
      kind: 'cancelled',
      docs: ['order:x9'],
      title: 'Order cancelled',
      body: 'Order #x9 was cancelled',
      open: '/driver/#/job/x9',
      tag: 'order:x9',
    };
    const mixed = mergeWakes([cancelled, offer('o1', 5_000)]);
    expect(mixed).toMatchObject({ kind: 'offer', title: '2 updates', open: '/driver/' });
    expect(mixed).not.toHaveProperty('expiresAt');
    expect(mergeWakes([offer('o1', 5_000), offer('o2', 9_000)])).toMatchObject({ title: '2 delivery offers', expiresAt: '9000' });
  });

  it('stays within what a wake-up may carry', () => {
    const many = Array.from({ length: 30 }, (_, i) => newOrder(`o${i}`, `New order #o${i} — ${'a very long line '.repeat(3)}`));
    const merged = mergeWakes(many);
    expect(merged?.docs).toHaveLength(20);
    expect(merged?.body.length).toBeLessThanOrEqual(500);
    expect(merged && wakeDataSchema.safeParse(encodeWakeData(merged)).success).toBe(true);
  });
});
