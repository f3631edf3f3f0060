import { ErrorLine } from '../../common/ui/ErrorLine';

interface Props {
  readonly reason: string;
  readonly error: string | null;
  readonly onConfirm: () => void;
  readonly onBack: () => void;
}

/**
 * The second ask before a delivery is marked failed: it ends the order for the outlet and the customer
 * and cannot be undone, so the driver sees the reason that will be sent and says yes once more.
 */
export function ConfirmFail({ reason, error, onConfirm, onBack }: Props) {
  return (
    <section
      className="card step confirm-fail"
      role="alertdialog"
      aria-labelledby="confirm-fail-title"
      aria-describedby="confirm-fail-text"
    >
      <h2 id="confirm-fail-title">Mark this delivery failed?</h2>
      <p id="confirm-fail-text">
        Reason: <strong>{reason}</strong>. The outlet and the customer are told, and the order ends; this cannot be undone.
      </p>
      <div className="bottom-bar">
        <ErrorLine message={error} />
        <button type="button" className="button button--primary button--big" onClick={onBack}>
          Keep delivering
        </button>
        <button type="button" className="button button--danger button--big" onClick={onConfirm}>
          Yes, mark failed
        </button>
      </div>
    </section>
  );
}
