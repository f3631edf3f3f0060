import { describe, expect, it } from 'vitest';
import { steppedPrep } from '../../../../../client/outlet/orders/PrepStepper';

describe('steppedPrep', () => {
  it('moves in five-minute steps, snapping an odd time to the grid', () => {
    expect([steppedPrep(20, 1), steppedPrep(20, -1), steppedPrep(17, 1), steppedPrep(17, -1)]).toEqual([25, 15, 20, 15]);
  });

  it('stays between 5 minutes and the 240 an accepted event carries', () => {
    expect([steppedPrep(5, -1), steppedPrep(240, 1), steppedPrep(238, 1)]).toEqual([5, 240, 240]);
  });
});
