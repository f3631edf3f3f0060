import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * The result of an IndexedDB query, kept current as the tables it read change. `initial` stands
 * in until the first result; `key` says when the query itself changed and must be re-run.
 */
export function useLiveQuery<T>(query: () => Promise<T>, key: string, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('dabba: live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The query closure is re-created each render; `key` is what identifies it.
  }, [key]);
  return value;
}
