/**
 * The attribution page's controls: what a line stands for (groupBy), how long an interval
 * is, the date window, the stance, and counts or shares. Each change is a new address, so a
 * chart can be bookmarked and shared as it was set; the API checks the values (an inverted
 * window or too many points comes back as its error).
 */
import { STANCES } from '../../src/vocabulary';
import { h } from './dom';
import { href, INTERVALS, MEASURES, SERIES_GROUPS, type AttributionFilter, type SeriesOptions } from './routes';

const GROUP_LABEL: Record<SeriesOptions['groupBy'], string> = {
  SPEAKER: 'Speaker',
  ABOUT: 'Topic',
  REPORTED_BY: 'Reporting outlet',
  KIND: 'Kind of statement',
  STANCE: 'Stance',
  ARTICLE: 'Article',
};
const INTERVAL_LABEL: Record<SeriesOptions['interval'], string> = { DAY: 'Day', WEEK: 'Week (ISO, from Monday)', MONTH: 'Month' };
const MEASURE_LABEL: Record<SeriesOptions['measure'], string> = { count: 'Statements', share: 'Share of all statements' };
export const STANCE_LABEL: Record<(typeof STANCES)[number], string> = { SUPPORTS: 'Supports', OPPOSES: 'Opposes', NEUTRAL: 'Neutral', UNCLEAR: 'Unclear' };

function select<T extends string>(id: string, label: string, values: readonly T[], labels: Record<T, string>, current: T | '', none?: string): HTMLElement {
  return h(
    'label',
    { class: 'control', for: id },
    h('span', null, label),
    h(
      'select',
      { id, name: id },
      none === undefined ? null : h('option', { value: '', selected: current === '' }, none),
      values.map((value) => h('option', { value, selected: value === current }, labels[value])),
    ),
  );
}

const date = (id: string, label: string, value: string | undefined): HTMLElement =>
  h('label', { class: 'control', for: id }, h('span', null, label), h('input', { id, name: id, type: 'date', value: value ?? '' }));

export function seriesControls(filter: AttributionFilter, options: SeriesOptions): HTMLFormElement {
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Chart settings' },
    select('series-group', 'Line per', SERIES_GROUPS, GROUP_LABEL, options.groupBy),
    select('series-interval', 'Interval', INTERVALS, INTERVAL_LABEL, options.interval),
    date('series-since', 'From', filter.since),
    date('series-until', 'To', filter.until),
    select('series-stance', 'Stance', STANCES, STANCE_LABEL, filter.stance ?? '', 'Any'),
    select('series-measure', 'Show', MEASURES, MEASURE_LABEL, options.measure),
    h('button', { type: 'submit', class: 'button' }, 'Apply'),
  );
  const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const apply = (): void => {
    const next: AttributionFilter = { ...filter, since: value('series-since') || undefined, until: value('series-until') || undefined, stance: (value('series-stance') || undefined) as AttributionFilter['stance'] };
    const series: SeriesOptions = {
      groupBy: value('series-group') as SeriesOptions['groupBy'],
      interval: value('series-interval') as SeriesOptions['interval'],
      measure: value('series-measure') as SeriesOptions['measure'],
    };
    location.hash = href.attribution(next, series);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  // A choice from a list applies at once; a date applies on Apply or Enter, so typing one does not reload the chart at every keystroke.
  for (const element of form.querySelectorAll('select')) element.addEventListener('change', apply);
  return form;
}
