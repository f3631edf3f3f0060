/** Cuts notification text to `max` characters, an ellipsis marking the cut (wake data fields have caps). */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
