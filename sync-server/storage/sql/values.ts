import type { Flag } from './schema';

/**
 * Flags are INTEGER 0/1 on both dialects (schema.ts says why): these turn them into booleans and back.
 * Only 0 and 1 are ever written, so reading "not 0" as set agrees with the SQLite repositories' `=== 1`.
 */
export const flag = (value: boolean): Flag => (value ? 1 : 0);

export const isSet = (value: Flag): boolean => value !== 0;
