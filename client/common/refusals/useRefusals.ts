import { useDevice } from '../device/DeviceContext';
import { useLiveQuery } from '../device/useLiveQuery';
import type { RefusalRow } from '../store/db';
import { listRefusals } from '../store/refusals';

const NONE: readonly RefusalRow[] = [];

/** Changes the server refused, kept until dismissed, with the way to dismiss one. */
export function useRefusals(): { readonly refusals: readonly RefusalRow[]; readonly dismiss: (id: number) => void } {
  const device = useDevice();
  const refusals = useLiveQuery(() => listRefusals(device.db), 'refusals', NONE);
  return { refusals, dismiss: (id) => void device.dismissRefusal(id) };
}
