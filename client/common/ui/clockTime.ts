// One formatter for the app's lifetime: `toLocaleTimeString` builds a new one on every call, which a
// board of hundreds of cards pays for on every render.
const CLOCK = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/** A time of day as people in the kitchen read it: hours and minutes in their locale. */
export const clockTime = (epochMs: number): string => CLOCK.format(epochMs);
