import { useId } from 'react';
import { choiceKey, choiceLabel, type UntilChoice } from './untilChoices';

/** "For how long?" as big radio buttons: one tap, readable from across the counter. */
export function UntilPicker({
  legend,
  choices,
  value,
  onChange,
}: {
  readonly legend: string;
  readonly choices: readonly UntilChoice[];
  readonly value: UntilChoice;
  readonly onChange: (choice: UntilChoice) => void;
}) {
  const name = useId();
  return (
    <fieldset className="until">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choiceKey(choice)} className="until__choice">
          <input type="radio" name={name} checked={choiceKey(choice) === choiceKey(value)} onChange={() => onChange(choice)} />
          {choiceLabel(choice)}
        </label>
      ))}
    </fieldset>
  );
}
