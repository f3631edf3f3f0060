import { isEndedSignInCode } from '../../../shared/api/tokenRefusals';
import type { ApiError } from '../api/http';
import type { ConnectionState } from '../sync/reconnectingSocket';

/** Why the server no longer takes this device's sign-in: it ran out, or someone ended it. */
export type SignInEnded = 'expired' | 'revoked';

/**
 * What the sign-in screen says. They differ because the person's next step does: after an expiry
 * signing in again works; after a revocation it may not, and only an administrator can say.
 */
export const SIGN_IN_ENDED_NOTICES: { readonly [K in SignInEnded]: string } = {
  expired: 'Your sign-in has expired. Sign in again to sync this device.',
  revoked: 'An administrator ended this sign-in. Ask them if you should still have access.',
};

/** How the sync socket's close ended the sign-in, or null while it has not. */
export function signInEndedByConnection(connection: ConnectionState): SignInEnded | null {
  switch (connection.status) {
    case 'unauthorized':
      return 'expired';
    case 'revoked':
      return 'revoked';
    default:
      return null;
  }
}

/** How a refused bearer request's answer ended the sign-in, or null for any answer but a 401. */
export function signInEndedByAnswer(error: ApiError): SignInEnded | null {
  if (error.details.status !== 401) return null;
  return isEndedSignInCode(error.code) ? 'revoked' : 'expired';
}
