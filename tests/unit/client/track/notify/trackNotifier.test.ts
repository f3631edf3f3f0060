import { describe, expect, it } from 'vitest';
import { TrackingTokenSchema } from '../../../../../shared/ids';
import type { ApiResult } from '../../../../../client/common/api/http';
import { memoryStorage } from '../../../../../client/common/store/keyValueStorage';
import { TrackNotifier } from '../../../../../client/track/notify/trackNotifier';
import type { TrackPushApi } from '../../../../../client/track/notify/trackPushApi';
import { OFFLINE, OK, refused } from '../../support/driverApi';
import { fakePushPlatform, TOKEN_A, TOKEN_B } from '../../support/fakePushPlatform';

const LINK = TrackingTokenSchema.parse('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');

function phone(permission: NotificationPermission, answer?: NotificationPermission) {
  const { platform, state } = fakePushPlatform(permission, answer);
  return { push: { kind: 'ready', platform } as const, state };
}

function server(answers: ApiResult[] = []) {
  const calls: string[] = [];
  const api: TrackPushApi = {
    register: async (link, token) => {
      calls.push(`POST ${link} ${token}`);
      return answers.shift() ?? OK;
    },
    unregister: async (link, token) => {
      calls.push(`DELETE ${link} ${token}`);
      return answers.shift() ?? OK;
    },
  };
  return { api, calls };
}

describe('TrackNotifier', () => {
  it('is hidden where this browser or build has no push', () => {
    const notifier = new TrackNotifier(LINK, { kind: 'unavailable', reason: 'browser' }, memoryStorage());
    expect(notifier.getSnapshot()).toEqual({ kind: 'hidden' });
  });

  it('registers this browser for this order only when tapped, and remembers it on the next visit', async () => {
    const storage = memoryStorage();
    const { push, state } = phone('default');
    const { api, calls } = server();
    const notifier = new TrackNotifier(LINK, push, storage, api);
    expect(notifier.getSnapshot()).toEqual({ kind: 'off', problem: null });

    expect((await notifier.turnOn()).ok).toBe(true);
    expect(state.asked).toBe(1);
    expect(calls).toEqual([`POST ${LINK} ${TOKEN_A}`]);
    expect(notifier.getSnapshot()).toEqual({ kind: 'on', problem: null });

    const nextVisit = new TrackNotifier(LINK, push, storage, api);
    expect(nextVisit.getSnapshot()).toEqual({ kind: 'on', problem: null });
    await nextVisit.recheck();
    expect(calls).toHaveLength(1);
  });

  it('registers a rotated token on a later visit and unregisters the old one', async () => {
    const storage = memoryStorage();
    const { push, state } = phone('granted');
    const { api, calls } = server();
    await new TrackNotifier(LINK, push, storage, api).turnOn();
    state.token = TOKEN_B;
    await new TrackNotifier(LINK, push, storage, api).recheck();
    expect(calls).toEqual([`POST ${LINK} ${TOKEN_A}`, `POST ${LINK} ${TOKEN_B}`, `DELETE ${LINK} ${TOKEN_A}`]);
  });

  it('says blocked when the person refuses, and why when the server refuses', async () => {
    const blocked = new TrackNotifier(LINK, phone('default', 'denied').push, memoryStorage(), server().api);
    await blocked.turnOn();
    expect(blocked.getSnapshot()).toEqual({ kind: 'blocked' });

    const finished = refused(409, 'order_finished', 'This order is finished: there are no more updates to send.');
    const late = new TrackNotifier(LINK, phone('granted').push, memoryStorage(), server([finished]).api);
    await late.turnOn();
    expect(late.getSnapshot()).toEqual({ kind: 'off', problem: 'This order is finished: there are no more updates to send.' });
  });

  it('stops notifications for this order, and keeps them on when the server cannot be told', async () => {
    const storage = memoryStorage();
    const { push } = phone('granted');
    const { api, calls } = server([OK, OFFLINE]);
    const notifier = new TrackNotifier(LINK, push, storage, api);
    await notifier.turnOn();
    await notifier.turnOff();
    expect(notifier.getSnapshot()).toEqual({ kind: 'on', problem: 'Stopping notifications needs the network.' });
    await notifier.turnOff();
    expect(notifier.getSnapshot()).toEqual({ kind: 'off', problem: null });
    expect(calls.filter((c) => c.startsWith('DELETE'))).toHaveLength(2);
    expect(new TrackNotifier(LINK, push, storage, api).getSnapshot()).toEqual({ kind: 'off', problem: null });
  });
});
