import { createHmac, randomBytes } from 'node:crypto';

/** Secrets are 32 random bytes, base64url, with a prefix that says what they are when one leaks into a log. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The `Dabba-Signature` of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with
 * the secret's UTF-8 bytes (all of it, prefix included). The time is signed with the body, so a receiver
 * that refuses old `t` values cannot be sent a recorded delivery again later.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}
