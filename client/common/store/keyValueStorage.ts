/** The part of `localStorage` small page stores need; tests pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that keeps values for this page's life only. */
export function memoryStorage(): KeyValueStorage {
  const memory = new Map<string, string>();
  return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
}

/** The browser's localStorage, or a memory-only stand-in where it is blocked (private mode, policies). */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    storage.getItem('dabba.probe');
    return storage;
  } catch {
    return memoryStorage();
  }
}

/** Parsed JSON, or null for anything unreadable: a stored value is never trusted to be well-formed. */
export function readJson(storage: KeyValueStorage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

/** Writes JSON; false when the storage refused (full, blocked), which callers may ignore. */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
