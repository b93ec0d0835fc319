/**
 * Attention over time: `attributionSeries` drawn with uPlot, one line per group with a point
 * per interval, and the same numbers as a table (a canvas cannot be read by a screen reader or
 * copied; the table can). uPlot was chosen for its size (about 50 KB, no dependencies), its
 * time axis and its CSP-clean DOM: it styles through CSSOM properties only, never a `style`
 * attribute or a <style> element, which the explorer's Content-Security-Policy refuses.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Series } from './api';
import { empty, formatDate } from './components';
import { h, replace } from './dom';
import { href, type SeriesOptions } from './routes';

/** Ten colours a reader can tell apart (Tableau 10, darkened to 3:1 against white), then grey for "other". */
const PALETTE = ['#1f77b4', '#d9480f', '#2b8a3e', '#c92a2a', '#7048e8', '#8c564b', '#c2255c', '#5c5f66', '#5c940d', '#0b7285'];
const OTHER_COLOUR = '#9aa5b1';

export const seriesColour = (series: Series, index: number): string => (series.id === null && series.label === 'other' ? OTHER_COLOUR : (PALETTE[index % PALETTE.length] as string));

const seconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;
const value = (point: Series['points'][number], measure: SeriesOptions['measure']): number => (measure === 'share' ? Math.round(point.share * 1000) / 10 : point.count);
const HALF_INTERVAL: Record<SeriesOptions['interval'], number> = { DAY: 43_200, WEEK: 302_400, MONTH: 1_314_000 };
const INTERVAL_WORD: Record<SeriesOptions['interval'], string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

const everyNth = (values: readonly number[], n: number): number[] => values.filter((_v, i) => i % n === 0);
const tickLabel = (split: number, interval: SeriesOptions['interval']): string =>
  formatDate(new Date(split * 1000).toISOString().slice(0, 10), interval === 'MONTH' ? 'MONTH' : 'DAY');

/** The drawing; it follows its container's width. */
export class SeriesChart {
  private plot: uPlot | undefined;
  private readonly resizer: ResizeObserver;

  constructor(private readonly container: HTMLElement) {
    this.resizer = new ResizeObserver(() => this.plot?.setSize(this.size()));
    this.resizer.observe(container);
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(240, this.container.clientWidth), height: 300 };
  }

  draw(series: readonly Series[], options: SeriesOptions): void {
    this.plot?.destroy();
    this.plot = undefined;
    const [first] = series;
    if (!first) return;
    const starts = first.points.map((p) => seconds(p.start));
    const data: uPlot.AlignedData = [starts, ...series.map((s) => s.points.map((p) => value(p, options.measure)))];
    const pad = HALF_INTERVAL[options.interval];
    const window: uPlot.Range.MinMax = [(starts[0] ?? 0) - pad, (starts[starts.length - 1] ?? 0) + pad];
    this.plot = new uPlot(
      {
        ...this.size(),
        // Interval starts are UTC days: the axis names them as the API does, whatever the reader's time zone.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        // Half an interval of room at each end, so a series of one interval is a point in the middle, not a span uPlot guesses.
        scales: { x: { time: true, auto: false, range: () => window }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // Ticks on interval starts only (never at hours of a day), as many as fit.
          { stroke: '#334155', grid: { stroke: '#e2e8f0' }, splits: (u) => everyNth(starts, Math.ceil(starts.length / Math.max(2, Math.floor(u.width / 110)))), values: (_u, splits) => splits.map((split) => tickLabel(split, options.interval)) },
          { stroke: '#334155', grid: { stroke: '#e2e8f0' }, label: options.measure === 'share' ? '% of statements' : `statements per ${INTERVAL_WORD[options.interval]}` },
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: seriesColour(s, i),
            width: 2,
            points: { show: true, size: 6, fill: seriesColour(s, i) },
          })),
        ],
      },
      data,
      this.container,
    );
  }

  destroy(): void {
    this.resizer.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }
}

/** Which line is which: a swatch and a label (a link for an entity or article), with the group's total. */
export function seriesLegend(series: readonly Series[]): HTMLElement {
  return h(
    'ul',
    { class: 'series-legend', 'aria-label': 'Lines in the chart' },
    series.map((s, i) => {
      const swatch = h('span', { class: 'series-swatch', 'aria-hidden': 'true' });
      swatch.style.background = seriesColour(s, i);
      return h('li', null, swatch, s.id ? h('a', { href: href.node(s.id) }, s.label) : s.label, h('span', { class: 'muted' }, ` ${s.total}`));
    }),
  );
}

/** The numbers behind the drawing: a row per group, a column per interval. */
export function seriesTable(series: readonly Series[], options: SeriesOptions): HTMLElement {
  const starts = series[0]?.points.map((p) => p.start) ?? [];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'series-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Group'), starts.map((start) => h('th', { scope: 'col' }, start)), h('th', { scope: 'col' }, 'Total'))),
      h(
        'tbody',
        null,
        series.map((s) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, s.label),
            s.points.map((p) => h('td', null, options.measure === 'share' ? `${value(p, 'share')}%` : String(p.count))),
            h('td', null, String(s.total)),
          ),
        ),
      ),
    ),
  );
}

/** Fills `slot` with the legend, the drawing and the table for `series`, or says there is nothing to draw. */
export function showSeries(slot: HTMLElement, chart: SeriesChart, series: readonly Series[], options: SeriesOptions): void {
  const points = series[0]?.points.length ?? 0;
  slot.dataset.groups = String(series.length);
  slot.dataset.points = String(points);
  if (points === 0) {
    chart.draw([], options);
    replace(slot, empty('No dated statements: nothing to plot over time.'));
    return;
  }
  replace(
    slot,
    seriesLegend(series),
    h('details', { class: 'series-numbers' }, h('summary', null, `The numbers (${series.length} ${series.length === 1 ? 'group' : 'groups'}, ${points} ${points === 1 ? INTERVAL_WORD[options.interval] : `${INTERVAL_WORD[options.interval]}s`})`), seriesTable(series, options)),
  );
  chart.draw(series, options);
}
