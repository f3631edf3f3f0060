import { ErrorLine } from './ErrorLine';

/** Said at once and kept in view: a change the device could not write to its own storage is at risk. */
export function StorageErrorLine({ error, device = 'device' }: { readonly error: string | null; readonly device?: 'device' | 'phone' }) {
  return <ErrorLine message={error ? `This ${device} could not save a change: ${error}` : null} />;
}
