import type * as Y from 'yjs';
import type { EventId } from '../../shared/ids';
import {
  keyOf,
  markItems,
  readCausalEvents,
  type Mark,
  type MarkIndex,
  type MarkKey,
  type ParseEvent,
  type ReadEntries,
} from '../../shared/order/causalEvents';
import { parseOrderEvent } from '../../shared/order/events';
import { isTerminal } from '../../shared/order/status';
import { OrderFold } from '../../shared/order/orderFold';
import type { OrderHeader } from '../../shared/order/header';
import { eventsArray, orderMap, readHeader, type OrderView } from '../../shared/order/orderDoc';
import type { OrderState } from '../../shared/order/reduceOrder';
import { itemsAdded } from './itemsAdded';

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
  /** Bumped whenever the index changes: checked entries are only as good as the index they were read from. */
  private version = 0;
  /** The checked entries of the update being applied by applyChecked, while it is. */
  private applying: CheckedEntries | null = null;

  /** `parse` reads an entry as an event (parseOrderEvent; tests count its calls). */
  constructor(
    private readonly doc: Y.Doc,
    private readonly parse: ParseEvent = parseOrderEvent,
  ) {
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

  /** A parse for one check: each value is parsed once however often the check and markAdded read it. */
  parser(): ParseEvent {
    const parsed = new Map<unknown, ReturnType<ParseEvent>>();
    return (value) => {
      let result = parsed.get(value);
      if (!result) {
        result = this.parse(value);
        parsed.set(value, result);
      }
      return result;
    };
  }

  /**
   * Marks entries an update would add (decoded, or in the scratch copy), without touching this log: what
   * the check reads, and what applyChecked commits as it is.
   */
  markAdded(items: Iterable<Y.Item>, parse: ParseEvent = this.parse): CheckedEntries {
    const overlay = new Overlay(this.index);
    return new CheckedEntries(markItems(items, overlay, parse), overlay.own, this.version);
  }

  /**
   * Runs `apply`, which must apply exactly the update `checked` was read from: its entries are then folded
   * as the check parsed and marked them, not parsed again (a device's event was parsed three times per
   * commit, bench:sync). Read again from the document if anything changed the log since the check, or if
   * what `apply` adds is not exactly the entries checked.
   */
  applyChecked(checked: CheckedEntries, apply: () => void): void {
    this.applying = checked.version === this.version ? checked : null;
    try {
      apply();
    } finally {
      this.applying = null;
    }
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
    const checked = this.applying;
    this.applying = null;
    const added = itemsAdded(event.target, event.transaction);
    let entries: ReadEntries;
    if (checked && checked.marksExactly(added)) {
      for (const [key, mark] of checked.marks) this.index.set(key, mark);
      entries = checked;
    } else {
      entries = markItems(added, this.index, this.parse);
    }
    this.version += 1;
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
    this.version += 1;
    const entries = readCausalEvents(eventsArray(this.doc), this.index, this.parse);
    this.fold = this.header ? new OrderFold({ orderType: this.header.type }) : null;
    this.fold?.add(entries.events);
    this.view = null;
  }
}

/** What the check read of an update's entries: its events, and the marks it gave each entry. */
export class CheckedEntries implements ReadEntries {
  constructor(
    private readonly read: ReadEntries,
    readonly marks: ReadonlyMap<MarkKey, Mark>,
    readonly version: number,
  ) {}

  get events(): ReadEntries['events'] {
    return this.read.events;
  }

  get malformed(): number {
    return this.read.malformed;
  }

  /** True when `items` (a transaction's added set) are exactly the entries marked here. */
  marksExactly(items: Iterable<Y.Item>): boolean {
    let count = 0;
    for (const item of items) {
      if (item.deleted || !item.countable) continue;
      for (let k = 0; k < item.length; k += 1) {
        if (!this.marks.has(keyOf(item.id.client, item.id.clock + k))) return false;
        count += 1;
      }
    }
    return count === this.marks.size;
  }
}

/** Reads through to the committed index, writes only to itself. */
class Overlay implements MarkIndex {
  readonly own = new Map<MarkKey, Mark>();
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
