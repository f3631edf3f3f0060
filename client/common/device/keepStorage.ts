/**
 * Asks the browser not to evict this origin's storage under pressure: IndexedDB may hold the
 * only copy of changes made offline. Browsers may say no (or ask the user); either way the app
 * works, it is just less protected.
 */
export async function keepStorage(): Promise<boolean> {
  if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function') return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
