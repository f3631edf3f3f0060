import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';

/**
 * Copies of one committed document to try a write on before it is stored (see DocWriter): a write takes a
 * copy equal to the document, and hands it back only if the copy is still equal once the write is done.
 * Invariant: a copy kept between writes holds exactly what the committed document holds.
 */
export class ScratchCopies {
  private kept: Y.Doc | null = null;
  /**
   * Orders and tracking links are many and small: their writes are nearly all plain appends (checked with
   * no copy) or the server's occasional changes, and a copy kept for each would double their memory.
   * Inboxes, outlets and cash ledgers are few and written through a copy every time: theirs is kept.
   */
  private readonly keeps: boolean;
  /** Copies made from the document (not reused): each costs a full encode and apply of it. */
  made = 0;

  constructor(
    private readonly committed: Y.Doc,
    ref: DocRef,
  ) {
    this.keeps = ref.kind !== 'order' && ref.kind !== 'track';
  }

  /** A copy equal to the committed document, for one write: the kept one, or a new one. */
  take(): Y.Doc {
    const copy = this.kept;
    this.kept = null;
    if (copy) return copy;
    this.made += 1;
    const fresh = new Y.Doc({ gc: true, guid: this.committed.guid });
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(this.committed));
    return fresh;
  }

  /** After a write that left `copy` equal to the committed document again. */
  giveBack(copy: Y.Doc): void {
    if (this.keeps && this.kept === null) this.kept = copy;
    else copy.destroy();
  }

  /** An update reached the committed document without a write (another node stored it): the kept copy takes it too. */
  follow(update: Uint8Array): void {
    if (this.kept) Y.applyUpdate(this.kept, update);
  }

  /** The committed document moved on in a way the kept copy did not follow. */
  drop(): void {
    this.kept?.destroy();
    this.kept = null;
  }
}
