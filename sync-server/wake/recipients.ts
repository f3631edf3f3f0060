import type { LiveDevice } from '../../shared/api/presence';
import type { UserId } from '../../shared/ids';
import type { Presence } from '../presence/presence';
import type { PushRecipient, PushTokens } from '../storage/pushTokens';
import type { WakeTarget } from './waker';

/** What wake-ups read of presence: who has a live socket. */
export type LivePresence = Pick<Presence, 'devicesOfUser' | 'devicesOfOutlet'>;

/** The tokens a target reaches before presence is asked. */
export function tokensOf(target: WakeTarget, tokens: PushTokens): Promise<PushRecipient[]> {
  switch (target.kind) {
    case 'user':
      return tokens.ofUser(target.userId);
    case 'outlet':
      return tokens.ofOutlet(target.outletId);
    case 'admins':
      return tokens.ofAdmins();
    case 'track':
      return tokens.ofTrack(target.token);
  }
}

/**
 * Is this device already connected? By its device id when it registered one; otherwise any live
 * socket of its user in its app counts (a client that names no app, such as the stock y-websocket
 * client, counts for every app).
 */
export function isLive(recipient: PushRecipient, live: readonly LiveDevice[]): boolean {
  if (recipient.deviceId !== null) return live.some((d) => d.deviceId === recipient.deviceId);
  return live.some((d) => d.userId === recipient.userId && (d.app === recipient.app || d.app === 'unknown'));
}

/**
 * Which of `candidates` to wake, by WakeTarget's rules: a user or an outlet only when none of its
 * devices is connected (an escalation: each device whose own socket is not live); admins each by their
 * own devices; customers always (they have no sockets presence knows of).
 */
export async function toWake(target: WakeTarget, candidates: readonly PushRecipient[], presence: LivePresence): Promise<PushRecipient[]> {
  if (candidates.length === 0) return [];
  switch (target.kind) {
    case 'track':
      return [...candidates];
    case 'user':
      return (await presence.devicesOfUser(target.userId)).length > 0 ? [] : [...candidates];
    case 'outlet': {
      const live = await presence.devicesOfOutlet(target.outletId);
      if (!target.escalate) return live.length > 0 ? [] : [...candidates];
      return candidates.filter((r) => !isLive(r, live));
    }
    case 'admins': {
      const admins = [...new Set(candidates.flatMap((r) => (r.userId ? [r.userId] : [])))];
      const live = (await Promise.all(admins.map((id: UserId) => presence.devicesOfUser(id)))).flat();
      return candidates.filter((r) => !isLive(r, live));
    }
  }
}
