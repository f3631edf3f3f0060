import type { BenchDevice, DeviceListener } from '../../sync/device';

interface Waiting {
  resolve(): void;
  reject(err: Error): void;
}

/** Waits for the server's answer to each update a device sends; relays are of no interest here. */
export class AckWaiter implements DeviceListener {
  private readonly waiting = new Map<string, Waiting>();

  /** Appends `event` to `doc` on `device`; resolves on ACK, rejects on REJECT or when the socket closes first. */
  append(device: BenchDevice, doc: string, event: object): Promise<void> {
    const { seq } = device.append(doc, event);
    return new Promise((resolve, reject) => this.waiting.set(`${device.index}#${seq}`, { resolve, reject }));
  }

  relayed(): void {}

  answered(device: BenchDevice, doc: string, seq: number, _at: number, rejected: string | null): void {
    const key = `${device.index}#${seq}`;
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    this.waiting.delete(key);
    if (rejected === null) waiting.resolve();
    else waiting.reject(new Error(`device ${device.index}: ${doc} update ${seq} rejected (${rejected})`));
  }

  closed(device: BenchDevice, code: number): void {
    for (const [key, waiting] of this.waiting) {
      if (!key.startsWith(`${device.index}#`)) continue;
      this.waiting.delete(key);
      waiting.reject(new Error(`device ${device.index}: socket closed (${code}) before the server answered`));
    }
  }
}
