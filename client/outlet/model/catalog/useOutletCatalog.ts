import type * as Y from 'yjs';
import { outletDocName } from '../../../../shared/docNames';
import { readCatalog, type Catalog } from '../../../../shared/catalog/outletDoc';
import type { OutletId } from '../../../../shared/ids';
import { useHeldDoc, type HeldDocView } from '../../../common/device/useHeldDoc';

const read = (doc: Y.Doc | undefined): Catalog | null => (doc ? readCatalog(doc) : null);

/** The outlet's menu, availability, busy mode and pause as this device holds them, live. */
export function useOutletCatalog(outletId: OutletId): HeldDocView<Catalog | null> {
  return useHeldDoc(outletDocName(outletId), read);
}
