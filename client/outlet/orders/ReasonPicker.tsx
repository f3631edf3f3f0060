import { useId, useState } from 'react';

export const REJECT_REASONS = ['Kitchen too busy', 'Item unavailable', 'Closing soon', 'Outside our delivery area'] as const;
export const CANCEL_REASONS = ['Customer asked to cancel', 'Item ran out', 'Kitchen problem', 'Customer did not come'] as const;

/**
 * Rejecting or cancelling tells the customer why, so it asks for a reason: a preset with one
 * tap, or words of the staff's own.
 */
export function ReasonPicker({
  question,
  presets,
  confirmLabel,
  onConfirm,
  onBack,
}: {
  readonly question: string;
  readonly presets: readonly string[];
  readonly confirmLabel: string;
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
          Keep order
        </button>
      </div>
    </fieldset>
  );
}
