import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { rateLimitKey } from '../limits/addressKey';

/** The address a request came from, as the key anonymous callers are rate-limited by. */
export const clientAddress = (c: Context): string => rateLimitKey(getConnInfo(c).remote.address ?? 'unknown');
