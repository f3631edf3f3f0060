import { describe, expect, it } from 'vitest';
import { estimateText, timeEstimate, type EstimateFacts } from '../../../../shared/catalog/timeEstimate';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
/** About 5 km north of the outlet: 15 minutes at courier speed (20 km/h). */
const FIVE_KM_NORTH = { lat: 12.9756 + 5 / 111.2, lng: 77.6066 };
const base: EstimateFacts = { type: 'delivery', prepMinutes: 15, busyMinutes: 0, outlet: OUTLET, dropoff: null };

describe('timeEstimate', () => {
  it('promises a delivery with no pin yet as prep, handover and a typical ride, in a ten-minute window', () => {
    expect(timeEstimate(base)).toEqual({ type: 'delivery', from: 30, to: 40 });
    expect(estimateText(timeEstimate(base))).toBe('Delivery in about 30–40 min');
  });

  it('times the ride to the pin once the customer has placed it', () => {
    expect(timeEstimate({ ...base, dropoff: OUTLET })).toEqual({ type: 'delivery', from: 20, to: 30 });
    expect(timeEstimate({ ...base, dropoff: FIVE_KM_NORTH })).toEqual({ type: 'delivery', from: 35, to: 45 });
  });

  it('adds busy mode’s extra minutes to the kitchen’s time', () => {
    expect(timeEstimate({ ...base, busyMinutes: 20 })).toEqual({ type: 'delivery', from: 50, to: 60 });
    expect(timeEstimate({ ...base, type: 'pickup', busyMinutes: 20 })).toEqual({ type: 'pickup', from: 35, to: 35 });
  });

  it('promises pickup and dine-in as the kitchen’s time alone, rounded up to five minutes', () => {
    const pickup = timeEstimate({ ...base, type: 'pickup', prepMinutes: 12, dropoff: FIVE_KM_NORTH });
    expect(pickup).toEqual({ type: 'pickup', from: 15, to: 15 });
    expect(estimateText(pickup)).toBe('Pickup in about 15 min');
    expect(estimateText(timeEstimate({ ...base, type: 'dine-in', prepMinutes: 20 }))).toBe('At your table in about 20 min');
  });

  it('never promises less than five minutes', () => {
    expect(timeEstimate({ ...base, type: 'pickup', prepMinutes: 1 }).from).toBe(5);
  });
});
