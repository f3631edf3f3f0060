import type * as Y from 'yjs';
import type { EventId } from '../../shared/ids';
import { markItems, readCausalEvents, type Mark, type MarkIndex, type MarkKey, type ReadEntries } from '../../shared/order/causalEvents';
import { isTerminal } from '../../shared/order/status';
import { OrderFold } from '../../shared/order/orderFold';
import type { OrderHeader } from '../../shared/order/header';
import { eventsArray, orderMap, readHeader, type OrderView } from '../../shared/order/orderDoc';
import type { OrderState } from '../../shared/order/reduceOrder';

/**
 * The committed order of one loaded order document, kept up to date from what each transaction adds
 * to the events array: parsed once, marked with what its author had seen, folded incrementally.
 * Reading the order after a commit costs the same whatever the number of events.
 */
export class OrderLog {
  private readonly index = new Map<MarkKey, Mark>();
  private header: OrderHeader | null = null;
  private fold: OrderFold | null = null;
  private view: OrderView | null = null;

  constructor(private readonly doc: Y.Doc) {
    this.rebuild();
    eventsArray(doc).observe((event) => this.onEvents(event));
    orderMap(doc).observe(() => this.onHeader());
  }

  get size(): number {
    return this.fold?.size ?? 0;
  }

  /** The header and the reduced state, or null while the document has no valid header. */
  orderView(): OrderView | null {
    if (!this.header || !this.fold) return null;
    this.view ??= { header: this.header, state: this.fold.state() };
    return this.view;
  }

  hasEvent(id: EventId): boolean {
    return this.fold?.has(id) ?? false;
  }

  /** Marks entries another copy of the document added (the scratch copy), without touching this log. */
  markAdded(items: Iterable<Y.Item>): ReadEntries {
    return markItems(items, new Overlay(this.index));
  }

  /** The state if `entries` were committed, and whether that would undo a finished order. */
  preview(entries: ReadEntries): { readonly state: OrderState; readonly reopens: boolean } | null {
    if (!this.fold) return null;
    const before = this.fold.state();
    const state = this.fold.preview(entries.events);
    const reopens = isTerminal(before.status) && state.status !== before.status;
    return { state, reopens };
  }

  private onEvents(event: Y.YArrayEvent<unknown>): void {
    const entries = markItems(event.changes.added, this.index);
    this.fold?.add(entries.events);
    this.view = null;
  }

  private onHeader(): void {
    const header = readHeader(this.doc);
    if (header?.type !== this.header?.type) {
      this.rebuild();
      return;
    }
    this.header = header;
    this.view = null;
  }

  private rebuild(): void {
    this.header = readHeader(this.doc);
    this.index.clear();
    const entries = readCausalEvents(eventsArray(this.doc), this.index);
    this.fold = this.header ? new OrderFold({ orderType: this.header.type }) : null;
    this.fold?.add(entries.events);
    this.view = null;
  }
}

/** Reads through to the committed index, writes only to itself. */
class Overlay implements MarkIndex {
  private readonly own = new Map<MarkKey, Mark>();
  constructor(private readonly base: ReadonlyMap<MarkKey, Mark>) {}
  get(key: MarkKey): Mark | undefined {
    return this.own.get(key) ?? this.base.get(key);
  }
  has(key: MarkKey): boolean {
    return this.own.has(key) || this.base.has(key);
  }
  set(key: MarkKey, mark: Mark): void {
    this.own.set(key, mark);
  }
}
