import type { ChaosDevice } from './chaosDevice';
import { ServerConnection, type ServerProcess } from './mortalServer';

/**
 * One socket between a device and the server. Each direction is a FIFO, as a WebSocket is; frames
 * move only when a step delivers them. A connection the device has given up on may still be open on
 * the server (a half-open socket after a tunnel): its frames can reach the server later, interleaved
 * with the device's new connection, until the server notices (`reap`).
 */
export class Connection {
  readonly up: Uint8Array[] = [];
  readonly down: Uint8Array[] = [];
  deviceOpen = true;
  readonly server: ServerConnection;

  constructor(
    readonly device: ChaosDevice,
    process: ServerProcess,
    clock: () => number,
  ) {
    this.server = new ServerConnection(
      device.actor,
      process,
      (frame) => {
        if (this.deviceOpen) this.down.push(frame);
      },
      clock,
    );
  }

  /** The server reads up to `count` frames, in order. */
  async deliverUp(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const frame = this.up.shift();
      if (!frame) return;
      await this.server.receive(frame);
    }
  }

  /** The device reads up to `count` frames, in order. */
  deliverDown(count: number): void {
    for (let i = 0; i < count && this.deviceOpen; i++) {
      const frame = this.down.shift();
      if (!frame) return;
      this.device.receive(frame);
    }
  }

  /** The device drops the socket; what it had not read is gone, what it sent may still arrive. */
  dropOnDevice(): void {
    if (!this.deviceOpen) return;
    this.deviceOpen = false;
    this.down.length = 0;
    if (this.device.wire === this.sendUp) this.device.wire = null;
  }

  /** The server notices the socket is gone: frames still in flight are lost. */
  reap(): void {
    this.dropOnDevice();
    this.up.length = 0;
    this.server.close();
  }

  readonly sendUp = (frame: Uint8Array): void => {
    if (this.deviceOpen) this.up.push(frame);
  };
}
