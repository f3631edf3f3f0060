import { describe, expect, it } from 'vitest';
import { refundAmount } from '../../../../../../client/admin/model/refunds/refundAmount';

describe('refundAmount', () => {
  it('reads an amount typed in rupees as paise', () => {
    expect(refundAmount('120', 50_000)).toEqual({ ok: true, value: 12_000 });
    expect(refundAmount(' 120.5 ', 50_000)).toEqual({ ok: true, value: 12_050 });
    expect(refundAmount('120,05', 50_000)).toEqual({ ok: true, value: 12_005 });
  });

  it('refuses what is not an amount, zero, and more than can still be refunded', () => {
    expect(refundAmount('12.345', 50_000).ok).toBe(false);
    expect(refundAmount('abc', 50_000).ok).toBe(false);
    expect(refundAmount('0', 50_000).ok).toBe(false);
    expect(refundAmount('500.01', 50_000)).toMatchObject({ ok: false, error: { message: 'At most 500.00 can still be refunded.' } });
    expect(refundAmount('500', 50_000)).toEqual({ ok: true, value: 50_000 });
  });
});
