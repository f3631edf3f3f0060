/** Named figures side by side (a term above its value), as one labelled description list. */
export function FactList({
  label,
  facts,
  className = '',
}: {
  readonly label: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly className?: string;
}) {
  return (
    <dl className={`numbers-totals ${className}`.trim()} aria-label={label}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
