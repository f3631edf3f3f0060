import { FactList } from '../../figures/FactList';
import type { StatsSummary } from '../../../../shared/api/adminStats';
import { formatMoney } from '../../../../shared/money';

/** The range's totals in words and figures, before the charts. */
export function TotalsLine({ totals }: { readonly totals: StatsSummary }) {
  const facts: readonly [string, string][] = [
    ['Orders', String(totals.orders)],
    ['Completed', String(totals.completed)],
    ['Late', totals.lateShare === null ? '—' : `${totals.late} (${Math.round(totals.lateShare * 1000) / 10}%)`],
    ['Rejected', String(totals.rejected)],
    ['Cancelled', String(totals.cancelled)],
    ['Failed', String(totals.failed)],
    ['Still open', String(totals.open)],
    ['Sales', totals.sales.length === 0 ? '—' : totals.sales.map((s) => formatMoney(s.amount, s.currency)).join(' + ')],
  ];
  return <FactList label="Totals" facts={facts} />;
}
