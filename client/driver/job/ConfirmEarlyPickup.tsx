import { ErrorLine } from '../../common/ui/ErrorLine';

interface Props {
  readonly error: string | null;
  readonly onConfirm: () => void;
  readonly onBack: () => void;
}

/**
 * Asked when the kitchen has not marked the order ready: the bag may be incomplete or still cooking,
 * and the customer's timeline will say it was picked up early. Yes is allowed (tablets get forgotten),
 * but not by one thoughtless tap.
 */
export function ConfirmEarlyPickup({ error, onConfirm, onBack }: Props) {
  return (
    <div className="bottom-bar confirm-early" role="alertdialog" aria-labelledby="confirm-early-text">
      <p id="confirm-early-text" className="confirm-early__text">
        The kitchen hasn’t marked this ready. Picked up anyway?
      </p>
      <ErrorLine message={error} />
      <button type="button" className="button button--big" onClick={onBack}>
        Not yet
      </button>
      <button type="button" className="button button--primary button--big" onClick={onConfirm}>
        Picked up anyway
      </button>
    </div>
  );
}
