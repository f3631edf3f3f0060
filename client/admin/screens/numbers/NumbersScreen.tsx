import { useMemo, useState } from 'react';
import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { clockTime } from '../../../common/ui/clockTime';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { statsCharts } from '../../model/numbers/statsCharts';
import { dateInputValue, rangeOfDays } from '../../model/numbers/statsRange';
import { useCsvExport } from '../../model/numbers/useCsvExport';
import { useStats } from '../../model/numbers/useStats';
import { ChartFigure } from './ChartFigure';
import { TotalsLine } from './TotalsLine';

const DAY_TEXT = new Intl.DateTimeFormat([], { day: 'numeric', month: 'short', year: 'numeric' });

function RangeCaption({ from, to, fetchedAt }: { readonly from: number; readonly to: number; readonly fetchedAt: number | null }) {
  const lastDay = DAY_TEXT.format(to - 1);
  const firstDay = DAY_TEXT.format(from);
  return (
    <p className="muted">
      Orders placed {firstDay === lastDay ? `on ${firstDay}` : `from ${firstDay} to ${lastDay}`}
      {fetchedAt === null ? '' : `, as of ${clockTime(fetchedAt)}`}
    </p>
  );
}

/**
 * Numbers: orders over time, how long accepting, cooking and delivering take against what was
 * promised, how many were late, why orders ended badly, per outlet and per driver, for today or the
 * days chosen; the same orders as a CSV. Computed by the server, so it needs the network.
 */
export default function NumbersScreen() {
  const today = dateInputValue(Date.now());
  const [days, setDays] = useState({ from: today, to: today });
  const range = rangeOfDays(days.from, days.to);
  const wanted = range.ok ? range.value : null;
  const { stats, fetchedAt, loading, error, refresh } = useStats(wanted);
  const csv = useCsvExport();
  const online = useDeviceSnapshot().connection.status === 'online';
  const charts = useMemo(() => (stats ? statsCharts(stats) : []), [stats]);

  return (
    <section className="numbers" aria-labelledby="numbers-title" aria-busy={loading}>
      <h2 id="numbers-title">Numbers</h2>
      <form className="live-filters" aria-label="Days to count" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>From</span>
          <input type="date" value={days.from} max={today} onChange={(e) => setDays((d) => ({ ...d, from: e.currentTarget.value }))} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={days.to} max={today} onChange={(e) => setDays((d) => ({ ...d, to: e.currentTarget.value }))} />
        </label>
        <button type="button" className="button button--quiet" onClick={() => setDays({ from: today, to: today })}>
          Today
        </button>
        <button type="button" className="button button--quiet" disabled={!online} onClick={refresh}>
          Refresh
        </button>
        <button
          type="button"
          className="button"
          disabled={!online || !wanted || csv.busy}
          onClick={() => wanted && void csv.download(wanted.from, wanted.to)}
        >
          Export CSV
        </button>
      </form>
      <ErrorLine message={range.ok ? (error ?? csv.error) : range.error.message} />
      {online ? null : (
        <p className="notice">
          The numbers are counted on the server: offline, this screen shows only what it had already fetched, and nothing new.
        </p>
      )}
      {stats ? (
        <>
          <RangeCaption from={stats.from} to={stats.to} fetchedAt={fetchedAt} />
          <TotalsLine totals={stats.totals} />
          <div className="chart-grid">
            {charts.map((spec) => (
              <ChartFigure key={spec.id} spec={spec} />
            ))}
          </div>
        </>
      ) : (
        <p role="status">{online ? 'Counting…' : 'No numbers on this device yet.'}</p>
      )}
    </section>
  );
}
