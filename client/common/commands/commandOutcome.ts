/** What a command tells the UI: done, or why not in words a person can act on. */
export type CommandOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export const done: CommandOutcome = { ok: true };
export const refuse = (reason: string): CommandOutcome => ({ ok: false, reason });
