import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The address a request came from, the key anonymous callers are rate-limited by. */
export const clientAddress = (c: Context): string => getConnInfo(c).remote.address ?? 'unknown';
