import { z } from 'zod';
import { adminUserSchema, type AdminUser, type NewUser, type UserPatch } from '../../../../shared/api/adminUsers';
import type { UserId } from '../../../../shared/ids';
import { startOfLocalDay } from '../../../../shared/order/board';
import type { Answer } from '../../../common/api/http';
import type { Device } from '../../../common/device/device';
import { changeUser, createUser, fetchUsers } from '../api/usersApi';
import { readMetaJson, writeMetaJson } from '../store/metaJson';
import { SnapshotSource } from '../store/snapshotSource';
import { whileConnected } from '../store/whileConnected';

export interface UsersSnapshot {
  readonly users: readonly AdminUser[];
  /** When this device last heard the list (its clock); null when never. Drivers' "today" is as of then. */
  readonly fetchedAt: number | null;
}

export type UserDirectoryHost = Pick<Device, 'db' | 'getSnapshot' | 'subscribe'>;

const keptSchema = z.object({ users: z.array(adminUserSchema), fetchedAt: z.number() });
const META_KEY = 'admin:users';
/** Shift state, deliveries and cash move through the day; a change made here is shown at once anyway. */
export const USERS_EVERY_MS = 30_000;

const signedOutAnswer = <T>(): Answer<T> => ({
  ok: false,
  error: { code: 'unauthorized', message: 'Sign in again to change accounts.', details: { status: 401 } },
});

/**
 * Every account as the server last described it, asked every 30 s while the device is connected and
 * kept on the device (like the drivers list) so it stays readable offline. Creating and changing
 * accounts needs the server: they are never queued on the device, since a disable that waits is no disable.
 */
export class UserDirectory extends SnapshotSource<UsersSnapshot> {
  private asking = false;
  /** Counts changes the server took; a list asked for before one of them is older than what is shown. */
  private changes = 0;

  private constructor(private readonly host: UserDirectoryHost) {
    super({ users: [], fetchedAt: null });
  }

  static async open(host: UserDirectoryHost): Promise<UserDirectory> {
    const directory = new UserDirectory(host);
    const kept = await readMetaJson(host.db, META_KEY, keptSchema);
    if (kept) directory.publish(kept);
    whileConnected(host, USERS_EVERY_MS, () => void directory.refresh());
    return directory;
  }

  /** Asks now; nothing happens offline or signed out. */
  async refresh(): Promise<void> {
    const token = this.token();
    if (!token || this.asking) return;
    this.asking = true;
    try {
      const fetchedAt = Date.now();
      const changesBefore = this.changes;
      const answer = await fetchUsers(token, startOfLocalDay(fetchedAt));
      if (answer.ok && changesBefore === this.changes) await this.keep({ users: answer.value.users, fetchedAt });
    } finally {
      this.asking = false;
    }
  }

  async create(user: NewUser): Promise<Answer<AdminUser>> {
    const token = this.token();
    if (!token) return signedOutAnswer();
    const answer = await createUser(token, user);
    if (answer.ok) await this.replace(answer.value);
    return answer;
  }

  async change(id: UserId, patch: UserPatch): Promise<Answer<AdminUser>> {
    const token = this.token();
    if (!token) return signedOutAnswer();
    const answer = await changeUser(token, id, patch);
    if (answer.ok) await this.replace(answer.value);
    return answer;
  }

  private token(): string | null {
    return this.host.getSnapshot().session?.token ?? null;
  }

  /** Puts the server's answer for one account in the list at once, then asks for the whole list (its order). */
  private async replace(user: AdminUser): Promise<void> {
    this.changes += 1;
    const { users, fetchedAt } = this.getSnapshot();
    const known = users.some((u) => u.id === user.id);
    const next = known ? users.map((u) => (u.id === user.id ? user : u)) : [...users, user];
    await this.keep({ users: next, fetchedAt: fetchedAt ?? Date.now() });
    void this.refresh();
  }

  private async keep(snapshot: { readonly users: readonly AdminUser[]; readonly fetchedAt: number }): Promise<void> {
    this.publish(snapshot);
    await writeMetaJson(this.host.db, META_KEY, snapshot);
  }
}
