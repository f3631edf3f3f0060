import { useEffect, useState, useSyncExternalStore } from 'react';
import { browserStorage } from '../../common/store/keyValueStorage';
import { cartStorageKey, CartStore, type CartState } from './cartStore';

/** One store per outlet page, created once; components read it through `useCartState`. */
export function useCartStore(outletId: string): CartStore {
  const [store] = useState(() => new CartStore(browserStorage(), outletId));
  useEffect(() => {
    const changed = (event: StorageEvent) => {
      if (event.key === cartStorageKey(outletId)) store.reloadFromStorage();
    };
    window.addEventListener('storage', changed);
    return () => window.removeEventListener('storage', changed);
  }, [store, outletId]);
  return store;
}

export function useCartState(store: CartStore): CartState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
