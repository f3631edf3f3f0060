import { Hono } from 'hono';
import { pushTokenSchema, registerDeviceSchema, type PushApp } from '../../shared/api/devices';
import type { Role } from '../../shared/roles';
import type { TokenService } from '../auth/tokens';
import { forbidden, notFound } from '../errors';
import type { PushTokens } from '../storage/pushTokens';
import { requireActor } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { jsonBody } from './validate';

/** The one app each role signs in to: a token is woken for what that app shows. */
const APP_OF_ROLE: { readonly [R in Role]: PushApp } = { outlet: 'outlet', driver: 'driver', admin: 'admin' };

/**
 * `POST /` registers the caller's device for wake-ups (201); the same token again moves it to the
 * caller. `DELETE /<pushToken>` removes one of the caller's own tokens (204); a token that is not
 * theirs is a 404 like one that does not exist, so nobody can probe which tokens are registered.
 */
export function deviceRoutes(tokens: TokenService, pushTokens: PushTokens): Hono {
  return new Hono()
    .post('/', limitBody(BODY_LIMITS.device), async (c) => {
      const actor = await requireActor(c, tokens);
      const body = await jsonBody(c, registerDeviceSchema);
      if (APP_OF_ROLE[actor.role] !== body.app)
        throw forbidden(`A ${actor.role} account is woken in the ${APP_OF_ROLE[actor.role]} app, not the ${body.app} app.`, 'wrong_app');
      await pushTokens.registerDevice(body.pushToken, actor.id, body.app, body.deviceId ?? null, Date.now());
      return c.json({ pushToken: body.pushToken, app: body.app }, 201);
    })
    .delete('/:pushToken', async (c) => {
      const actor = await requireActor(c, tokens);
      const token = pushTokenSchema.safeParse(c.req.param('pushToken'));
      if (!token.success || !(await pushTokens.unregisterDevice(token.data, actor.id))) throw notFound('This push token');
      return c.body(null, 204);
    });
}
