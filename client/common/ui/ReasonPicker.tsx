import { useId, useState } from 'react';

/**
 * Rejecting, cancelling or taking a driver off an order tells the people involved why, so it asks
 * for a reason: a preset with one tap, or words of the staff's own.
 */
export function ReasonPicker({
  question,
  presets,
  confirmLabel,
  backLabel = 'Keep order',
  onConfirm,
  onBack,
}: {
  readonly question: string;
  readonly presets: readonly string[];
  readonly confirmLabel: string;
  /** The way out without acting, in the words of what stays as it is. */
  readonly backLabel?: string;
  readonly onConfirm: (reason: string) => void;
  readonly onBack: () => void;
}) {
  const [choice, setChoice] = useState<string>(presets[0] ?? '');
  const [other, setOther] = useState('');
  const name = useId();
  const reason = choice === '' ? other.trim() : choice;
  return (
    <fieldset className="reasons">
      <legend>{question}</legend>
      {presets.map((preset) => (
        <label key={preset} className="reasons__choice">
          <input type="radio" name={name} checked={choice === preset} onChange={() => setChoice(preset)} />
          {preset}
        </label>
      ))}
      <label className="reasons__choice">
        <input type="radio" name={name} checked={choice === ''} onChange={() => setChoice('')} />
        Other reason
      </label>
      {choice === '' ? (
        <label className="field">
          <span>Reason</span>
          <input type="text" maxLength={500} value={other} onChange={(e) => setOther(e.target.value)} autoFocus />
        </label>
      ) : null}
      <div className="reasons__buttons">
        <button type="button" className="button button--danger" disabled={reason === ''} onClick={() => onConfirm(reason)}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </fieldset>
  );
}
