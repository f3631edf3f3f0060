import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newUserId, type UserId } from '../../../../shared/ids';
import type { LiveDevice } from '../../../../shared/api/presence';
import type { WakeData } from '../../../../shared/wake/wakeMessage';
import { systemClock } from '../../../../sync-server/clock';
import { createLogger } from '../../../../sync-server/log';
import { migrate } from '../../../../sync-server/storage/migrations';
import { PushTokens } from '../../../../sync-server/storage/pushTokens';
import { sqliteKysely } from '../../../../sync-server/storage/sql/sqlite';
import { UserRepo } from '../../../../sync-server/storage/users';
import type { PushSender, SendOutcome } from '../../../../sync-server/wake/pushSender';
import { WakeService } from '../../../../sync-server/wake/wakeService';

const data = (title: string): WakeData => ({
  dabba: '1',
  kind: 'assigned',
  docs: ['order:o1'],
  title,
  body: '',
  open: '/driver/',
  tag: 't',
});
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A service over a driver with one phone, whose presence answers a task later than it is asked. */
async function serviceForADriver(): Promise<{ service: WakeService; driver: UserId }> {
  const db = new Database(':memory:');
  migrate(db);
  const sql = sqliteKysely(db);
  const driver = newUserId();
  await new UserRepo(sql).insert({
    id: driver,
    email: 'rider@example.com',
    name: 'Rider',
    role: 'driver',
    outletId: null,
    passwordHash: 'x',
  });
  const tokens = new PushTokens(sql);
  await tokens.registerDevice('phone-token', driver, 'driver', null, Date.now());
  const sender: PushSender = {
    send: (): Promise<SendOutcome> => Promise.resolve({ ok: true, value: undefined }),
    close: () => Promise.resolve(),
  };
  const later = async (): Promise<LiveDevice[]> => {
    await nextTask();
    return [];
  };
  const service = new WakeService({
    tokens,
    presence: { devicesOfUser: later, devicesOfOutlet: later },
    sender,
    clock: systemClock,
    log: createLogger('silent'),
    coalesceMs: 60_000,
  });
  closing.push(async () => {
    await service.close();
    await sql.destroy();
  });
  return { service, driver };
}

describe('WakeService', () => {
  it('has the wake-up queued for the device by the time wake resolves', async () => {
    const { service, driver } = await serviceForADriver();
    await service.wake({ kind: 'user', userId: driver }, data('Assigned'));
    expect(service.pending).toBe(1);
  });
});
