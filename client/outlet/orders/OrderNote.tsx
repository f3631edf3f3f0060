/** Notes longer than this are folded to their start, so a chatty note never pushes Accept below the fold. */
export const NOTE_PREVIEW_CHARS = 60;

/** The customer's note: shown whole when short, else a native disclosure ("Note: …, show all") keyboard and screen readers know. */
export function OrderNote({ text }: { readonly text: string }) {
  if (text.length <= NOTE_PREVIEW_CHARS) {
    return (
      <p className="order__notes">
        <strong>Note:</strong> {text}
      </p>
    );
  }
  return (
    <details className="order__notes order__notes--long">
      <summary>
        <strong>Note:</strong> {text.slice(0, NOTE_PREVIEW_CHARS).trimEnd()}… <span className="order__more">show all</span>
      </summary>
      <p>{text}</p>
    </details>
  );
}
