import { MAX_PULL_DOCS } from '../../shared/api/pull';
import type { WakeData, WakeKind } from '../../shared/wake/wakeMessage';
import { clip } from './clip';

const MAX_BODY = 500;
const MAX_TAG = 200;

/** The headline of several wake-ups of one kind for one device. */
const COUNTED: { readonly [K in WakeKind]: (n: number) => string } = {
  new_order: (n) => `${n} new orders`,
  offer: (n) => `${n} delivery offers`,
  assigned: (n) => `${n} deliveries assigned to you`,
  cancelled: (n) => `${n} orders cancelled`,
  unanswered: (n) => `${n} orders waiting for an answer`,
  admin_alert: (n) => `${n} alerts`,
  track_status: (n) => `${n} updates on your order`,
};

/** Which kind a mixed message is filed under: what most needs the person to act, first. */
const URGENCY: readonly WakeKind[] = ['offer', 'new_order', 'unanswered', 'assigned', 'cancelled', 'admin_alert', 'track_status'];

const unionDocs = (messages: readonly WakeData[]): string[] => [...new Set(messages.flatMap((m) => m.docs))].slice(0, MAX_PULL_DOCS);

/** `/outlet/#/board/x` → `/outlet/`: where a message about several things opens its app. */
const appRoot = (open: string): string => {
  const segment = open.split(/[/#?]/)[1];
  return segment ? `/${segment}/` : '/';
};

/** The latest message per tag (a newer status supersedes an older one about the same thing), each with every document its tag named. */
function latestPerTag(batch: readonly WakeData[]): WakeData[] {
  const sameTag = new Map<string, WakeData[]>();
  for (const message of batch) sameTag.set(message.tag, [...(sameTag.get(message.tag) ?? []), message]);
  const seen = new Set<string>();
  const latest: WakeData[] = [];
  for (const message of [...batch].reverse()) {
    if (seen.has(message.tag)) continue;
    seen.add(message.tag);
    latest.unshift({ ...message, docs: unionDocs(sameTag.get(message.tag) ?? [message]) });
  }
  return latest;
}

/**
 * One message for every wake-up gathered for one device in a short window, in the order they came:
 * "3 new orders" with each order's line and every document they named (pulled in one go). An
 * expiring message keeps an expiry only when everything in it expires.
 */
export function mergeWakes(batch: readonly WakeData[]): WakeData | null {
  const messages = latestPerTag(batch);
  const [first] = messages;
  if (!first) return null;
  if (messages.length === 1) return first;
  const kinds = new Set(messages.map((m) => m.kind));
  const kind = kinds.size === 1 ? first.kind : (URGENCY.find((k) => kinds.has(k)) ?? first.kind);
  const opens = new Set(messages.map((m) => m.open));
  const expiries = messages.map((m) => m.expiresAt);
  const merged: WakeData = {
    dabba: '1',
    kind,
    docs: unionDocs(messages),
    title: kinds.size === 1 ? COUNTED[kind](messages.length) : `${messages.length} updates`,
    body: clip(messages.map((m) => m.body).join('\n'), MAX_BODY),
    open: opens.size === 1 ? first.open : appRoot(first.open),
    tag: clip(`batch:${first.tag}`, MAX_TAG),
  };
  if (expiries.every((e) => e !== undefined)) return { ...merged, expiresAt: String(Math.max(...expiries.map(Number))) };
  return merged;
}
