import { afterEach, describe, expect, it, vi } from 'vitest';
import { firebaseWebConfig } from '../../../../client/common/push/firebaseWebConfig';

const COMPLETE = {
  VITE_FIREBASE_API_KEY: 'api-key',
  VITE_FIREBASE_AUTH_DOMAIN: 'dabba.firebaseapp.com',
  VITE_FIREBASE_PROJECT_ID: 'dabba',
  VITE_FIREBASE_MESSAGING_SENDER_ID: '1234567890',
  VITE_FIREBASE_APP_ID: '1:1234567890:web:abc',
  VITE_FIREBASE_VAPID_KEY: 'BJ0mv8y8rmZ6Jb0P3FjCNph4GXUXlHc7q-snJOSenU0_wzEhbTUymabP_Q9BE-31yZhhj9WNx4PzBjBd3rcQAow',
};

afterEach(() => vi.restoreAllMocks());

describe('firebaseWebConfig', () => {
  it('is null, silently, for a build given no Firebase config: push is simply not set up', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(firebaseWebConfig({ MODE: 'production', VITE_MAP_TILE_URL: '' })).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads a complete config into the options Firebase takes and the VAPID key', () => {
    expect(firebaseWebConfig(COMPLETE)).toEqual({
      options: {
        apiKey: 'api-key',
        authDomain: 'dabba.firebaseapp.com',
        projectId: 'dabba',
        messagingSenderId: '1234567890',
        appId: '1:1234567890:web:abc',
      },
      vapidKey: COMPLETE.VITE_FIREBASE_VAPID_KEY,
    });
  });

  it('turns push off with one warning naming what is wrong when the config is partial or malformed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(firebaseWebConfig({ ...COMPLETE, VITE_FIREBASE_APP_ID: '' })).toBeNull();
    expect(firebaseWebConfig({ ...COMPLETE, VITE_FIREBASE_VAPID_KEY: 'not-a-key' })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/VITE_FIREBASE_APP_ID/);
    expect(String(warn.mock.calls[1]?.[0])).toMatch(/VITE_FIREBASE_VAPID_KEY/);
  });
});
