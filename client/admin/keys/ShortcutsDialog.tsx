import { useEffect, useRef } from 'react';
import { shortcutList } from './shortcuts';

/** The shortcut list (`?`), a modal dialog: Esc or the button closes it and focus goes back where it was. */
export function ShortcutsDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="card shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts__table">
        <tbody>
          {shortcutList().map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts never act while you type in a field.</p>
      <button type="button" className="button button--primary" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
