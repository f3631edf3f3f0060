/**
 * Letters and digits staff can say over a counter and customers read off a phone without doubt: no
 * symbols, upper case only, and none of the look-alikes 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B.
 */
export const ORDER_NUMBER_ALPHABET = '34679ACDEFHJKMNPQRTUVWXY';
/** 24^5 ≈ 8 million numbers: enough that two orders an outlet has open at once practically never share one. */
export const ORDER_NUMBER_LENGTH = 5;
/** Ids from before readable numbers showed their first six characters, whatever they were. */
const LEGACY_LENGTH = 6;

const READABLE_START = new RegExp(`^[${ORDER_NUMBER_ALPHABET}]{${ORDER_NUMBER_LENGTH}}`);

/** A readable number, uniformly drawn (bytes of 240 and above are redrawn, so no character is likelier). */
export function randomOrderNumber(): string {
  let out = '';
  const bytes = new Uint8Array(16);
  while (out.length < ORDER_NUMBER_LENGTH) {
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b >= 240 || out.length === ORDER_NUMBER_LENGTH) continue;
      out += ORDER_NUMBER_ALPHABET[b % ORDER_NUMBER_ALPHABET.length];
    }
  }
  return out;
}

/**
 * The short number staff read out and search by ("#K7M3X"): the start of the order id, which begins with a
 * readable number (shared/ids.ts newOrderId). Orders placed before show their id's first six characters.
 */
export function orderNumber(orderId: string): string {
  const readable = READABLE_START.exec(orderId);
  return `#${readable ? readable[0] : orderId.slice(0, LEGACY_LENGTH)}`;
}

/** A search text that is an order number as staff type it ("#k7m3x", "k7m"): the id prefix to look for, or null. */
export function orderNumberQuery(text: string): string | null {
  const bare = text.trim().replace(/^#/, '').toUpperCase();
  return bare.length > 0 && bare.length <= ORDER_NUMBER_LENGTH && [...bare].every((ch) => ORDER_NUMBER_ALPHABET.includes(ch)) ? bare : null;
}
