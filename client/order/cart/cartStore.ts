import { z } from 'zod';
import { readJson, writeJson, type KeyValueStorage } from '../../common/store/keyValueStorage';
import { clampQty, lineKey, type CartLine, type ChosenModifier } from './cartRules';

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

export type CheckoutType = 'delivery' | 'pickup' | 'dine-in';

/** What the customer typed at checkout: kept with the cart so a reload loses none of it. */
export interface CheckoutDraft {
  readonly type: CheckoutType;
  readonly table: string;
  readonly addressText: string;
  /** Null until the customer confirms or moves the pin; the page shows it at the outlet meanwhile. */
  readonly pin: LatLng | null;
  readonly notes: string;
  readonly name: string;
  readonly phone: string;
  /** 'card' is sent only while the server offers card (GET /api/payments/config). */
  readonly payment: 'cash' | 'card';
}

/** The order being placed: its Idempotency-Key and the exact body sent with it. */
export interface PendingOrder {
  readonly key: string;
  readonly body: string;
}

export interface CartState {
  readonly lines: readonly CartLine[];
  readonly draft: CheckoutDraft;
  readonly pending: PendingOrder | null;
}

export const EMPTY_DRAFT: CheckoutDraft = {
  type: 'delivery',
  table: '',
  addressText: '',
  pin: null,
  notes: '',
  name: '',
  phone: '',
  payment: 'cash',
};

const latLng = z.object({ lat: z.number(), lng: z.number() });
const storedSchema = z.object({
  v: z.literal(1),
  lines: z.array(
    z.object({
      key: z.string(),
      itemId: z.string(),
      qty: z.number(),
      modifiers: z.array(z.object({ groupId: z.string(), optionId: z.string() })),
    }),
  ),
  draft: z.object({
    type: z.enum(['delivery', 'pickup', 'dine-in']),
    table: z.string(),
    addressText: z.string(),
    pin: latLng.nullable(),
    notes: z.string(),
    name: z.string(),
    phone: z.string(),
    // Carts saved before card payments have no choice stored: cash, as they were.
    payment: z.enum(['cash', 'card']).default('cash'),
  }),
  pending: z.object({ key: z.string(), body: z.string() }).nullable(),
});

export const cartStorageKey = (outletId: string): string => `dabba.cart.${outletId}`;

const newKey = (): string => `order-${crypto.randomUUID()}`;

/**
 * One outlet's cart, saved to storage on every change so it survives reloads and a crashed tab.
 * It also owns the order's Idempotency-Key: the same body gets the same key until the server has
 * answered, so pressing "Place order" again after a timeout or a reload can never order twice.
 */
export class CartStore {
  private state: CartState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly outletId: string,
    private readonly makeKey: () => string = newKey,
  ) {
    this.state = this.load();
  }

  get snapshot(): CartState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CartState => this.state;

  /** Adds `qty` of an item with these choices; the same item with the same choices adds to its line. */
  add(itemId: string, modifiers: readonly ChosenModifier[], qty = 1): void {
    const key = lineKey(itemId, modifiers);
    const existing = this.state.lines.find((l) => l.key === key);
    const lines = existing
      ? this.state.lines.map((l) => (l.key === key ? { ...l, qty: clampQty(l.qty + qty) } : l))
      : [...this.state.lines, { key, itemId, qty: clampQty(qty), modifiers: [...modifiers] }];
    this.set({ ...this.state, lines });
  }

  setQty(key: string, qty: number): void {
    this.set({ ...this.state, lines: this.state.lines.map((l) => (l.key === key ? { ...l, qty: clampQty(qty) } : l)) });
  }

  remove(key: string): void {
    this.set({ ...this.state, lines: this.state.lines.filter((l) => l.key !== key) });
  }

  updateDraft(patch: Partial<CheckoutDraft>): void {
    this.set({ ...this.state, draft: { ...this.state.draft, ...patch } });
  }

  /**
   * The Idempotency-Key for placing the order `body` (its exact JSON). Saved before the request
   * goes out: if the answer is lost, the retry (even after a reload) sends the same key. A body
   * that changed since is a different order and gets a new key, which the server requires.
   */
  keyFor(body: string): string {
    const pending = this.state.pending;
    if (pending && pending.body === body) return pending.key;
    const key = this.makeKey();
    this.set({ ...this.state, pending: { key, body } });
    return key;
  }

  /**
   * Another tab changed this cart in storage: take its version, so two tabs never hold two carts
   * (or two idempotency keys) for one outlet.
   */
  reloadFromStorage(): void {
    this.state = this.load();
    for (const listener of [...this.listeners]) listener();
  }

  /** The server has the order: empty the cart, keep who and where for the next order. */
  placed(): void {
    this.set({ lines: [], draft: { ...this.state.draft, notes: '' }, pending: null });
  }

  private set(next: CartState): void {
    this.state = next;
    // Storage full or blocked: the cart still works for this visit, it just won't survive a reload.
    writeJson(this.storage, cartStorageKey(this.outletId), { v: 1, ...next });
    for (const listener of [...this.listeners]) listener();
  }

  private load(): CartState {
    const parsed = storedSchema.safeParse(readJson(this.storage, cartStorageKey(this.outletId)));
    if (!parsed.success) return { lines: [], draft: EMPTY_DRAFT, pending: null };
    const { lines, draft, pending } = parsed.data;
    return { lines: lines.map((l) => ({ ...l, qty: clampQty(l.qty) })), draft, pending };
  }
}
