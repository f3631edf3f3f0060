import { describe, expect, it } from 'vitest';
import { refusalErrorCode, type TokenRefusal } from '../../../../shared/api/tokenRefusals';
import type { ApiError } from '../../../../client/common/api/http';
import {
  SIGN_IN_ENDED_NOTICES,
  type SignInEnded,
  signInEndedByAnswer,
  signInEndedByConnection,
} from '../../../../client/common/session/signInEnded';
import type { ConnectionStatus } from '../../../../client/common/sync/reconnectingSocket';

const answer = (status: number, code: string): ApiError => ({ code, message: 'no', details: { status } });
const connection = (status: ConnectionStatus) => ({ status, retryAt: null, reason: null });

describe('why the sign-in ended, as the sign-in screen tells it', () => {
  it('tells an expired sign-in from one an administrator ended, in words that say what to do next', () => {
    expect(SIGN_IN_ENDED_NOTICES.expired).toBe('Your sign-in has expired. Sign in again to sync this device.');
    expect(SIGN_IN_ENDED_NOTICES.revoked).toBe('An administrator ended this sign-in. Ask them if you should still have access.');
  });

  it('reads an expired sign-in from an unauthorized socket close and a revoked one from a revoked close', () => {
    expect(signInEndedByConnection(connection('unauthorized'))).toBe('expired');
    expect(signInEndedByConnection(connection('revoked'))).toBe('revoked');
  });

  it('reads no ended sign-in from any other connection state', () => {
    for (const status of ['connecting', 'online', 'offline', 'update-required', 'stopped'] as const) {
      expect(signInEndedByConnection(connection(status))).toBeNull();
    }
  });

  it('reads the same from the 401 codes the server answers each token refusal with', () => {
    for (const [refusal, ended] of [
      ['invalid_token', 'expired'],
      ['account_deleted', 'revoked'],
      ['account_disabled', 'revoked'],
      ['session_revoked', 'revoked'],
    ] as const satisfies readonly (readonly [TokenRefusal, SignInEnded])[]) {
      expect(signInEndedByAnswer(answer(401, refusalErrorCode(refusal)))).toBe(ended);
    }
  });

  it('takes a 401 with a code it does not know for an expired sign-in, and any other status for none', () => {
    expect(signInEndedByAnswer(answer(401, 'http_error'))).toBe('expired');
    expect(signInEndedByAnswer(answer(403, 'session_revoked'))).toBeNull();
    expect(signInEndedByAnswer(answer(0, 'network'))).toBeNull();
  });
});
