/**
 * Webhook settings for tests: loopback receivers allowed, and short retries, so a dead letter takes about a
 * second while six attempts leave half a second after the second one.
 */
export const WEBHOOK_ENV = {
  DABBA_WEBHOOKS_ALLOW_PRIVATE: '1',
  DABBA_WEBHOOK_POLL_MS: '50',
  DABBA_WEBHOOK_RETRY_BASE_MS: '40',
  DABBA_WEBHOOK_RETRY_MAX_MS: '400',
  DABBA_WEBHOOK_MAX_ATTEMPTS: '6',
} as const;
