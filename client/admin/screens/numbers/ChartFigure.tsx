import { useEffect, useRef, useState } from 'react';
import { chartConfig } from '../../model/numbers/chartConfig';
import type { ChartSpec } from '../../model/numbers/statsCharts';
import { Chart } from './chartJs';

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * One chart and the same numbers as a table: the table is always there for screen readers, and shown
 * to everyone with "Show as table" (the canvas itself is hidden from assistive tech).
 */
export function ChartFigure({ spec }: { readonly spec: ChartSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [asTable, setAsTable] = useState(false);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, chartConfig(spec, reducedMotion()));
    return () => chart.destroy();
  }, [spec]);

  const titleId = `chart-${spec.id}`;
  return (
    <figure className="card chart" aria-labelledby={titleId}>
      <figcaption className="chart__head">
        <h3 id={titleId}>{spec.title}</h3>
        <button type="button" className="button button--quiet" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          Show as table
        </button>
      </figcaption>
      {spec.labels.length === 0 ? <p className="empty">Nothing to show for this range.</p> : null}
      <div className="chart__canvas" hidden={spec.labels.length === 0}>
        <canvas ref={canvas} aria-hidden="true" />
      </div>
      <table className={asTable ? 'ops-table chart__table' : 'sr-only'} aria-label={spec.title}>
        <thead>
          <tr>
            <th scope="col">{spec.rowsAre}</th>
            {spec.series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.labels.map((label, row) => (
            <tr key={row}>
              <th scope="row">{label}</th>
              {spec.series.map((s) => (
                <td key={s.label}>{s.data[row] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
