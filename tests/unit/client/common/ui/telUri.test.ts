import { describe, expect, it } from 'vitest';
import { telUri } from '../../../../../client/common/ui/telUri';

describe('telUri', () => {
  it('dials a number written with spaces and dashes', () => {
    expect(telUri('+91 80 4000-1234')).toBe('tel:+918040001234');
  });
});
