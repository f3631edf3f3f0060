import { describe, expect, it } from 'vitest';
import { geoUri, mapsPlatform, mapsUrl, navigateUrl } from '../../../../client/driver/job/navigation';
import { jobHref, parseRoute } from '../../../../client/driver/shell/useDriverRoute';

const OUTLET = { lat: 12.9756, lng: 77.6066, label: 'Dabba Demo Kitchen' };
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const LINUX_DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

describe('driver app links and words', () => {
  it('opens the phone’s navigation app at the pin, or a web map where there is none', () => {
    expect(geoUri(OUTLET)).toBe('geo:12.975600,77.606600?q=12.975600,77.606600(Dabba%20Demo%20Kitchen)');
    expect(mapsUrl(OUTLET)).toBe('https://www.google.com/maps/dir/?api=1&destination=12.975600,77.606600');
  });

  it('navigates with Apple Maps on an iPhone or iPad, geo: on Android, and Google Maps elsewhere', () => {
    expect(navigateUrl(OUTLET, mapsPlatform(IPHONE, 5))).toBe('https://maps.apple.com/?daddr=12.975600,77.606600');
    expect(navigateUrl(OUTLET, mapsPlatform(IPAD_AS_MAC, 5))).toBe('https://maps.apple.com/?daddr=12.975600,77.606600');
    expect(navigateUrl(OUTLET, mapsPlatform(ANDROID, 5))).toMatch(/^geo:12\.975600,77\.606600\?q=/);
    expect(navigateUrl(OUTLET, mapsPlatform(LINUX_DESKTOP))).toBe(mapsUrl(OUTLET));
  });

  it('takes a Mac without a touch screen for a computer, not an iPad', () => {
    expect(mapsPlatform(IPAD_AS_MAC, 0)).toBe('other');
  });

  it('keeps the open job in the address, and anything else is the home screen', () => {
    expect(parseRoute(jobHref('abc_123'))).toEqual({ screen: 'job', orderId: 'abc_123' });
    expect(parseRoute('#/')).toEqual({ screen: 'home' });
    expect(parseRoute('#/nonsense/x')).toEqual({ screen: 'home' });
    expect(parseRoute('#/job/a%3Ab')).toEqual({ screen: 'home' });
  });
});
