import type { UserId } from '../../shared/ids';
import type { UserRepo } from '../storage/users';
import type { TokenRefusal } from '../../shared/api/tokenRefusals';

/** Why a user's sessions ended: the refusal their tokens now get. */
export type SessionsEnded = Extract<TokenRefusal, 'account_disabled' | 'session_revoked'>;
export type SessionsEndedListener = (userId: UserId, why: SessionsEnded) => void;

/**
 * Disables, enables and signs users out everywhere. Storage makes old tokens fail on their next use;
 * the event lets the sync layer close that user's live sockets at once (in this process: several
 * nodes need it carried between them).
 */
export class AccountControl {
  private readonly listeners = new Set<SessionsEndedListener>();

  constructor(private readonly users: UserRepo) {}

  /** Disables the user and ends every session they have; false if there is no such user. */
  disableUser(id: UserId): boolean {
    return this.end(id, this.users.disableUser(id), 'account_disabled');
  }

  /** Lets the user sign in again; their old tokens stay revoked. False if there is no such user. */
  enableUser(id: UserId): boolean {
    return this.users.enableUser(id);
  }

  /** Signs the user out on every device (new sign-ins still work); false if there is no such user. */
  revokeSessions(id: UserId): boolean {
    return this.end(id, this.users.revokeSessions(id), 'session_revoked');
  }

  onSessionsEnded(listener: SessionsEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private end(id: UserId, changed: boolean, why: SessionsEnded): boolean {
    if (changed) for (const listener of this.listeners) listener(id, why);
    return changed;
  }
}
