import * as Y from 'yjs';
import type { Menu, OutletProfile } from '../../../../shared/catalog/menu';
import { readCatalog, writeCatalog, type Catalog } from '../../../../shared/catalog/outletDoc';
import { outletDocName } from '../../../../shared/docNames';
import { OUTLET_ID } from '../../shared/order/fixtures';

export const OUTLET_DOC = outletDocName(OUTLET_ID);

export const PROFILE: OutletProfile = {
  id: OUTLET_ID,
  name: 'Dabba Kitchen',
  phone: '+91 00000 00000',
  address: '1 MG Road',
  lat: 12.97,
  lng: 77.59,
  currency: 'INR',
  timezone: 'Asia/Kolkata',
  hours: Array.from({ length: 7 }, () => [{ open: '00:00', close: '24:00' }]),
  closures: [],
  zones: [
    {
      id: 'city',
      name: 'City',
      polygon: [
        [12.9, 77.5],
        [12.9, 77.7],
        [13.0, 77.7],
        [13.0, 77.5],
      ],
      fee: 4_000,
      minimumOrder: 20_000,
    },
  ],
  orderTypes: ['delivery', 'pickup', 'dine-in'],
  defaultPrepMinutes: 15,
  taxes: [],
  tables: ['T1', 'T2'],
  maxOrderValue: 5_000_000,
};

/** A thali with a required size and optional extras, and a plain drink. */
export const MENU: Menu = {
  categories: [
    { id: 'meals', name: 'Meals' },
    { id: 'drinks', name: 'Drinks' },
  ],
  items: [
    {
      id: 'thali',
      categoryId: 'meals',
      name: 'Thali',
      description: '',
      price: 25_000,
      modifierGroups: [
        {
          id: 'size',
          name: 'Size',
          min: 1,
          max: 1,
          options: [
            { id: 'regular', name: 'Regular', price: 0 },
            { id: 'large', name: 'Large', price: 5_000 },
          ],
        },
        { id: 'extras', name: 'Extras', min: 0, max: 2, options: [{ id: 'raita', name: 'Raita', price: 3_000 }] },
      ],
    },
    { id: 'chai', categoryId: 'drinks', name: 'Chai', description: '', price: 2_000, modifierGroups: [] },
  ],
};

/** The outlet's document as the server seeds it. */
export function outletDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeCatalog(doc, PROFILE, MENU);
  return doc;
}

export function catalogOf(doc: Y.Doc): Catalog {
  const catalog = readCatalog(doc);
  if (!catalog) throw new Error('the outlet document has no catalog');
  return catalog;
}
