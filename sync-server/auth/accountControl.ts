import type { UserId } from '../../shared/ids';
import type { UserRepo } from '../storage/users';
import type { TokenRefusal } from '../../shared/api/tokenRefusals';

/** Why a user's sessions ended: the refusal their tokens now get. */
export type SessionsEnded = Extract<TokenRefusal, 'account_disabled' | 'session_revoked'>;
/** Told once the change is stored; a promise it returns is awaited, so it must not reject (log instead). */
export type SessionsEndedListener = (userId: UserId, why: SessionsEnded) => void | Promise<void>;

/**
 * Disables, enables and signs users out everywhere. Storage makes old tokens fail on their next use;
 * the event lets the sync layer close that user's live sockets at once (in this process: several
 * nodes need it carried between them).
 */
export class AccountControl {
  private readonly listeners = new Set<SessionsEndedListener>();

  constructor(private readonly users: UserRepo) {}

  /** Disables the user and ends every session they have; false if there is no such user. */
  async disableUser(id: UserId): Promise<boolean> {
    return this.end(id, await this.users.disableUser(id), 'account_disabled');
  }

  /** Lets the user sign in again; their old tokens stay revoked. False if there is no such user. */
  enableUser(id: UserId): Promise<boolean> {
    return this.users.enableUser(id);
  }

  /** Signs the user out on every device (new sign-ins still work); false if there is no such user. */
  async revokeSessions(id: UserId): Promise<boolean> {
    return this.end(id, await this.users.revokeSessions(id), 'session_revoked');
  }

  onSessionsEnded(listener: SessionsEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells the listeners that the user's sessions ended: for a caller that disabled or revoked through a
   * UserRepo of its own transaction, once that transaction has committed.
   */
  async sessionsEnded(id: UserId, why: SessionsEnded): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener(id, why)));
  }

  private async end(id: UserId, changed: boolean, why: SessionsEnded): Promise<boolean> {
    if (changed) await this.sessionsEnded(id, why);
    return changed;
  }
}
