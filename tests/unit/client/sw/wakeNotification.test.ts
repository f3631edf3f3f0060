import { describe, expect, it } from 'vitest';
import type { WakeData } from '../../../../shared/wake/wakeMessage';
import { hasExpired, wakeNotification } from '../../../../client/common/sw/wakeNotification';

const NOW = 1_700_000_000_000;

const newOrder: WakeData = {
  dabba: '1',
  kind: 'new_order',
  docs: ['inbox:outlet:demo-outlet', 'order:A7'],
  title: 'New order #A7 — 2 items, ₹330',
  body: 'Pickup for Asha',
  open: '/outlet/#/board',
  tag: 'order:A7',
};

const offer: WakeData = {
  dabba: '1',
  kind: 'offer',
  docs: ['inbox:driver:d1'],
  title: 'New delivery from Dabba Demo Kitchen',
  body: '1.5 km · ₹40',
  open: '/driver/#/',
  tag: 'offer:A7',
  expiresAt: String(NOW + 30_000),
};

describe('wakeNotification', () => {
  it('shows the server’s words, opens the order’s place on a tap, and stays up until seen when someone must act', () => {
    const { title, options } = wakeNotification(newOrder, NOW);
    expect(title).toBe('New order #A7 — 2 items, ₹330');
    expect(options).toMatchObject({
      body: 'Pickup for Asha',
      tag: 'order:A7',
      renotify: true,
      requireInteraction: true,
      data: { open: '/outlet/#/board' },
      icon: '/icons/outlet-192.png',
    });
  });

  it('lets a status update go by itself, and gives a page with no app icon none', () => {
    const { options } = wakeNotification({ ...newOrder, kind: 'track_status', open: '/track/abc', tag: '' }, NOW);
    expect(options.requireInteraction).toBe(false);
    expect(options).not.toHaveProperty('icon');
    // No tag: renotify without one is an error in browsers.
    expect(options).not.toHaveProperty('tag');
    expect(options).not.toHaveProperty('renotify');
  });

  it('still shows an offer that ran out, quietly, as ended, under the offer’s tag', () => {
    expect(hasExpired(offer, NOW)).toBe(false);
    const later = NOW + 31_000;
    expect(hasExpired(offer, later)).toBe(true);
    const { title, options } = wakeNotification(offer, later);
    expect(title).toBe('Offer ended');
    expect(options).toMatchObject({ silent: true, tag: 'offer:A7', data: { open: '/driver/#/' } });
    expect(options.body).toContain('New delivery from Dabba Demo Kitchen');
    expect(options).not.toHaveProperty('requireInteraction');
  });
});
