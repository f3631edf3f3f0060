import type { ReactNode } from 'react';

/** A small form under an account's buttons: its fields, what doing it means, the action and a way back. */
export function ActionForm({
  label,
  submit,
  blocked,
  danger = false,
  onSubmit,
  onCancel,
  children,
}: {
  readonly label: string;
  readonly submit: string;
  readonly blocked: boolean;
  /** The action cannot be taken back by itself (disabling signs people out). */
  readonly danger?: boolean;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}) {
  return (
    <form
      className="confirm"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <button type="submit" className={danger ? 'button button--danger' : 'button button--primary'} disabled={blocked}>
        {submit}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
