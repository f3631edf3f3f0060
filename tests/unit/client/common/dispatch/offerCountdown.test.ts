import { describe, expect, it } from 'vitest';
import { countdownText, offerDeadline, secondsLeft } from '../../../../../client/common/dispatch/offerCountdown';

const SERVER_T0 = 1_700_000_000_000;
const offer = { offeredAt: SERVER_T0, expiresAt: SERVER_T0 + 60_000 };

describe('offer countdown', () => {
  it('counts the offer’s full minute from when the phone saw it, while the server’s clock is unknown', () => {
    const seenAt = SERVER_T0 + 123_456; // the phone's clock runs two minutes ahead
    expect(offerDeadline(offer, seenAt, null)).toBe(seenAt + 60_000);
  });

  it('moves the server’s expiry onto the phone’s clock once the offset is known', () => {
    const offset = -120_000; // server − phone: the phone is two minutes ahead
    const seenAt = SERVER_T0 + 120_000 + 5_000; // seen 5 s after it was made
    expect(offerDeadline(offer, seenAt, offset)).toBe(SERVER_T0 + 60_000 + 120_000);
  });

  it('never shows more time than the offer had, whichever way the clocks are off', () => {
    const seenAt = SERVER_T0; // seen at once, but the offset estimate says the server is 30 s behind
    expect(offerDeadline(offer, seenAt, -30_000)).toBe(SERVER_T0 + 60_000);
  });

  it('rounds the seconds left up, so "0:00" means it has ended, and never goes negative', () => {
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 15_000)).toBe(0);
  });

  it('never shows more seconds than the offer lasts', () => {
    expect(secondsLeft(SERVER_T0 + 60_400, SERVER_T0, offer)).toBe(60);
    expect(secondsLeft(SERVER_T0 + 30_400, SERVER_T0, offer)).toBe(31);
  });

  it('shows minutes and seconds', () => {
    expect(countdownText(60)).toBe('1:00');
    expect(countdownText(45)).toBe('0:45');
    expect(countdownText(5)).toBe('0:05');
  });
});
