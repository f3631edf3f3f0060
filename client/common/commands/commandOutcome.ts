import { fail, ok, type Result } from '../../../shared/result';

/** Why a command was refused when no finer code applies; the message is in words a person can act on. */
export const REFUSED = 'refused';

/** What a command tells the UI: done, or a failure whose message says why not. */
export type CommandOutcome = Result<undefined>;

export const done: CommandOutcome = ok();
export const refuse = (message: string, code: string = REFUSED): CommandOutcome => fail(code, message);
