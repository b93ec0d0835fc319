/**
 * The calendar of a series and its assembly: which intervals a window spans (UTC days, ISO
 * weeks from Monday, calendar months) and one point for each of them in every series,
 * 0 where Neo4j found nothing. Pure: the counts come from translateSeries (analytics.cypher.ts).
 */
import { badInput } from '../../errors';
import { SERIES_LIMITS } from './analytics.input';
import type { AttributionSeries, Interval as IntervalEnum } from './analytics.type';

/**
 * An interval by its name. Only types come from analytics.type.ts, so that code without
 * type-graphql's decorators (the bench's floor) can use this calendar.
 */
export type Interval = `${IntervalEnum}`;

const DAY_MS = 86_400_000;

const dayOf = (text: string): Date => new Date(`${text}T00:00:00Z`);
const textOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The first day of the interval that holds `day` (YYYY-MM-DD). */
export function intervalStart(day: string, interval: Interval): string {
  const date = dayOf(day);
  switch (interval) {
    case 'DAY':
      return day;
    case 'WEEK':
      // getUTCDay: Sunday 0 ... Saturday 6; ISO weeks start on Monday.
      return textOf(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS));
    case 'MONTH':
      return `${day.slice(0, 7)}-01`;
  }
}

/** The first day of the interval after the one starting on `start`. */
function nextStart(start: string, interval: Interval): string {
  const date = dayOf(start);
  switch (interval) {
    case 'DAY':
      return textOf(new Date(date.getTime() + DAY_MS));
    case 'WEEK':
      return textOf(new Date(date.getTime() + 7 * DAY_MS));
    case 'MONTH':
      return textOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
  }
}

/**
 * The starts of every interval from the one holding `from` to the one holding `to`, oldest
 * first; BAD_USER_INPUT naming `interval` when there would be more than SERIES_LIMITS.maxPoints.
 */
export function intervalStarts(from: string, to: string, interval: Interval): string[] {
  const starts: string[] = [];
  const last = intervalStart(to, interval);
  for (let start = intervalStart(from, interval); start <= last; start = nextStart(start, interval)) {
    if (starts.length === SERIES_LIMITS.maxPoints) {
      throw badInput(
        `interval ${interval} from ${from} to ${to} gives more than ${SERIES_LIMITS.maxPoints} points; choose a longer interval or a shorter window (filter.since, filter.until)`,
        { argument: 'interval' },
      );
    }
    starts.push(start);
  }
  return starts;
}

/** What translateSeries answers. `key` is the entity or article id, or the label itself for KIND and STANCE; null in a cell for the folded groups. */
export interface SeriesCounts {
  readonly kept: readonly { readonly key: string; readonly label: string; readonly n: number }[];
  readonly totals: readonly { readonly start: string; readonly n: number }[];
  readonly cells: readonly { readonly start: string; readonly key: string | null; readonly n: number }[];
}

/** The window a series spans: the filter's, else from the first interval with statements to the last. */
export function seriesWindow(counts: SeriesCounts, since: string | null, until: string | null): { from: string; to: string } | null {
  const starts = counts.totals.map((t) => t.start).sort();
  const from = since ?? starts[0] ?? until;
  const to = until ?? starts[starts.length - 1] ?? since;
  return from === undefined || from === null || to === undefined || to === null ? null : { from, to };
}

/**
 * One series per kept group, largest first, then "other" when groups were folded into it;
 * each with a point per interval of `starts`. `keyIsId`: whether a group's key is an id.
 */
export function assembleSeries(counts: SeriesCounts, starts: readonly string[], keyIsId: boolean): AttributionSeries[] {
  // Each interval's total once, and each group's counts by interval start, so that a point is
  // two lookups in small maps, not a key made per point.
  const totals = new Map(counts.totals.map((t) => [t.start, t.n]));
  const all = starts.map((start) => totals.get(start) ?? 0);
  const byGroup = new Map<string | null, Map<string, number>>();
  for (const c of counts.cells) {
    const group = byGroup.get(c.key) ?? new Map<string, number>();
    byGroup.set(c.key, group.set(c.start, c.n));
  }
  const seriesOf = (key: string | null, id: string | null, label: string): AttributionSeries => {
    const cells = byGroup.get(key);
    let total = 0;
    const points = starts.map((start, i) => {
      const count = cells?.get(start) ?? 0;
      const interval = all[i] as number;
      total += count;
      return { start, count, share: interval === 0 ? 0 : count / interval };
    });
    return { id, label, total, points };
  };
  const series = counts.kept.map((k) => seriesOf(k.key, keyIsId ? k.key : null, k.label));
  if (byGroup.has(null)) series.push(seriesOf(null, null, 'other'));
  return series;
}
