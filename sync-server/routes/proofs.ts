import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { OrderIdSchema } from '../../shared/ids';
import type { Actor } from '../../shared/roles';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import { isProofType, sniffImageType } from '../proofs/imageType';
import { PROOF_ID, type ProofStore } from '../proofs/proofStore';
import type { OrderIndex, OrderIndexRow } from '../storage/orderIndex';
import { requireActor } from './bearer';
import { limitBody } from './bodyLimit';

export const MAX_PROOF_BYTES = 5 * 1024 * 1024;
/** The upload's full path, mounted under /api/orders. */
export const PROOF_UPLOAD = '/api/orders/:orderId/proofs/:proofId';

export interface ProofRouteDeps {
  readonly tokens: TokenService;
  readonly orders: OrderIndex;
  readonly proofs: ProofStore;
  readonly clock: Clock;
}

async function orderAndActor(c: Context, deps: ProofRouteDeps): Promise<{ actor: Actor; order: OrderIndexRow; proofId: string }> {
  const actor = await requireActor(c, deps.tokens);
  const id = OrderIdSchema.safeParse(c.req.param('orderId'));
  const order = id.success ? await deps.orders.get(id.data) : null;
  if (!order) throw notFound('The order');
  const proofId = c.req.param('proofId') ?? '';
  if (!PROOF_ID.test(proofId))
    throw badRequest('invalid_proof_id', 'A proof id is the lowercase hex SHA-256 of the photo (64 characters).');
  return { actor, order, proofId };
}

const isAssignedDriver = (actor: Actor, order: OrderIndexRow): boolean => actor.role === 'driver' && order.driverId === actor.id;

/**
 * Proof-of-delivery photos, `/api/orders/:orderId/proofs/:proofId`. The driver's device names the photo
 * by its hash in the `delivered` event while offline and uploads it whenever it has network, before or
 * after the event syncs; uploading the same photo again is harmless.
 */
export function proofRoutes(deps: ProofRouteDeps): Hono {
  // The caller is known before up to 5 MiB of an unsized (chunked) body is read into memory.
  const signedIn: MiddlewareHandler = async (c, next) => {
    await requireActor(c, deps.tokens);
    await next();
  };
  return new Hono()
    .put('/:orderId/proofs/:proofId', signedIn, limitBody(MAX_PROOF_BYTES, 'A proof photo'), async (c) => {
      const { actor, order, proofId } = await orderAndActor(c, deps);
      if (actor.role !== 'admin' && !isAssignedDriver(actor, order))
        throw forbidden('Only the driver of this order or an admin may add its proof.');
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!isProofType(type)) throw new AppError(415, 'unsupported_media_type', 'Send the photo as image/jpeg, image/png or image/webp.');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw badRequest('empty_body', 'The photo is missing.');
      if (createHash('sha256').update(bytes).digest('hex') !== proofId) {
        throw badRequest('proof_mismatch', 'The photo does not match its id (the SHA-256 of its bytes); it may have been cut short.');
      }
      if (sniffImageType(bytes) !== type) throw badRequest('invalid_image', `The bytes are not a ${type} image.`);
      const stored = await deps.proofs.put(order.id, proofId, type, bytes, deps.clock.now());
      if (stored.kind === 'too_many') throw conflict('too_many_proofs', `An order may have at most ${stored.limit} proof photos.`);
      if (stored.kind === 'too_large') {
        throw conflict('proofs_too_large', `An order's proof photos may add up to at most ${Math.floor(stored.limit / 1024)} KiB.`);
      }
      return c.json({ proofId }, stored.kind === 'created' ? 201 : 200);
    })
    .get('/:orderId/proofs/:proofId', async (c) => {
      const { actor, order, proofId } = await orderAndActor(c, deps);
      const allowed =
        actor.role === 'admin' || isAssignedDriver(actor, order) || (actor.role === 'outlet' && actor.outletId === order.outletId);
      if (!allowed) throw forbidden('This proof is for the order’s outlet, its driver and admins.');
      const proof = deps.proofs.get(order.id, proofId);
      if (!proof) throw notFound('The proof');
      return c.body(new Uint8Array(proof.bytes), 200, {
        'Content-Type': proof.type,
        // Content-addressed: the bytes behind this URL never change.
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
    });
}
