import { describe, expect, it } from 'vitest';
import { LOST_ANSWER, placeOutcome } from '../../../../client/order/checkout/placeOutcome';
import { OrderIdSchema } from '../../../../shared/ids';

const PAGE = 'https://dabba.example/order/demo-outlet';

describe('what "Place order" does with the answer', () => {
  it('goes to the tracking page on this site once the server has the order', () => {
    expect(
      placeOutcome({ ok: true, value: { orderId: OrderIdSchema.parse('o1'), trackingUrl: 'http://10.0.0.5:8787/track/abc' } }, PAGE),
    ).toEqual({ kind: 'placed', orderId: 'o1', trackingPath: '/track/abc' });
  });

  it('sends a card order to the payment page the server opened, not the tracking page', () => {
    const value = {
      orderId: OrderIdSchema.parse('o1'),
      trackingUrl: 'http://10.0.0.5:8787/track/abc',
      paymentUrl: 'https://checkout.stripe.com/c/pay/cs_1',
    };
    expect(placeOutcome({ ok: true, value }, PAGE)).toEqual({
      kind: 'pay',
      paymentUrl: 'https://checkout.stripe.com/c/pay/cs_1',
      orderId: 'o1',
      trackingPath: '/track/abc',
    });
  });

  it('stays on review and says placing again is safe when the answer is lost or the server failed', () => {
    expect(
      placeOutcome({ ok: false, error: { code: 'network', message: 'Cannot reach the Dabba server.', details: { status: 0 } } }, PAGE),
    ).toEqual({
      kind: 'retry',
      message: LOST_ANSWER,
    });
    const failed = placeOutcome(
      {
        ok: false,
        error: { code: 'catalog_unavailable', message: 'The menu could not be loaded; try again shortly.', details: { status: 503 } },
      },
      PAGE,
    );
    expect(failed).toEqual({
      kind: 'retry',
      message: 'The menu could not be loaded; try again shortly. Press "Place order" again: it will not be placed twice.',
    });
  });

  it('goes back to editing with a refusal by its field', () => {
    expect(
      placeOutcome(
        { ok: false, error: { code: 'item_unavailable', message: 'Masala Dosa is not available right now.', details: { status: 422 } } },
        PAGE,
      ),
    ).toEqual({ kind: 'refused', field: 'cart', message: 'Masala Dosa is not available right now.' });
    expect(
      placeOutcome(
        { ok: false, error: { code: 'rate_limited', message: 'Too many attempts; try again in 20 s.', details: { status: 429 } } },
        PAGE,
      ),
    ).toEqual({ kind: 'refused', field: 'form', message: 'Too many attempts; try again in 20 s.' });
  });
});
