import { taxLabel, type TaxLine } from '../../../shared/catalog/taxes';

interface Props {
  readonly taxes: readonly TaxLine[];
  /** Exclusive taxes go above the total (they make it up); inclusive ones below it (they are inside it). */
  readonly inclusive: boolean;
  readonly format: (minor: number) => string;
  readonly className?: string;
}

/** The tax rows of a totals list (`<dl>`), as the order was priced: the review before ordering and the receipt. */
export function TaxRows({ taxes, inclusive, format, className }: Props) {
  return (
    <>
      {taxes
        .filter((tax) => tax.inclusive === inclusive)
        .map((tax) => (
          <div key={`${tax.name}-${tax.rateBasisPoints}`} className={className}>
            <dt>{taxLabel(tax)}</dt>
            <dd>{format(tax.amount)}</dd>
          </div>
        ))}
    </>
  );
}
