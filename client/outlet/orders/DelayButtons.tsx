/** Delays staff reach for most; each moves the ready-by time the customer sees. */
export const DELAY_CHOICES = [5, 10, 15] as const;

export function DelayButtons({ onDelay }: { readonly onDelay: (minutes: number) => void }) {
  return (
    <div className="delay" role="group" aria-label="Delay">
      <span className="delay__label" aria-hidden="true">
        Delay
      </span>
      {DELAY_CHOICES.map((minutes) => (
        <button key={minutes} type="button" className="button button--quiet" onClick={() => onDelay(minutes)}>
          <span className="sr-only">Delay </span>
          {minutes} min
        </button>
      ))}
    </div>
  );
}
