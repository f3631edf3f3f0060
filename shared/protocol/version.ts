/**
 * The version of the `/sync` multiplexed protocol a device speaks, sent as `v` in the socket URL.
 * Installed PWAs can run old code for days; a server that no longer speaks their version closes their
 * socket with UPDATE_REQUIRED so the app asks for a reload instead of failing in stranger ways.
 * Raise PROTOCOL_VERSION on any change old devices would misread, and MIN_PROTOCOL_VERSION when the
 * server stops understanding older ones. Devices from before versioning send none: version 1.
 */
export const PROTOCOL_VERSION = 3;
/**
 * 3: order events may carry the writing device (`device`); an app of version 2 parses events strictly
 * and would drop every such event, folding a different status than everyone else.
 */
export const MIN_PROTOCOL_VERSION = 3;

/** The version a device announced in its `v` query parameter; 1 when it announced none or garbage. */
export function announcedVersion(value: string | null): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return 1;
  return Number(value);
}
