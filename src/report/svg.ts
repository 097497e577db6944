/** Inline SVG bar charts for the HTML report: plain markup, no library, no network. */
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  value: number;
}

export interface ChartOptions {
  /** Accessible name of the chart. */
  title: string;
  /** Number shown above each bar (defaults to the value). */
  format?: (value: number) => string;
}

const WIDTH = 480;
const HEIGHT = 200;
const AXIS = 34;
const TOP = 16;
/** Above this many bars, only every n-th label is written so labels do not overlap. */
const MAX_LABELS = 12;

/** A vertical bar chart; an empty series gives a chart saying so. */
export function barChart(bars: readonly Bar[], options: ChartOptions): string {
  const open = `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(options.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>`;
  if (!bars.length) return `${open}<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" class="empty">no data</text></svg>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = WIDTH / bars.length;
  const barWidth = Math.max(1, slot * 0.8);
  const plotHeight = HEIGHT - AXIS - TOP;
  const labelEvery = Math.ceil(bars.length / MAX_LABELS);
  const format = options.format ?? String;
  const parts = bars.map((bar, i) => {
    const h = (bar.value / max) * plotHeight;
    const x = i * slot + (slot - barWidth) / 2;
    const y = TOP + plotHeight - h;
    const cx = (x + barWidth / 2).toFixed(1);
    const value = bar.value ? `<text x="${cx}" y="${(y - 3).toFixed(1)}" text-anchor="middle" class="value">${escapeHtml(format(bar.value))}</text>` : '';
    const label = i % labelEvery === 0 ? `<text x="${cx}" y="${HEIGHT - AXIS + 14}" text-anchor="middle" class="label">${escapeHtml(bar.label)}</text>` : '';
    return `<g><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(`${bar.label}: ${format(bar.value)}`)}</title></rect>${value}${label}</g>`;
  });
  return `${open}<line x1="0" y1="${TOP + plotHeight}" x2="${WIDTH}" y2="${TOP + plotHeight}" class="axis"/>${parts.join('')}</svg>`;
}
