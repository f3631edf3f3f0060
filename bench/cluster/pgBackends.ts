import pg from 'pg';
import { readProc } from '../sync/procStats';
import type { WindowProbe } from '../sync/window';

interface Reading {
  readonly at: number;
  /** CPU seconds so far of each backend serving the database. */
  readonly cpuS: ReadonlyMap<number, number>;
  /**
   * Transactions committed and rolled back in the database so far. A lost seq race rolls back only when
   * the append claimed client ids or wrote rows along; a plain append is one statement that commits,
   * having changed nothing.
   */
  readonly commits: number;
  readonly rollbacks: number;
}

export interface PgWindow {
  /** The backends' CPU, % of one core. */
  readonly percent: number;
  /** Backends at the end of the window. */
  readonly backends: number;
  /** Transactions over the window (pg_stat_database, which backends report about once a second). */
  readonly commits: number;
  readonly rollbacks: number;
}

/**
 * The CPU of the PostgreSQL backends serving one database (the nodes' connection pools), from
 * pg_stat_activity and /proc, over a measured window. PostgreSQL runs on this machine for everyone; its
 * backends for this database are the bench's alone. A backend that ends inside the window takes its
 * CPU with it, so this is a lower bound (the nodes' pools keep their connections while busy).
 */
export class PgBackends implements WindowProbe {
  private readonly client: pg.Client;
  private first: Promise<Reading> | null = null;
  private last: Promise<Reading> | null = null;

  constructor(databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl, application_name: 'dabba-bench-probe' });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  start(): void {
    this.first = this.read();
    this.first.catch(() => undefined);
  }

  stop(): void {
    this.last = this.read();
    this.last.catch(() => undefined);
  }

  /** The window's reading; null when it could not be read. */
  async reading(): Promise<PgWindow | null> {
    if (!this.first || !this.last) return null;
    try {
      const [from, to] = await Promise.all([this.first, this.last]);
      let used = 0;
      for (const [pid, cpuS] of to.cpuS) used += cpuS - (from.cpuS.get(pid) ?? 0);
      const wallS = (to.at - from.at) / 1000;
      return {
        percent: wallS > 0 ? (used / wallS) * 100 : 0,
        backends: to.cpuS.size,
        commits: to.commits - from.commits,
        rollbacks: to.rollbacks - from.rollbacks,
      };
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  private async read(): Promise<Reading> {
    const at = performance.now();
    const rows = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const cpuS = new Map<number, number>();
    for (const { pid } of rows.rows) {
      try {
        cpuS.set(pid, readProc(pid).cpuS);
      } catch {
        // ended between the query and the read
      }
    }
    const stats = await this.client.query<{ commits: string; rollbacks: string }>(
      'SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = current_database()',
    );
    const row = stats.rows[0];
    return { at, cpuS, commits: Number(row?.commits ?? 0), rollbacks: Number(row?.rollbacks ?? 0) };
  }
}
