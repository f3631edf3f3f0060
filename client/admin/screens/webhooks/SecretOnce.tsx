import { useState } from 'react';

/** A secret the server shows this once: readable, selectable, and copied with one press. */
export function SecretOnce({ label, secret, onDone }: { readonly label: string; readonly secret: string; readonly onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied.');
    } catch {
      setCopied('This browser did not allow copying: select the secret and copy it.');
    }
  };
  return (
    <section className="card webhook-secret" aria-label={label}>
      <h3>{label}</h3>
      <p>Put it in the receiver now: it is not shown again. The receiver checks each delivery’s Dabba-Signature with it.</p>
      <label className="field">
        <span>Secret</span>
        <input className="webhook-secret__value" readOnly value={secret} onFocus={(e) => e.target.select()} />
      </label>
      <div className="webhook-actions">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Done
        </button>
      </div>
      {copied ? <p role="status">{copied}</p> : null}
    </section>
  );
}
