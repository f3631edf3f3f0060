import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestLogin } from '../../../../../client/common/api/auth';
import { serverAnswers, serverUnreachable } from '../../support/stubFetch';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signing in over HTTP', () => {
  it('gives the session the server sent', async () => {
    const session = { token: 't', user: { id: 'cook-1', role: 'outlet', outletId: 'outlet-1' } };
    serverAnswers(200, session);
    expect(await requestLogin('cook@example.com', 'pw')).toEqual({ ok: true, value: session });
  });

  it('passes on the server’s refusal in its words', async () => {
    serverAnswers(401, { error: { code: 'bad_credentials', message: 'Wrong email or password.' } });
    expect(await requestLogin('cook@example.com', 'pw')).toMatchObject({
      ok: false,
      error: { code: 'bad_credentials', message: 'Wrong email or password.' },
    });
  });

  it('says offline sign-in needs the network once', async () => {
    serverUnreachable();
    const result = await requestLogin('cook@example.com', 'pw');
    expect(result.ok ? '' : result.error.message).toMatch(/needs the network once/);
  });

  it('refuses a session it cannot read', async () => {
    serverAnswers(200, { token: '' });
    expect(await requestLogin('cook@example.com', 'pw')).toMatchObject({
      ok: false,
      error: { code: 'bad_response', message: 'The server sent an answer this app does not understand.' },
    });
  });
});
