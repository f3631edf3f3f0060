import { useMemo } from 'react';

/** Suggestions for a time zone field (`list="time-zones"`) from the zones this browser knows; any IANA zone may be typed. */
export function TimeZoneList() {
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  return (
    <datalist id="time-zones">
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
