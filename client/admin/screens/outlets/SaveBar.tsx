import { useEffect, useState } from 'react';
import type { CommandOutcome } from '../../../common/commands/commandOutcome';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import type { Draft } from '../../model/outlets/useDraft';

/**
 * Save and discard for one part of an outlet. Saving writes to this device's copy of the outlet
 * first (the sync badge above says when the server has it); a change made elsewhere since
 * editing began is said before it is replaced.
 */
export function SaveBar<T>({
  what,
  draft,
  save,
}: {
  readonly what: string;
  readonly draft: Draft<T>;
  readonly save: (value: T) => Promise<CommandOutcome>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!draft.dirty) return;
    setSaved(null);
    // A draft lives in this page only: closing or reloading the tab would lose it without a word.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft.dirty]);

  const onSave = async () => {
    setBusy(true);
    const outcome = await save(draft.value);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setError(null);
    setSaved(`${what} saved on this device.`);
    draft.discard();
  };

  return (
    <div className="save-bar">
      {draft.changedElsewhere ? (
        <p className="notice" role="status">
          The {what.toLowerCase()} changed on another device while you were editing. Saving replaces that change with yours; discard to see
          it.
        </p>
      ) : null}
      {draft.dirty ? <p className="muted">Unsaved changes to the {what.toLowerCase()}: only in this window until saved.</p> : null}
      <ErrorLine message={error} />
      {!draft.dirty && saved ? (
        <p className="muted" role="status">
          {saved}
        </p>
      ) : null}
      <div className="save-bar__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={!draft.dirty || busy}
          aria-busy={busy}
          onClick={() => void onSave()}
        >
          {draft.changedElsewhere ? `Save ${what.toLowerCase()} anyway` : `Save ${what.toLowerCase()}`}
        </button>
        <button
          type="button"
          className="button"
          disabled={!draft.dirty}
          onClick={() => {
            setError(null);
            draft.discard();
          }}
        >
          Discard changes
        </button>
      </div>
    </div>
  );
}
