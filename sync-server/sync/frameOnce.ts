/**
 * A relayed update (or presence change) becomes the same frame for every subscriber of one kind that it
 * goes to, and SyncedDoc hands them all the same Uint8Array: the frame is encoded once per update, not
 * once per device, and kept only as long as the update itself is (a WeakMap). An update only ever
 * belongs to one document, so a frame that names the document is still the same for all of them.
 */
export class FrameOnce {
  private readonly frames = new WeakMap<Uint8Array, Uint8Array>();

  of(update: Uint8Array, encode: () => Uint8Array): Uint8Array {
    let frame = this.frames.get(update);
    if (frame === undefined) {
      frame = encode();
      this.frames.set(update, frame);
    }
    return frame;
  }
}
