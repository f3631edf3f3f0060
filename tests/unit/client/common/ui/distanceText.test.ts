import { describe, expect, it } from 'vitest';
import { distanceText } from '../../../../../client/common/ui/distanceText';

describe('distanceText', () => {
  it('says distances as a rider reads them', () => {
    expect(distanceText(62)).toBe('60 m');
    expect(distanceText(1_234)).toBe('1.2 km');
    expect(distanceText(12_345)).toBe('12 km');
  });
});
