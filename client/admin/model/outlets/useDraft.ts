import { useCallback, useState } from 'react';

/** Outlet values are plain JSON; equal text is equal content. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface Draft<T> {
  /** What the form shows: the edits, or the document's value while nothing is edited. */
  readonly value: T;
  readonly dirty: boolean;
  /**
   * The document's value changed (another admin, another device) since editing began: saving
   * replaces that change, so the editor says so before it does.
   */
  readonly changedElsewhere: boolean;
  readonly edit: (change: (value: T) => T) => void;
  /** Back to the document's value; also what a successful save ends with. */
  readonly discard: () => void;
}

/**
 * A form's draft of one part of an outlet document. While nothing is edited it follows the
 * document live; from the first edit it holds the edits and remembers what they started from.
 */
export function useDraft<T>(current: T): Draft<T> {
  const [editing, setEditing] = useState<{ readonly base: T; readonly value: T } | null>(null);
  const edit = useCallback(
    (change: (value: T) => T) =>
      setEditing((e) => {
        const base = e ? e.base : current;
        return { base, value: change(e ? e.value : current) };
      }),
    [current],
  );
  const discard = useCallback(() => setEditing(null), []);
  return {
    value: editing ? editing.value : current,
    dirty: editing !== null && !same(editing.value, editing.base),
    changedElsewhere: editing !== null && !same(editing.base, current),
    edit,
    discard,
  };
}
