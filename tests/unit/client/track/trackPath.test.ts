import { describe, expect, it } from 'vitest';
import { trackingTokenOf } from '../../../../client/track/trackPath';

describe('the tracking link', () => {
  it('names the order by the token after /track/', () => {
    expect(trackingTokenOf('/track/Abc_123-xyz')).toBe('Abc_123-xyz');
    expect(trackingTokenOf('/track/Abc_123-xyz/')).toBe('Abc_123-xyz');
  });

  it('names no order when the path carries no token a link could hold', () => {
    expect(trackingTokenOf('/track/')).toBeNull();
    expect(trackingTokenOf('/track/a%3Ab')).toBeNull();
    expect(trackingTokenOf('/track/%E0%A4%A')).toBeNull();
    expect(trackingTokenOf(`/track/${'a'.repeat(65)}`)).toBeNull();
  });
});
