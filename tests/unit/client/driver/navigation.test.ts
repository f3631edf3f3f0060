import { describe, expect, it } from 'vitest';
import { geoUri, mapsUrl } from '../../../../client/driver/job/navigation';
import { jobHref, parseRoute } from '../../../../client/driver/shell/useDriverRoute';

const OUTLET = { lat: 12.9756, lng: 77.6066, label: 'Dabba Demo Kitchen' };

describe('driver app links and words', () => {
  it('opens the phone’s navigation app at the pin, or a web map where there is none', () => {
    expect(geoUri(OUTLET)).toBe('geo:12.975600,77.606600?q=12.975600,77.606600(Dabba%20Demo%20Kitchen)');
    expect(mapsUrl(OUTLET)).toBe('https://www.google.com/maps/dir/?api=1&destination=12.975600,77.606600');
  });

  it('keeps the open job in the address, and anything else is the home screen', () => {
    expect(parseRoute(jobHref('abc_123'))).toEqual({ screen: 'job', orderId: 'abc_123' });
    expect(parseRoute('#/')).toEqual({ screen: 'home' });
    expect(parseRoute('#/nonsense/x')).toEqual({ screen: 'home' });
    expect(parseRoute('#/job/a%3Ab')).toEqual({ screen: 'home' });
  });
});
