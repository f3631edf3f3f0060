/** A load that failed, with the reason and a way to try again. */
export function LoadFailure({ message, onRetry }: { readonly message: string; readonly onRetry?: () => void }) {
  return (
    <div className="card load-failure" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
