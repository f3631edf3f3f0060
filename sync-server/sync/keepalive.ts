import type { WebSocket } from 'ws';

/** Slices a keepalive period is cut into: one is pinged per tick (every period / SLICES, 100 ms at 30 s). */
const MAX_SLICES = 300;
const MIN_TICK_MS = 100;

/**
 * Pings every socket once per `periodMs` and terminates one that has not answered its previous ping
 * by the time the next is due (after one to two periods): a phone that drove into a tunnel leaves a
 * half-open socket. Sockets are dealt into slices and one slice is pinged per tick, so the work is
 * spread evenly over the period: pinging all of them at once held the event loop for ~0.4 s at 10,000
 * sockets every period, and every update relayed meanwhile waited (bench:sync).
 */
export class Keepalive {
  private readonly slices: Set<WebSocket>[];
  private readonly alive = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;
  private dealt = 0;
  private due = 0;

  constructor(periodMs: number) {
    const count = Math.max(1, Math.min(MAX_SLICES, Math.floor(periodMs / MIN_TICK_MS)));
    this.slices = Array.from({ length: count }, () => new Set<WebSocket>());
    this.timer = setInterval(() => this.tick(), periodMs / count);
    this.timer.unref();
  }

  /** Watches `ws` from now until it closes. */
  add(ws: WebSocket): void {
    const slice = this.slices[this.dealt++ % this.slices.length];
    if (!slice) return;
    slice.add(ws);
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.once('close', () => slice.delete(ws));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const slice = this.slices[this.due];
    this.due = (this.due + 1) % this.slices.length;
    for (const ws of slice ?? []) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}
