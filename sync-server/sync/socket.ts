import type { WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/protocol/closeCodes';
import { MAX_REJECTS_PER_MINUTE } from '../../shared/protocol/limits';

/** Bytes queued to a device before it counts as too slow to keep. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** The parts every connection shares: safe sends, named closes, and a budget of refusals. */
export class DeviceSocket {
  private rejects: number[] = [];

  constructor(readonly ws: WebSocket) {}

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(frame: Uint8Array): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.ABUSE, 'too slow to keep up');
      return;
    }
    this.ws.send(frame);
  }

  close(code: CloseCode, reason: string = CLOSE_REASONS[code]): void {
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    this.ws.close(code, reason.slice(0, 120));
  }

  /** Counts a refusal; closes with ABUSE (and returns false) once the per-minute budget is spent. */
  countReject(now = Date.now()): boolean {
    this.rejects = this.rejects.filter((t) => now - t < 60_000);
    this.rejects.push(now);
    if (this.rejects.length > MAX_REJECTS_PER_MINUTE) {
      this.close(CloseCode.ABUSE);
      return false;
    }
    return true;
  }
}
