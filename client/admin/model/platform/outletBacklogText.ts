import { unsyncedBoundMs, type OutletBacklog } from '../../../../shared/api/adminPlatform';
import { clockTime } from '../../../common/ui/clockTime';

/** "40 s", "12 min", "3 h 5 min", "2 d 4 h": how long something has waited. */
export function waitedText(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${Math.floor(hours / 24)} d`;
}

/** Device ids are long and random; their start tells an outlet's few devices apart. */
const deviceName = (id: string): string => `device ${id.slice(0, 6)}`;

/** One outlet's row: what is known to wait on its devices, and what may. */
export interface BacklogText {
  /** Connected devices, or since when none has been. */
  readonly devices: string;
  /** The oldest change its devices reported waiting: known to wait (read after "Reported:"). */
  readonly reported: string;
  /** How old the oldest change can be at most, and why; or why nobody can tell (read after "At most:"). */
  readonly bound: string;
  /** Something waits, may wait, or nobody can tell: worth a look. */
  readonly attention: boolean;
}

/** The words for one outlet's unsynced changes at `now` (server time), honest about what is only a bound. */
export function backlogText(backlog: OutletBacklog, now: number): BacklogText {
  const { oldest, unseenSince, lastHeardAt, connected, unreported } = backlog;
  const devices =
    connected > 0
      ? `${connected} connected`
      : lastHeardAt !== null
        ? `None connected since ${clockTime(lastHeardAt)} (${waitedText(now - lastHeardAt)})`
        : 'None connected or heard from while the server kept track';

  const reported = oldest
    ? `Made ${clockTime(oldest.at)}, waiting ${waitedText(now - oldest.at)}, on ${deviceName(oldest.deviceId)} — ` +
      (oldest.connected
        ? `reported ${clockTime(oldest.reportedAt)}`
        : `its last report, at ${clockTime(oldest.reportedAt)}, before it went`)
    : 'none';

  const boundMs = unsyncedBoundMs(backlog, now);
  let bound: string;
  if (boundMs === null) {
    bound =
      unreported > 0
        ? `unknown — ${unreported} device${unreported === 1 ? '' : 's'} on an app too old to report`
        : 'unknown — no device heard from';
  } else if (boundMs === 0) {
    bound = 'nothing waiting';
  } else if (unseenSince && unseenSince.at < (oldest?.at ?? Infinity)) {
    bound = `${waitedText(boundMs)} — changes made on ${deviceName(unseenSince.deviceId)} since about ${clockTime(unseenSince.at)}, when it was last connected, may be waiting`;
  } else {
    bound = `${waitedText(boundMs)} — the oldest reported`;
  }
  return { devices, reported, bound, attention: boundMs !== 0 };
}
