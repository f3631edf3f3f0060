import { afterEach, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { DEMO_MENU } from '../../../sync-server/seed/demoCatalog';
import { DEMO_EMAILS } from '../../../sync-server/seed/seedDemo';
import { login } from '../support/api';
import { getJson } from '../support/http';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { DEMO_OUTLET, startTestServer } from '../support/server';

const JWT_SECRET = 'seed-demo-concurrent-test-secret-0123456789';

describe('the demo seed on PostgreSQL', () => {
  const prefix = useRedisPrefixes();
  const servers: DabbaServer[] = [];
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await database?.drop();
    database = null;
  });

  it('seeds once when three nodes start at once on an empty database, and every node signs the demo accounts in', async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, JWT_SECRET, REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: prefix() };
    const starts = await Promise.allSettled([1, 2, 3].map((n) => startTestServer({ ...env, DABBA_NODE_ID: `seed-${n}` })));
    for (const s of starts) if (s.status === 'fulfilled') servers.push(s.value);
    expect(starts.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);

    const sql = servers[0]?.sql;
    if (!sql) throw new Error('no server');
    const users = await sql.selectFrom('users').select(['email', 'role']).orderBy('email').execute();
    expect(users.map((u) => u.email)).toEqual([...DEMO_EMAILS].sort());
    expect(await sql.selectFrom('outlets').select('id').execute()).toEqual([{ id: DEMO_OUTLET }]);
    expect(await sql.selectFrom('drivers').select('user_id').execute()).toHaveLength(1);

    for (const server of servers) {
      // The outlet document was written once: a second writer's catalog would have doubled its lists.
      const menu = await getJson<{ items: { id: string }[] }>(`${server.url}/api/outlets/${DEMO_OUTLET}/menu`);
      expect(menu.status).toBe(200);
      expect(menu.body.items.map((i) => i.id).sort()).toEqual(DEMO_MENU.items.map((i) => i.id).sort());
      for (const role of ['admin', 'outlet', 'driver'] as const) expect((await login(server.url, role)).user.role).toBe(role);
    }
  });
});
