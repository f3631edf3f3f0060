export interface StatusPart {
  readonly text: string;
  readonly tone: 'ok' | 'warn' | 'bad';
}

/** A line of what is not as usual, each part a pill; nothing at all when all is as usual. */
export function StatusLine({ label, parts }: { readonly label: string; readonly parts: readonly StatusPart[] }) {
  if (parts.length === 0) return null;
  return (
    <p className="status-line" aria-label={label}>
      {parts.map((part) => (
        <span key={part.text} className={`status-line__part status-line__part--${part.tone}`}>
          {part.text}
        </span>
      ))}
    </p>
  );
}
