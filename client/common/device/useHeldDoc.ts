import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { DocSyncState } from '../store/db';
import { useDevice } from './DeviceContext';

export interface HeldDocView<T> {
  readonly value: T;
  /** Whether the document's latest changes are only on this device or on the server too. */
  readonly syncState: DocSyncState;
}

/**
 * What `read` makes of a document the device holds, re-read only when that document changes
 * (or the signed-in user does). `read` gets undefined while the document is not held yet.
 */
export function useHeldDoc<T>(docName: string, read: (doc: Y.Doc | undefined) => T): HeldDocView<T> {
  const device = useDevice();
  const version = useRef(0);
  const cache = useRef<{ version: number; docName: string; view: HeldDocView<T> } | null>(null);
  const readRef = useRef(read);
  readRef.current = read;

  const subscribe = useCallback(
    (onChange: () => void) => {
      const bump = (): void => {
        version.current += 1;
        onChange();
      };
      const stopDocs = device.onDocChange((name) => {
        if (name === docName) bump();
      });
      const stopDevice = device.subscribe(bump);
      return () => {
        stopDocs();
        stopDevice();
      };
    },
    [device, docName],
  );

  const getSnapshot = (): HeldDocView<T> => {
    const cached = cache.current;
    if (cached && cached.version === version.current && cached.docName === docName) return cached.view;
    const view = { value: readRef.current(device.heldDoc(docName)), syncState: device.docSyncState(docName) };
    cache.current = { version: version.current, docName, view };
    return view;
  };

  return useSyncExternalStore(subscribe, getSnapshot);
}
