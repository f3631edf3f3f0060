import { describe, expect, it } from 'vitest';
import type { OrderId, UserId } from '../../../../shared/ids';
import type { Offer } from '../../../../shared/inbox';
import { encodeWakeData, parsePushPayload } from '../../../../shared/wake/wakeMessage';
import { offerWakeData } from '../../../../sync-server/wake/offerWake';

const NOW = 1_800_000_000_000;
const OFFER: Offer = {
  orderId: 'order-7' as OrderId,
  offeredAt: NOW,
  expiresAt: NOW + 30_000,
  outletName: 'Demo Kitchen',
  outletAddress: '12 MG Road',
  pickup: { lat: 12.9756, lng: 77.6066 },
  dropoffArea: 'Indiranagar',
  dropoff: { lat: 12.97, lng: 77.64 },
  distanceMeters: 400,
  tripMeters: 3_500,
  cashToCollect: 33_000,
  currency: 'INR',
};

describe('offerWakeData', () => {
  it('names the driver’s inbox, says what the offer is and how long it stands, and opens the offers', () => {
    expect(offerWakeData('rider-1' as UserId, OFFER, NOW)).toEqual({
      dabba: '1',
      kind: 'offer',
      docs: ['inbox:driver:rider-1'],
      title: 'New delivery offer',
      body: 'Demo Kitchen → Indiranagar, ₹330 cash, answer in 30 s',
      open: '/driver/#/',
      tag: 'offer:order-7',
      expiresAt: String(NOW + 30_000),
    });
  });

  it('shows paise only when there are some, and says when there is no cash to collect', () => {
    expect(offerWakeData('r' as UserId, { ...OFFER, cashToCollect: 9_950 }, NOW).body).toContain('₹99.50 cash');
    expect(offerWakeData('r' as UserId, { ...OFFER, cashToCollect: 0 }, NOW).body).toContain('nothing to collect');
  });

  it('is a wake-up the service worker accepts', () => {
    const wire = encodeWakeData(offerWakeData('r' as UserId, { ...OFFER, outletName: 'K'.repeat(300) }, NOW));
    expect(parsePushPayload({ data: wire })).not.toBeNull();
  });
});
