import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader, signingSecrets } from '../../../../sync-server/outbox/signature';

describe('the Dabba-Signature header', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> keyed with the whole secret', () => {
    const body = '{"id":"e1","type":"order.placed"}';
    const header = signatureHeader(['whsec_test'], body, 1_767_225_600.9);
    const expected = createHmac('sha256', 'whsec_test').update(`1767225600.${body}`).digest('hex');
    expect(header).toBe(`t=1767225600,v1=${expected}`);
  });

  it('changes with the body, the time and the secret', () => {
    const base = signatureHeader(['whsec_a'], 'x', 100);
    expect(signatureHeader(['whsec_a'], 'y', 100)).not.toBe(base);
    expect(signatureHeader(['whsec_a'], 'x', 101)).not.toBe(base);
    expect(signatureHeader(['whsec_b'], 'x', 100)).not.toBe(base);
  });

  it('is keyed with secrets that are new every time and say what they are', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it('carries one v1 per secret, the current one first, while a rotation keeps the previous one signing', () => {
    const hmac = (secret: string) => createHmac('sha256', secret).update('100.x').digest('hex');
    expect(signatureHeader(['whsec_new', 'whsec_old'], 'x', 100)).toBe(`t=100,v1=${hmac('whsec_new')},v1=${hmac('whsec_old')}`);
    expect(signingSecrets('whsec_new', 'whsec_old', 2_000, 1_999)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets('whsec_new', 'whsec_old', 2_000, 2_000)).toEqual(['whsec_new']);
    expect(signingSecrets('whsec_new', null, null, 0)).toEqual(['whsec_new']);
  });
});
