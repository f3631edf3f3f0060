import type { MiddlewareHandler } from 'hono';
import type { ErrorBody } from '../../shared/api/errors';
import { AppError } from '../errors';

/** What a draining node answers to anything new, over HTTP and to socket upgrades. */
export const DRAINING: ErrorBody['error'] = {
  code: 'draining',
  message: 'This server is restarting; try again and another one will answer.',
};

/**
 * Whether this node is on its way out. Set once when a stop begins and never cleared: from then on
 * /healthz answers 503 so a load balancer takes the node out, and nothing new is started here.
 */
export class DrainState {
  private on = false;

  /** A method, not a getter: it changes across an await, which narrowing of a property would not expect. */
  isDraining(): boolean {
    return this.on;
  }

  begin(): void {
    this.on = true;
  }
}

/**
 * Refuses every request that arrives while draining with `503 draining` before any route sees it, so a
 * load balancer may safely send it to another node; a response finishing during the drain closes its
 * connection, so kept-alive connections do not hold the node open.
 */
export function drainGate(drain: DrainState): MiddlewareHandler {
  return async (c, next) => {
    if (drain.isDraining()) {
      throw new AppError(503, DRAINING.code, DRAINING.message, undefined, {
        'Retry-After': '1',
        Connection: 'close',
      });
    }
    await next();
    if (drain.isDraining()) c.header('Connection', 'close');
  };
}
