/** A time of day as people in the kitchen read it: hours and minutes in their locale. */
export const clockTime = (epochMs: number): string => new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
