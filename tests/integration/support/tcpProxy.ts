import net from 'node:net';

/**
 * A loopback TCP proxy the test can cut (every connection dropped, new ones refused) and restore, or
 * freeze (every byte dropped both ways while the connections stay open, as a network partition or a
 * paused peer looks to the client). Over
 * several targets it is a round-robin load balancer that skips a target refusing connections, as a
 * load balancer in front of several nodes takes a dead node out.
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private open = true;
  private frozen = false;
  private next = 0;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly targets: readonly number[],
  ) {}

  static to(targetPort: number): Promise<TcpProxy> {
    return TcpProxy.over([targetPort]);
  }

  static async over(targetPorts: readonly number[]): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = net.createServer((client) => {
      if (!proxy?.open) client.destroy();
      else proxy.forward(client, targetPorts.length);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    proxy = new TcpProxy(server, address.port, targetPorts);
    return proxy;
  }

  cut(): void {
    this.open = false;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.open = true;
  }

  freeze(): void {
    this.frozen = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Connects `client` to the next target that accepts, trying each at most once. */
  private forward(client: net.Socket, triesLeft: number): void {
    const port = this.targets[this.next % this.targets.length] ?? 0;
    this.next += 1;
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    client.pause();
    upstream.once('error', () => {
      if (!connected && triesLeft > 1) this.forward(client, triesLeft - 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      client.resume();
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(a);
        a.on('data', (chunk: Buffer) => {
          if (!this.frozen) b.write(chunk);
        });
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
      }
    });
  }
}
