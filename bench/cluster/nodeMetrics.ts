import type { WindowProbe } from '../sync/window';

/** A node's device commits so far: how many, and their summed time (queued, checked, stored, applied, relayed). */
interface Commits {
  readonly count: number;
  readonly seconds: number;
}

function series(text: string, name: string): number {
  const value = new RegExp(`^${name}\\{source="device"\\} ([0-9.e+-]+)$`, 'm').exec(text)?.[1];
  return value === undefined ? 0 : Number(value);
}

async function deviceCommits(url: string): Promise<Commits> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`GET ${url}/metrics: ${res.status}`);
  const text = await res.text();
  return { count: series(text, 'dabba_commit_duration_seconds_count'), seconds: series(text, 'dabba_commit_duration_seconds_sum') };
}

/**
 * Each node's own account of the device commits it made over a measured window, from its /metrics: the
 * server-side share of an ACK's latency (waiting behind the document's earlier writes included), against
 * which the latency a device sees shows the time spent in sockets, queues and waiting for a core.
 */
export class NodeMetrics implements WindowProbe {
  private first: Promise<Commits[]> | null = null;
  private last: Promise<Commits[]> | null = null;

  constructor(private readonly urls: readonly string[]) {}

  start(): void {
    this.first = Promise.all(this.urls.map(deviceCommits));
    this.first.catch(() => undefined);
  }

  stop(): void {
    this.last = Promise.all(this.urls.map(deviceCommits));
    this.last.catch(() => undefined);
  }

  /** Per node, the commits in the window and their mean time in ms; null when /metrics could not be read. */
  async commits(): Promise<{ readonly count: number; readonly meanMs: number }[] | null> {
    if (!this.first || !this.last) return null;
    try {
      const [from, to] = await Promise.all([this.first, this.last]);
      return to.map((end, i) => {
        const count = end.count - (from[i]?.count ?? 0);
        const seconds = end.seconds - (from[i]?.seconds ?? 0);
        return { count, meanMs: count > 0 ? (seconds / count) * 1000 : 0 };
      });
    } catch {
      return null;
    }
  }
}
