/** Leading parts of an address that name a door rather than a place: "Flat 4B", "No. 22", "#7", "2nd floor". */
const DOOR_PART = /^(?:(?:flat|apt\.?|apartment|house|door|unit|no\.?|#)\s*[\w/-]+|\d+(?:st|nd|rd|th)\s+floor|[\w/-]*\d[\w/-]*)$/i;
/** A house number in front of a street name: "22 Residency Rd", "#12/3 Brigade Rd"; not a road's name ("100 Feet Road"). */
const HOUSE_NUMBER = /^(?:no\.?\s*|#\s*)?\d+[a-z]?(?:[/-]\w+)?\s+(?!(?:feet|ft)\b)(?=\S)/i;

/**
 * The area of a drop-off address for people who need not know the door (a driver deciding on an
 * offer, the tracking page): the text without its house number or flat. When nothing can be told
 * apart, the text as it is.
 */
export function dropoffArea(address: string): string {
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  while (parts.length > 1 && DOOR_PART.test(parts[0] ?? '')) parts.shift();
  const first = parts[0];
  if (first === undefined) return address.trim();
  parts[0] = first.replace(HOUSE_NUMBER, '');
  const area = parts.join(', ').trim();
  return area.length > 0 ? area : address.trim();
}
