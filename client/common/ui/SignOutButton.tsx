import { useState } from 'react';

/**
 * Signing out while changes are only on this device risks them never reaching the server
 * (the next user's token may not be allowed to send them), so it asks first.
 */
export function SignOutButton({
  unsyncedCount,
  what,
  onSignOut,
}: {
  readonly unsyncedCount: number;
  /** What is counted, when it is not orders: "things waiting to upload". */
  readonly what?: string;
  readonly onSignOut: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming || unsyncedCount === 0) {
    return (
      <button type="button" className="button button--quiet" onClick={() => (unsyncedCount > 0 ? setConfirming(true) : onSignOut())}>
        Sign out
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="sign-out-warning">
      <p id="sign-out-warning">
        {what
          ? `${unsyncedCount} ${what}, saved only on this device.`
          : `${unsyncedCount === 1 ? '1 order has' : `${unsyncedCount} orders have`} changes saved only on this device.`}{' '}
        Sign out anyway?
      </p>
      <button type="button" className="button" onClick={onSignOut}>
        Sign out anyway
      </button>
      <button type="button" className="button button--primary" onClick={() => setConfirming(false)}>
        Stay signed in
      </button>
    </div>
  );
}
