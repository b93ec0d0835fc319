/**
 * Attribution: the statements about a policy (or in an article, or by a speaker, or
 * reported by an outlet) plotted over time, one line per speaker, topic, outlet, kind,
 * stance or article (`attributionSeries`), and counted by speaker and by reporting outlet
 * as bars (`attribution`). A date window and a stance narrow both. A quote reported through
 * two outlets counts once for each. The page asks again when statements it counts change.
 */
import { ATTRIBUTION, loadCatalogue, query, SERIES, type AttributionBucket, type Series } from '../api';
import { empty, viewHeading } from '../components';
import { h, replace, type Child } from '../dom';
import { watchStatements, type LiveState } from '../live';
import { href, type AttributionFilter, type SeriesOptions } from '../routes';
import { SeriesChart, showSeries } from '../series-chart';
import { seriesControls } from '../series-controls';
import { followSynthetic } from '../synthetic';
import { describeTarget, targetPicker } from '../target-picker';
import type { Rendered, View } from '../view';

interface Counts {
  speakers: AttributionBucket[];
  outlets: AttributionBucket[];
  kinds: AttributionBucket[];
  topics: AttributionBucket[];
}

/** The groups a series keeps before it folds the rest into "other". */
const SERIES_TOP = 8;

const KIND_NAMES: Record<string, string> = { DIRECT: 'Direct quotes', PARTIAL: 'Partial quotes', INDIRECT: 'Paraphrases' };

const LIVE_TEXT: Record<LiveState, string> = {
  unavailable: 'Live updates are not available on this server: reload to see new articles.',
  connecting: 'Connecting for live updates…',
  live: 'Live: the chart and the counts update when a new article arrives.',
  lost: 'Live updates lost their connection: reload to see new articles.',
};

interface Answer {
  counts: Counts;
  series: Series[];
}

function ask(filter: AttributionFilter, options: SeriesOptions, signal?: AbortSignal): Promise<Answer> {
  return Promise.all([
    query<Counts>(ATTRIBUTION, { filter }, signal),
    query<{ attributionSeries: Series[] }>(SERIES, { filter, groupBy: options.groupBy, interval: options.interval, top: SERIES_TOP }, signal),
  ]).then(([counts, series]) => ({ counts, series: series.attributionSeries }));
}

export const attributionView: View<{ view: 'attribution'; filter: AttributionFilter; series: SeriesOptions }> = async (route, signal) => {
  const [catalogue, first] = await Promise.all([loadCatalogue(), ask(route.filter, route.series, signal)]);
  const canvas = h('div', { class: 'series-canvas', role: 'img', 'aria-label': 'Statements over time; the legend and the table below hold the same numbers.' });
  const seriesSlot = h('div', { class: 'series-slot' });
  const countsSlot = h('div', null);
  const live = h('p', { class: 'live-status muted', 'aria-live': 'polite' });
  const chart = new SeriesChart(canvas);
  let stop: (() => void) | undefined;
  const left = new AbortController();
  let asking = false;

  const show = (answer: Answer): void => {
    showSeries(seriesSlot, chart, answer.series, route.series);
    replace(countsSlot, countsContent(answer.counts, route.filter));
  };

  /** Asks again after a change; a change during the question asks once more after it. */
  let again = false;
  const refresh = async (): Promise<void> => {
    if (asking) {
      again = true;
      return;
    }
    asking = true;
    try {
      const answer = await ask(route.filter, route.series, left.signal);
      show(answer);
    } catch {
      if (!left.signal.aborted) replace(live, 'The new counts could not be loaded: reload the page.');
    } finally {
      asking = false;
      if (again && !left.signal.aborted) {
        again = false;
        void refresh();
      }
    }
  };

  const page: Rendered = {
    content: [
      viewHeading(describeTarget(route.filter, catalogue)),
      targetPicker('attribution-target', 'Count statements ', route.filter, catalogue, (filter) => href.attribution(filter, route.series)),
      h(
        'section',
        { class: 'chart series', id: 'chart-series', 'aria-labelledby': 'chart-series-title' },
        h('h2', { id: 'chart-series-title' }, 'Over time'),
        seriesControls(route.filter, route.series),
        canvas,
        seriesSlot,
        live,
      ),
      countsSlot,
    ],
    mounted() {
      show(first);
      stop = watchStatements({
        filter: route.filter,
        onChange: () => {
          void refresh();
          void followSynthetic();
        },
        onState: (state) => {
          live.dataset.state = state;
          replace(live, LIVE_TEXT[state]);
        },
      });
    },
    dispose() {
      left.abort();
      stop?.();
      chart.destroy();
    },
  };
  return page;
};

function countsContent(counts: Counts, filter: AttributionFilter): Child[] {
  const total = counts.kinds.reduce((sum, b) => sum + b.count, 0);
  return [
    h('p', { class: 'lede', id: 'attribution-total' }, `${total} ${total === 1 ? 'statement' : 'statements'}. A statement reported through two outlets counts once for each.`),
    h(
      'div',
      { class: 'grid-2' },
      barChart('By speaker', 'chart-speakers', counts.speakers, 'No statements.'),
      barChart('By reporting outlet', 'chart-outlets', counts.outlets, 'None of these statements is credited to an outlet.'),
      barChart('By kind', 'chart-kinds', counts.kinds.map((b) => ({ ...b, label: KIND_NAMES[b.label] ?? b.label })), 'No statements.'),
      filter.about ? null : barChart('By topic', 'chart-topics', counts.topics, 'No topics.'),
    ),
  ];
}

export function barChart(title: string, id: string, buckets: readonly AttributionBucket[], none: string): HTMLElement {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return h(
    'section',
    { class: 'chart', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    buckets.length === 0
      ? empty(none)
      : h(
          'table',
          { class: 'bars' },
          h('thead', { class: 'visually-hidden' }, h('tr', null, h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Statements'))),
          h(
            'tbody',
            null,
            buckets.map((bucket) => {
              const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
              bar.style.width = `${(bucket.count / max) * 100}%`;
              const label: Child = bucket.id ? h('a', { href: href.node(bucket.id) }, bucket.label) : bucket.label;
              return h(
                'tr',
                { class: 'bar-row' },
                h('th', { scope: 'row', class: 'bar-label' }, label),
                h('td', { class: 'bar-cell' }, h('span', { class: 'bar-track' }, bar), h('span', { class: 'bar-count' }, String(bucket.count))),
              );
            }),
          ),
        ),
  );
}
