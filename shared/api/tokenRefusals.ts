/** Why a token is not accepted now; anything but `invalid_token` means it was valid once. */
export type TokenRefusal = 'invalid_token' | 'account_deleted' | 'account_disabled' | 'session_revoked';

export const TOKEN_REFUSALS: { readonly [K in TokenRefusal]: string } = {
  invalid_token: 'The sign-in has expired or is not valid; sign in again.',
  account_deleted: 'This account no longer exists.',
  account_disabled: 'This account has been disabled; ask an admin.',
  session_revoked: 'This sign-in has been ended; sign in again.',
};

/** The `error.code` of the 401 a refused token gets: `unauthorized` for one not (or no longer) valid, else the refusal. */
export const refusalErrorCode = (refusal: TokenRefusal): string => (refusal === 'invalid_token' ? 'unauthorized' : refusal);

/**
 * Whether a 401's code says the server ended a sign-in that was good (disabled, deleted, signed out
 * everywhere): the HTTP twin of CloseCode.REVOKED, where signing in again may not help.
 */
export const isEndedSignInCode = (code: string): boolean => code !== 'invalid_token' && Object.hasOwn(TOKEN_REFUSALS, code);
