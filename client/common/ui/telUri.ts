/** A `tel:` link: digits and the leading plus only, as dialers want them. */
export function telUri(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
