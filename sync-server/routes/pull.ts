import { Hono } from 'hono';
import * as Y from 'yjs';
import { pullRequestSchema, type PullResponse } from '../../shared/api/pull';
import type { Actor } from '../../shared/roles';
import type { TokenService } from '../auth/tokens';
import type { RateLimiter } from '../limits/rateLimit';
import type { OrderIndex } from '../storage/orderIndex';
import { authorizeDoc } from '../sync/access';
import { LoadError, type DocRegistry } from '../sync/docRegistry';
import { bearerActor } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { clientAddress } from './clientAddress';
import { jsonBody } from './validate';

export interface PullDeps {
  readonly tokens: TokenService;
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly trackLookups: RateLimiter;
}

type PulledDoc = PullResponse['docs'][number];

/** A state vector as the device sent it; undefined for none (the whole document), null when it is not one. */
function stateVectorOf(base64: string): Uint8Array | undefined | null {
  if (base64 === '') return undefined;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  try {
    Y.decodeStateVector(bytes);
    return bytes;
  } catch {
    return null;
  }
}

async function pullOne(deps: PullDeps, who: { actor: Actor | null; address: string }, name: string, base64: string): Promise<PulledDoc> {
  const access = await authorizeDoc(who, name, deps.orders, deps.trackLookups);
  if (!access.ok) return { name, error: access.error };
  const stateVector = stateVectorOf(base64);
  if (stateVector === null) return { name, error: { code: 'invalid_state_vector', message: 'stateVector is not a Yjs state vector.' } };
  try {
    const update = await deps.registry.withDoc(access.value, (doc) => doc.stateAsUpdate(stateVector));
    return { name, update: Buffer.from(update).toString('base64') };
  } catch (err: unknown) {
    if (!(err instanceof LoadError)) throw err;
    return { name, error: { code: 'load_failed', message: 'The document could not be loaded; try again later.' } };
  }
}

/**
 * `POST /pull`: what a service worker fetches when a push wakes it, with no socket. Each document is
 * authorized exactly as a socket subscribe is (a bearer for everything but `track:` documents) and
 * answered with the committed state the device's replica lacks; a refusal is that document's answer,
 * never the whole request's.
 */
export function pullRoutes(deps: PullDeps): Hono {
  return new Hono().post('/pull', limitBody(BODY_LIMITS.pull), async (c) => {
    const actor = await bearerActor(c, deps.tokens);
    const body = await jsonBody(c, pullRequestSchema);
    const who = { actor, address: clientAddress(c) };
    const docs: PulledDoc[] = [];
    for (const { name, stateVector } of body.docs) docs.push(await pullOne(deps, who, name, stateVector));
    c.header('Cache-Control', 'no-store');
    return c.json({ docs } satisfies PullResponse);
  });
}
