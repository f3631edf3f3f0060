import { useState, type FormEvent } from 'react';
import type { OrderId } from '../../../../shared/ids';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { useAdminDevice } from '../../model/AdminContext';

/** A note on the order for everyone taking part in it: saved on this device at once, synced when it can be. */
export function NoteForm({ orderId }: { readonly orderId: OrderId }) {
  const { commands } = useAdminDevice();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = await commands.addNote(orderId, text.trim());
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    setError(null);
    setText('');
  };
  return (
    <form className="card note-form" onSubmit={(e) => void submit(e)} aria-labelledby="note-title">
      <h3 id="note-title">Add a note</h3>
      <label className="field">
        <span>Note for the outlet and the driver</span>
        <textarea rows={2} maxLength={1000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </label>
      <ErrorLine message={error} />
      <button type="submit" className="button button--primary" disabled={text.trim() === ''}>
        Add note
      </button>
    </form>
  );
}
