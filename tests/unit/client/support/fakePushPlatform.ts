import type { PushPlatform } from '../../../../client/common/push/pushPlatform';

export const TOKEN_A = 'fcm-token-aaaaaaaaaaaaaaaa';
export const TOKEN_B = 'fcm-token-bbbbbbbbbbbbbbbb';

/**
 * A browser whose notification permission and FCM token the test sets: asking answers `answer`, a
 * null token fails as Firebase does offline, and prompts and deletions are counted.
 */
export function fakePushPlatform(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const state = { permission, token: TOKEN_A as string | null, asked: 0, removed: 0 };
  const platform: PushPlatform = {
    permission: () => state.permission,
    askPermission: async () => {
      state.asked += 1;
      state.permission = answer;
      return answer;
    },
    token: async () => {
      if (state.token === null) throw new Error('Failed to fetch');
      return state.token;
    },
    removeToken: async () => {
      state.removed += 1;
    },
  };
  return { platform, state };
}
