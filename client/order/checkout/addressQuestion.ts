import type { ZoneCheck } from './useZoneCheck';

const words = (text: string): string =>
  ` ${text
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * Whether the address as typed disagrees with the pin, as far as the page can tell without a geocoder (Dabba
 * works offline and sends addresses nowhere): the outlet's delivery zones are named after the areas they
 * cover, so an address that names one area while the server puts the pin in another, or outside every zone,
 * is asked about. Null when nothing disagrees or the page cannot know.
 */
export function addressQuestion(addressText: string, zoneNames: readonly string[], zone: ZoneCheck): string | null {
  if (zone.kind !== 'inside' && zone.kind !== 'refused') return null;
  const typed = words(addressText);
  const named = zoneNames.find((name) => words(name).trim() !== '' && typed.includes(words(name)));
  if (named === undefined) return null;
  if (zone.kind === 'refused') {
    // Under a zone's minimum, the pin is inside a zone whose name the page was not told: nothing to compare.
    if (zone.code !== 'outside_zone') return null;
    return `Your address mentions ${named}, but the pin is not there. Is the pin on your door? Drag it there, or use your location.`;
  }
  if (zone.zoneName !== null && zone.zoneName !== named)
    return `Your address mentions ${named}, but the pin is in ${zone.zoneName}. Is the pin on your door?`;
  return null;
}
