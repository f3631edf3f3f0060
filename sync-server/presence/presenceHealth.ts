import type { Logger } from '../log';

/**
 * Whether presence is shared through Redis right now. It says so in the log once per change, not once
 * per failed command: a flapping Redis gives one line when presence degrades and one when it recovers.
 */
export class PresenceHealth {
  private state: 'starting' | 'ok' | 'degraded' = 'starting';
  private readonly waiters = new Set<() => void>();

  constructor(private readonly log: Logger) {}

  get status(): 'ok' | 'degraded' {
    return this.state === 'ok' ? 'ok' : 'degraded';
  }

  /** Redis took a full re-registration of this node's sockets. */
  ok(sockets: number): void {
    if (this.state === 'ok') return;
    if (this.state === 'degraded') this.log.info('presence recovered: Redis is reachable again', { sockets });
    else this.log.info('presence is shared through Redis', { sockets });
    this.state = 'ok';
    this.settle();
  }

  degraded(error: unknown): void {
    if (this.state === 'degraded') return;
    this.log.error("presence degraded: Redis is unreachable; only this node's sockets are listed until it returns", {
      error: error instanceof Error ? error.message : String(error),
    });
    this.state = 'degraded';
    this.settle();
  }

  /** Resolves once the first attempt to reach Redis has an outcome, either way. */
  settled(): Promise<void> {
    return this.state === 'starting' ? new Promise((resolve) => this.waiters.add(resolve)) : Promise.resolve();
  }

  private settle(): void {
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}
