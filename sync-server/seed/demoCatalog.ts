import type { Menu, OutletProfile } from '../../shared/catalog/menu';

/** The demo outlet: a small South Indian kitchen in Bengaluru, prices in paise. */
export const DEMO_OUTLET: OutletProfile = {
  id: 'demo-outlet',
  name: 'Dabba Demo Kitchen',
  phone: '+91 80 4000 1234',
  address: '12 MG Road, Bengaluru 560001',
  lat: 12.9756,
  lng: 77.6066,
  currency: 'INR',
  timezone: 'Asia/Kolkata',
  // The demo kitchen never closes, so the demo works whenever someone tries it.
  hours: Array.from({ length: 7 }, () => [{ open: '00:00', close: '24:00' }]),
  closures: [],
  // Menu prices include GST (5 % for restaurants, half to the centre and half to the state): receipts show it.
  taxes: [
    { id: 'cgst', name: 'CGST', rateBasisPoints: 250, inclusive: true, onDeliveryFee: false },
    { id: 'sgst', name: 'SGST', rateBasisPoints: 250, inclusive: true, onDeliveryFee: false },
  ],
  zones: [
    {
      id: 'central',
      name: 'Central Bengaluru',
      fee: 4000,
      minimumOrder: 15000,
      polygon: [
        [12.93, 77.56],
        [12.93, 77.65],
        [13.01, 77.65],
        [13.01, 77.56],
      ],
    },
    {
      id: 'outer',
      name: 'Outer ring',
      fee: 8000,
      minimumOrder: 30000,
      polygon: [
        [12.85, 77.48],
        [12.85, 77.74],
        [13.1, 77.74],
        [13.1, 77.48],
      ],
    },
  ],
  orderTypes: ['delivery', 'pickup', 'dine-in'],
  defaultPrepMinutes: 15,
  country: 'IN',
  // The twelve tables of the dining room (the e2e specs seat guests at T4), and two on the patio.
  tables: [...Array.from({ length: 12 }, (_, i) => `T${i + 1}`), 'Patio 1', 'Patio 2'],
  // ₹25,000: a large office lunch, not a cash order nobody will pay.
  maxOrderValue: 2_500_000,
};

export const DEMO_MENU: Menu = {
  categories: [
    { id: 'dosa', name: 'Dosa' },
    { id: 'rice', name: 'Rice & Curry' },
    { id: 'drinks', name: 'Drinks' },
  ],
  items: [
    {
      id: 'masala-dosa',
      categoryId: 'dosa',
      name: 'Masala Dosa',
      description: 'Crisp rice crêpe with spiced potato',
      price: 12000,
      modifierGroups: [
        {
          id: 'chutney',
          name: 'Chutney',
          min: 1,
          max: 2,
          options: [
            { id: 'coconut', name: 'Coconut', price: 0 },
            { id: 'tomato', name: 'Tomato', price: 0 },
            { id: 'mint', name: 'Mint', price: 1000 },
          ],
        },
        {
          id: 'extras',
          name: 'Extras',
          min: 0,
          max: 2,
          options: [
            { id: 'ghee', name: 'Ghee roast', price: 3000 },
            { id: 'cheese', name: 'Cheese', price: 4000 },
          ],
        },
      ],
    },
    { id: 'plain-dosa', categoryId: 'dosa', name: 'Plain Dosa', description: 'Thin and crisp', price: 9000, modifierGroups: [] },
    {
      id: 'bisi-bele-bath',
      categoryId: 'rice',
      name: 'Bisi Bele Bath',
      description: 'Lentil rice with vegetables',
      price: 15000,
      modifierGroups: [],
    },
    {
      id: 'thali',
      categoryId: 'rice',
      name: 'South Indian Thali',
      description: 'Rice, sambar, rasam, two curries, curd',
      price: 25000,
      modifierGroups: [
        {
          id: 'size',
          name: 'Size',
          min: 1,
          max: 1,
          options: [
            { id: 'regular', name: 'Regular', price: 0 },
            { id: 'large', name: 'Large', price: 8000 },
          ],
        },
      ],
    },
    {
      id: 'filter-coffee',
      categoryId: 'drinks',
      name: 'Filter Coffee',
      description: 'Strong, with chicory',
      price: 5000,
      modifierGroups: [],
    },
    { id: 'buttermilk', categoryId: 'drinks', name: 'Buttermilk', description: 'Spiced chaas', price: 4000, modifierGroups: [] },
  ],
};
