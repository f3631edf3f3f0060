import { Hono, type Context } from 'hono';
import { newUserSchema, userPatchSchema, usersQuerySchema, type UserResponse, type UsersList } from '../../shared/api/adminUsers';
import { UserIdSchema, type UserId } from '../../shared/ids';
import { startOfLocalDay } from '../../shared/order/board';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import type { AddDriverDeps } from '../drivers/addDriver';
import { notFound, valueOrThrow, type HttpStatuses } from '../errors';
import { changeUser, type ChangeRefusal, type ChangeUserDeps } from '../people/changeUser';
import { createUser, type CreateRefusal } from '../people/createUser';
import { describeUsers, type DescribeDeps } from '../people/describeUsers';
import { requireAdmin } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { jsonBody, queryParams } from './validate';

export interface AdminUserRouteDeps extends AddDriverDeps, ChangeUserDeps, DescribeDeps {
  readonly tokens: TokenService;
  readonly clock: Clock;
}

const STATUSES: HttpStatuses<CreateRefusal | ChangeRefusal> = {
  email_taken: 409,
  unknown_outlet: 422,
  not_found: 404,
  cannot_disable_self: 409,
  last_admin: 409,
  not_outlet_staff: 422,
};

function userParam(c: Context): UserId {
  const id = UserIdSchema.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('The user');
  return id.data;
}

/** `/api/admin/users` (admins): list, create and change accounts. Shapes in shared/api/adminUsers.ts. */
export function adminUserRoutes(deps: AdminUserRouteDeps): Hono {
  const described = async (id: UserId): Promise<UserResponse> => {
    const user = await deps.users.findById(id);
    if (!user) throw notFound('The user');
    const [listed] = await describeUsers(deps, [user], startOfLocalDay(deps.clock.now()));
    if (!listed) throw notFound('The user');
    return { user: listed };
  };

  return new Hono()
    .get('/', async (c) => {
      await requireAdmin(c, deps.tokens, 'The list of accounts');
      const query = queryParams(c, usersQuerySchema);
      const since = query.since ?? startOfLocalDay(deps.clock.now());
      const users = (await deps.users.list()).filter(
        (u) => (query.role ?? u.role) === u.role && (query.outletId ?? u.outletId) === u.outletId,
      );
      c.header('Cache-Control', 'private, no-store');
      return c.json({ since, users: await describeUsers(deps, users, since) } satisfies UsersList);
    })
    .post('/', limitBody(BODY_LIMITS.form), async (c) => {
      await requireAdmin(c, deps.tokens, 'Adding accounts');
      const body = await jsonBody(c, newUserSchema);
      const id = valueOrThrow(await createUser(deps, body, deps.clock.now()), STATUSES);
      return c.json(await described(id), 201);
    })
    .patch('/:id', limitBody(BODY_LIMITS.form), async (c) => {
      const admin = await requireAdmin(c, deps.tokens, 'Changing accounts');
      const id = userParam(c);
      const patch = await jsonBody(c, userPatchSchema);
      valueOrThrow(await changeUser(deps, admin.id, id, patch, deps.clock.now()), STATUSES);
      return c.json(await described(id));
    });
}
