import { createHmac, randomBytes } from 'node:crypto';

/** Secrets are 32 random bytes, base64url, with a prefix that says what they are when one leaks into a log. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The `Dabba-Signature` of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` per secret,
 * keyed with the secret's UTF-8 bytes (all of it, prefix included), the current secret first. The time is
 * signed with the body, so a receiver that refuses old `t` values cannot be sent a recorded delivery again
 * later. Two secrets while a rotation's grace window lasts, as Stripe does: a receiver accepts a match of any.
 */
export function signatureHeader(secrets: readonly string[], body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const v1s = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')}`);
  return [`t=${t}`, ...v1s].join(',');
}

/** What a delivery at `now` is signed with: the current secret, and the previous one until its window ends. */
export function signingSecrets(current: string, previous: string | null, previousUntil: number | null, now: number): string[] {
  return previous !== null && previousUntil !== null && now < previousUntil ? [current, previous] : [current];
}
