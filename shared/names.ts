/** The first name of a full name ("Ravi Kumar" → "Ravi"), for people who should not see more; null when blank. */
export const firstNameOf = (name: string): string | null => name.trim().split(/\s+/)[0] || null;
