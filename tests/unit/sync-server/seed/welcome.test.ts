import { describe, expect, it } from 'vitest';
import { welcomeText } from '../../../../sync-server/seed/welcome';

describe('welcomeText', () => {
  it('says where each app is, the tracking links included', () => {
    const text = welcomeText('http://localhost:8787', []);
    expect(text.split('\n')[0]).toBe('Dabba is running at http://localhost:8787/');
    for (const path of ['/order/', '/outlet/', '/driver/', '/admin/', '/track/<token>'])
      expect(text).toContain(`http://localhost:8787${path}`);
    expect(text).not.toContain('Demo accounts');
  });

  it('names the demo accounts and their password only when there are some to use', () => {
    expect(welcomeText('http://localhost:8787', ['admin@dabba.local', 'driver@dabba.local'])).toContain(
      'Demo accounts (password "dabba-demo"): admin@dabba.local, driver@dabba.local',
    );
  });
});
