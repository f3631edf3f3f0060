import { describe, expect, it } from 'vitest';
import { OrderIdSchema } from '../../../../../../shared/ids';
import {
  afterAttempt,
  arrivedEntries,
  classifyAnswer,
  dueEntries,
  newPhoneOrderRow,
  nextWakeAt,
  OUTBOX_BACKOFF,
} from '../../../../../../client/outlet/model/phoneOrders/outbox';
import { NETWORK_ERROR_CODE, type ApiResult } from '../../../../../../client/common/api/http';
import { ENTERED_AT, phoneRequest } from '../../../support/phoneOrders';

const error = (status: number, code: string, message = 'no'): ApiResult => ({ ok: false, error: { code, message, details: { status } } });

describe('what the server’s answer means for a phone order', () => {
  it('is placed on 201 with an order id', () => {
    expect(classifyAnswer({ ok: true, value: { orderId: 'o1', trackingUrl: 'x' } })).toEqual({ kind: 'placed', orderId: 'o1' });
  });

  it('is retried when nothing was decided: no network, server errors, rate limits, an expired sign-in, an unreadable 2xx', () => {
    for (const answer of [
      error(0, NETWORK_ERROR_CODE),
      error(500, 'internal'),
      error(503, 'catalog_unavailable'),
      error(429, 'rate_limited'),
      error(401, 'unauthorized'),
      { ok: true, value: null } as const,
    ]) {
      expect(classifyAnswer(answer).kind).toBe('retry');
    }
  });

  it('tells a sign-in an administrator ended from an expired one while the phone order waits', () => {
    expect(classifyAnswer(error(401, 'unauthorized'))).toEqual({ kind: 'retry', message: 'Sign in again to send phone orders.' });
    for (const code of ['account_disabled', 'session_revoked', 'account_deleted']) {
      expect(classifyAnswer(error(401, code))).toEqual({
        kind: 'retry',
        message: 'An administrator ended this sign-in. The phone order waits on this device until someone signs in.',
      });
    }
  });

  it('is refused with the server’s own words when the server looked at the order and said no', () => {
    expect(classifyAnswer(error(422, 'item_unavailable', 'Masala Dosa is not available right now.'))).toEqual({
      kind: 'refused',
      code: 'item_unavailable',
      message: 'Masala Dosa is not available right now.',
    });
    expect(classifyAnswer(error(400, 'invalid_request', 'bad')).kind).toBe('refused');
  });
});

describe('the outbox entry after an attempt', () => {
  const row = newPhoneOrderRow('phone-key-1', phoneRequest());

  it('starts waiting and due at once', () => {
    expect(row).toMatchObject({
      key: 'phone-key-1',
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: ENTERED_AT,
      refusal: null,
      orderId: null,
    });
    expect(dueEntries([row], ENTERED_AT)).toEqual([row]);
  });

  it('backs off exponentially with jitter after each failed attempt, up to the cap', () => {
    const now = ENTERED_AT + 1_000;
    const first = afterAttempt(row, { kind: 'retry', message: 'offline' }, now, () => 0);
    expect(first).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'offline', nextAttemptAt: now + OUTBOX_BACKOFF.baseMs / 2 });
    const second = afterAttempt(first, { kind: 'retry', message: 'offline' }, now, () => 1);
    expect(second.nextAttemptAt).toBe(now + OUTBOX_BACKOFF.baseMs * 2);
    const many = afterAttempt({ ...row, attempts: 30 }, { kind: 'retry', message: 'offline' }, now, () => 1);
    expect(many.nextAttemptAt).toBe(now + OUTBOX_BACKOFF.maxMs);
    expect(dueEntries([first], now)).toEqual([]);
  });

  it('keeps a refused entry, with the refusal, out of the sending queue', () => {
    const refused = afterAttempt(row, { kind: 'refused', code: 'outlet_paused', message: 'Paused.' }, ENTERED_AT);
    expect(refused).toMatchObject({ state: 'refused', refusal: { code: 'outlet_paused', message: 'Paused.' } });
    expect(dueEntries([refused], ENTERED_AT + 1e9)).toEqual([]);
    expect(nextWakeAt([refused])).toBeNull();
  });

  it('remembers the order id once placed, and hands over to the order when it is on the device', () => {
    const placed = afterAttempt(row, { kind: 'placed', orderId: OrderIdSchema.parse('o1') }, ENTERED_AT);
    expect(placed).toMatchObject({ state: 'placed', orderId: 'o1' });
    expect(arrivedEntries([placed], new Set())).toEqual([]);
    expect(arrivedEntries([placed], new Set(['o1']))).toEqual([placed]);
  });

  it('sends the oldest entry first and wakes for the earliest waiting one', () => {
    const older = newPhoneOrderRow('a', phoneRequest({ enteredAt: ENTERED_AT - 10 }));
    const newer = { ...newPhoneOrderRow('b', phoneRequest({ enteredAt: ENTERED_AT })), nextAttemptAt: ENTERED_AT - 20 };
    expect(dueEntries([newer, older], ENTERED_AT).map((r) => r.key)).toEqual(['a', 'b']);
    expect(nextWakeAt([newer, older])).toBe(ENTERED_AT - 20);
  });
});
