/**
 * Transaction origins that tell the persistence handler where a change came from. Anything else
 * (including `null`, what shared/ uses by default) is a local edit that must be saved and sent.
 */
export const REMOTE_ORIGIN = Symbol('dabba:remote');
/** Replaying the device's own stored rows: already saved, nothing to write or send. */
export const LOAD_ORIGIN = Symbol('dabba:load');
