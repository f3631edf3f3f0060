/** Why a token is not accepted now; anything but `invalid_token` means it was valid once. */
export type TokenRefusal = 'invalid_token' | 'account_deleted' | 'account_disabled' | 'session_revoked';

export const TOKEN_REFUSALS: { readonly [K in TokenRefusal]: string } = {
  invalid_token: 'The sign-in has expired or is not valid; sign in again.',
  account_deleted: 'This account no longer exists.',
  account_disabled: 'This account has been disabled; ask an admin.',
  session_revoked: 'This sign-in has been ended; sign in again.',
};
