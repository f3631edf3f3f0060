import type { OrderType } from '../../../shared/order/status';
import type { PhoneOrderRequest } from '../../../shared/api/phoneOrder';

export interface DraftLine {
  /** Distinguishes two lines of one item with different modifiers. */
  readonly key: string;
  readonly itemId: string;
  readonly qty: number;
  readonly modifiers: readonly { readonly groupId: string; readonly optionId: string }[];
}

/** The phone-order form as staff fill it in: strings as typed, checked only when placed. */
export interface PhoneDraft {
  readonly type: OrderType;
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  /** "12.9716, 77.5946", pasted from a map. */
  readonly location: string;
  readonly table: string;
  readonly notes: string;
  readonly lines: readonly DraftLine[];
  /** When the caller was first taken down; kept when a refused entry is corrected. */
  readonly enteredAt: number | null;
  /** The prep time promised to the caller; null until staff change it from the outlet's usual time. */
  readonly prepMinutes: number | null;
}

export const EMPTY_DRAFT: PhoneDraft = {
  type: 'pickup',
  name: '',
  phone: '',
  address: '',
  location: '',
  table: '',
  notes: '',
  lines: [],
  enteredAt: null,
  prepMinutes: null,
};

export const lineKey = (itemId: string, modifiers: DraftLine['modifiers']): string =>
  [itemId, ...modifiers.map((m) => `${m.groupId}=${m.optionId}`).sort()].join('|');

/** "lat, lng" → numbers; null when it is not two numbers. */
export function parseLocation(text: string): { lat: number; lng: number } | null {
  const parts = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  const [lat, lng] = parts;
  return parts.length === 2 && lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/**
 * The request body the draft stands for; the command checks it against the contract. Staff took the
 * call, so it goes with the prep time they promised and arrives accepted.
 */
export function draftToRequest(draft: PhoneDraft, outletId: string, now: number, usualPrepMinutes: number): unknown {
  const location = parseLocation(draft.location);
  const notes = draft.notes.trim();
  return {
    outletId,
    type: draft.type,
    items: draft.lines.map((l) =>
      l.modifiers.length > 0 ? { itemId: l.itemId, qty: l.qty, modifiers: [...l.modifiers] } : { itemId: l.itemId, qty: l.qty },
    ),
    customer: { name: draft.name.trim(), phone: draft.phone.trim() },
    ...(draft.type === 'delivery' && draft.address.trim() && location ? { address: { text: draft.address.trim(), ...location } } : {}),
    ...(draft.type === 'dine-in' && draft.table.trim() ? { table: draft.table.trim() } : {}),
    ...(notes ? { notes } : {}),
    payment: { method: 'cash' },
    source: 'phone',
    enteredAt: draft.enteredAt ?? now,
    prepMinutes: draft.prepMinutes ?? usualPrepMinutes,
  };
}

/** A queued entry back into the form, to correct what the server refused. */
export function requestToDraft(request: PhoneOrderRequest): PhoneDraft {
  return {
    type: request.type,
    name: request.customer.name,
    phone: request.customer.phone,
    address: request.address?.text ?? '',
    location: request.address ? `${request.address.lat}, ${request.address.lng}` : '',
    table: request.table ?? '',
    notes: request.notes ?? '',
    lines: request.items.map((i) => {
      const modifiers = i.modifiers ?? [];
      return { key: lineKey(i.itemId, modifiers), itemId: i.itemId, qty: i.qty, modifiers };
    }),
    enteredAt: request.enteredAt,
    prepMinutes: request.prepMinutes ?? null,
  };
}

/** Adds `qty` of an item with these modifiers, merging with an identical line. */
export function addLine(lines: readonly DraftLine[], itemId: string, modifiers: DraftLine['modifiers'], qty = 1): DraftLine[] {
  const key = lineKey(itemId, modifiers);
  const existing = lines.find((l) => l.key === key);
  if (existing) return lines.map((l) => (l.key === key ? { ...l, qty: Math.min(99, l.qty + qty) } : l));
  return [...lines, { key, itemId, qty, modifiers }];
}

/** Changes a line's quantity by `delta`; a line at zero is removed. */
export function changeQty(lines: readonly DraftLine[], key: string, delta: number): DraftLine[] {
  return lines.flatMap((l) => {
    if (l.key !== key) return [l];
    const qty = Math.min(99, l.qty + delta);
    return qty > 0 ? [{ ...l, qty }] : [];
  });
}
