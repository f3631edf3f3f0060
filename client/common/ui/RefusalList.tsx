import type { RefusalRow } from '../store/db';

/** Changes the server refused stay on screen until someone has read them. */
export function RefusalList({
  refusals,
  onDismiss,
}: {
  readonly refusals: readonly RefusalRow[];
  readonly onDismiss: (id: number) => void;
}) {
  if (refusals.length === 0) return null;
  return (
    <ul className="refusals" aria-label="Changes the server refused">
      {refusals.map((refusal) => (
        <li key={refusal.id} className="refusal" role="alert">
          <span>
            Not saved on the server ({refusal.docName}): {refusal.message}
          </span>
          <button type="button" className="button button--quiet" onClick={() => onDismiss(refusal.id)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
