const digits = (text: string): string => text.replace(/\D/g, '');

/** What an order is found by: the customer's name and phone, its id, and any other words a screen lists it with. */
export interface SearchableOrder {
  readonly id: string;
  readonly customerName: string;
  readonly customerPhone: string;
  /** More text matched in part, in any case (the outlet's name, the address). */
  readonly also?: readonly string[];
}

/**
 * Does an order match what staff typed: part of the name (or of `also`) in any case, part of the phone
 * number digit by digit (from three digits typed), or the start of the order number ("#Xy12ab")?
 */
export function matchesQuery(order: SearchableOrder, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^#/, '');
  if (!q) return true;
  if (order.customerName.toLowerCase().includes(q) || order.id.toLowerCase().includes(q)) return true;
  if (order.also?.some((text) => text.toLowerCase().includes(q))) return true;
  const qDigits = digits(q);
  return qDigits.length >= 3 && digits(order.customerPhone).includes(qDigits);
}
