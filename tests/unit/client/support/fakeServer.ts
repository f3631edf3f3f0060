import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { decodeMux, encodeMux, MuxType, type MuxMessage } from '../../../../shared/protocol/muxMessages';
import type { RejectCode } from '../../../../shared/protocol/rejectCodes';
import type { SocketHandlers } from '../../../../client/common/sync/reconnectingSocket';

/**
 * The server end of the device's socket, driven by the test: it records what the device sent
 * and lets the test answer with ACK, REJECT, REFUSED or relayed updates.
 */
export class FakeServer {
  private handlers: SocketHandlers | null = null;
  received: MuxMessage[] = [];
  connections = 0;

  readonly connect = (_url: string, handlers: SocketHandlers) => {
    this.handlers = handlers;
    this.connections += 1;
    return {
      send: (frame: Uint8Array) => {
        this.received.push(decodeMux(frame));
      },
      close: () => {
        this.handlers = null;
      },
    };
  };

  open(): void {
    this.required().onOpen();
  }

  drop(code = 1006): void {
    const handlers = this.required();
    this.handlers = null;
    handlers.onClose(code, '');
  }

  ack(doc: string, seq: number): void {
    this.deliver({ type: MuxType.ACK, doc, seq });
  }

  reject(doc: string, seq: number, code: RejectCode, message: string): void {
    this.deliver({ type: MuxType.REJECT, doc, seq, code, message });
  }

  refuse(doc: string, code: RejectCode, message: string): void {
    this.deliver({ type: MuxType.REFUSED, doc, code, message });
  }

  relay(doc: string, update: Uint8Array): void {
    const e = encoding.createEncoder();
    syncProtocol.writeUpdate(e, update);
    this.deliver({ type: MuxType.SYNC, doc, payload: encoding.toUint8Array(e) });
  }

  askFor(doc: string, stateVector: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
    this.deliver({ type: MuxType.SYNC, doc, payload: encoding.toUint8Array(e) });
  }

  /** UPDATE frames the device sent, in order. */
  updates(): Extract<MuxMessage, { type: 2 }>[] {
    return this.received.filter((m): m is Extract<MuxMessage, { type: 2 }> => m.type === MuxType.UPDATE);
  }

  /** Documents the device subscribed (sent SYNC step1 for), in order. */
  subscriptions(): string[] {
    return this.received.filter((m) => m.type === MuxType.SYNC && m.payload[0] === syncProtocol.messageYjsSyncStep1).map((m) => m.doc);
  }

  private deliver(message: MuxMessage): void {
    this.required().onFrame(encodeMux(message));
  }

  private required(): SocketHandlers {
    if (!this.handlers) throw new Error('the device is not connected');
    return this.handlers;
  }
}
