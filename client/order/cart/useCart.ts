import { useState, useSyncExternalStore } from 'react';
import { browserStorage } from '../../common/store/keyValueStorage';
import { CartStore, type CartState } from './cartStore';

/** One store per outlet page, created once; components read it through `useCartState`. */
export function useCartStore(outletId: string): CartStore {
  const [store] = useState(() => new CartStore(browserStorage(), outletId));
  return store;
}

export function useCartState(store: CartStore): CartState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
