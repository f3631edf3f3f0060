import type { WebSocket } from 'ws';
import type { UserId } from '../../shared/ids';
import type { CloseCode } from '../../shared/protocol/closeCodes';

/** The open sockets of each signed-in user, so all of one user's devices can be closed at once. */
export class UserSockets {
  private readonly byUser = new Map<UserId, Set<WebSocket>>();

  add(userId: UserId, ws: WebSocket): void {
    const sockets = this.byUser.get(userId) ?? new Set<WebSocket>();
    sockets.add(ws);
    this.byUser.set(userId, sockets);
    ws.once('close', () => {
      sockets.delete(ws);
      if (sockets.size === 0 && this.byUser.get(userId) === sockets) this.byUser.delete(userId);
    });
  }

  closeAll(userId: UserId, code: CloseCode, reason: string): void {
    for (const ws of this.byUser.get(userId) ?? []) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason.slice(0, 120));
    }
  }
}
