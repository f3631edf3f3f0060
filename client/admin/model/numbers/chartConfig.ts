import type { ChartConfiguration } from 'chart.js';
import type { ChartSpec } from './statsCharts';

/** Colours that stay apart for common colour blindness (Okabe–Ito), in series order. */
export const SERIES_COLOURS = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9'] as const;

const colourOf = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#0072B2';

/**
 * What Chart.js is given for a spec. `reducedMotion` (the person's prefers-reduced-motion) turns every
 * animation off; the values axis starts at zero so bars compare honestly.
 */
export function chartConfig(spec: ChartSpec, reducedMotion: boolean): ChartConfiguration<'line' | 'bar', number[], string> {
  return {
    type: spec.kind,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: [...s.data],
        borderColor: colourOf(i),
        backgroundColor: colourOf(i),
        // Straight segments: a smoothed line would draw values between buckets that never happened.
        ...(spec.kind === 'line' ? { tension: 0, pointRadius: 2, fill: false } : {}),
      })),
    },
    options: {
      animation: reducedMotion ? false : { duration: 400 },
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: spec.unit } } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}
