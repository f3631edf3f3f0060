import { useEffect, useMemo, useState } from 'react';
import { readCatalog, type Catalog } from '../../../../shared/catalog/outletDoc';
import { outletDocName, parseDocName } from '../../../../shared/docNames';
import type { OutletId } from '../../../../shared/ids';
import type { DocSyncState } from '../../../common/store/db';
import { useAdminDevice, useOutlets } from '../AdminContext';

export interface OutletCatalog {
  readonly id: OutletId;
  readonly catalog: Catalog;
  /** Whether this device's latest changes to the outlet have reached the server. */
  readonly syncState: DocSyncState;
}

/** Every outlet's document as the device holds it (profile, menu, pause, busy, sync state), re-read when any changes. */
export function useOutletCatalogs(): readonly OutletCatalog[] {
  const admin = useAdminDevice();
  const outlets = useOutlets();
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      admin.device.onDocChange((name) => {
        if (parseDocName(name)?.kind === 'outlet') setVersion((v) => v + 1);
      }),
    [admin],
  );
  return useMemo(
    () =>
      outlets.flatMap(({ id }) => {
        const name = outletDocName(id);
        const doc = admin.device.heldDoc(name);
        const catalog = doc ? readCatalog(doc) : null;
        return catalog ? [{ id, catalog, syncState: admin.device.docSyncState(name) }] : [];
      }),
    // `version` says an outlet document changed: the held documents are read again.
    [admin, outlets, version],
  );
}
