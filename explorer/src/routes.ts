/**
 * The explorer's addresses. Every view lives in the URL fragment (`/explorer#/entity/
 * person:mike-waltz`), so a view can be bookmarked, shared and reloaded, the back button
 * works, and the server only ever serves one page.
 */
import { ID_PREFIX, STANCES, type Stance } from '../../src/vocabulary';

export type Route =
  | { view: 'home' }
  | { view: 'search'; text: string }
  | { view: 'entity'; id: string }
  | { view: 'statement'; id: string }
  | { view: 'article'; id: string }
  | { view: 'attribution'; filter: AttributionFilter; series: SeriesOptions }
  | { view: 'network'; filter: AttributionFilter; network: NetworkOptions }
  | { view: 'paths'; from: string; to: string; maxHops: number; first: number }
  | { view: 'timeline'; entity: string }
  | { view: 'missing'; hash: string };

/**
 * One of the first four narrows the statements counted (none counts them all); the date
 * window (YYYY-MM-DD, inclusive) and the stance narrow them further. The fields are
 * StatementFilter's, so the filter goes to the API as it is.
 */
export interface AttributionFilter {
  about?: string;
  article?: string;
  speaker?: string;
  reportedBy?: string;
  since?: string;
  until?: string;
  stance?: Stance;
}

/** The target keys first, then the window and stance: the order the addresses spell them in. */
const FILTER_KEYS = ['about', 'article', 'speaker', 'reportedBy', 'since', 'until', 'stance'] as const;

export const SERIES_GROUPS = ['SPEAKER', 'ABOUT', 'REPORTED_BY', 'KIND', 'STANCE', 'ARTICLE'] as const;
export const INTERVALS = ['DAY', 'WEEK', 'MONTH'] as const;
export const MEASURES = ['count', 'share'] as const;

/** How the attribution page plots its series over time. */
export interface SeriesOptions {
  groupBy: (typeof SERIES_GROUPS)[number];
  interval: (typeof INTERVALS)[number];
  /** Statements per interval, or their share of all the filter selects in it. */
  measure: (typeof MEASURES)[number];
}

export const DEFAULT_SERIES: SeriesOptions = { groupBy: 'SPEAKER', interval: 'WEEK', measure: 'count' };

export const NETWORK_DIMENSIONS = ['ABOUT', 'REPORTED_BY', 'CO_QUOTED'] as const;
export const NODE_SIZES = ['weightedDegree', 'pageRank'] as const;

/** What the network view asks `network` for, and how it sizes nodes. */
export interface NetworkOptions {
  by: (typeof NETWORK_DIMENSIONS)[number][];
  minWeight: number;
  size: (typeof NODE_SIZES)[number];
}

export const DEFAULT_NETWORK: NetworkOptions = { by: [...NETWORK_DIMENSIONS], minWeight: 1, size: 'weightedDegree' };

/** `value` when it is one of `allowed`, else `fallback`: an address typed by hand cannot make the view ask for what the API refuses. */
function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return (allowed as readonly (string | null)[]).includes(value) ? (value as T) : fallback;
}

function parseFilter(params: URLSearchParams): AttributionFilter {
  const filter: AttributionFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'stance') filter.stance = oneOf<Stance | ''>(STANCES, value, '') || undefined;
    else filter[key] = value;
  }
  return filter;
}

function parseNetwork(params: URLSearchParams): NetworkOptions {
  const by = (params.get('by') ?? '').split(',').filter((d): d is NetworkOptions['by'][number] => (NETWORK_DIMENSIONS as readonly string[]).includes(d));
  const minWeight = Number(params.get('minWeight') ?? DEFAULT_NETWORK.minWeight);
  return {
    by: by.length > 0 ? by : DEFAULT_NETWORK.by,
    minWeight: Number.isInteger(minWeight) && minWeight >= 1 ? minWeight : DEFAULT_NETWORK.minWeight,
    size: oneOf(NODE_SIZES, params.get('size'), DEFAULT_NETWORK.size),
  };
}

export const DEFAULT_MAX_HOPS = 4;
export const DEFAULT_PATHS = 3;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  if (raw === '' || raw === '/') return { view: 'home' };
  const [path = '', search = ''] = raw.split('?', 2);
  const params = new URLSearchParams(search);
  const [, view = '', ...rest] = path.split('/');
  const id = safeDecode(rest.join('/'));
  switch (view) {
    case 'search':
      return { view: 'search', text: params.get('q') ?? '' };
    case 'entity':
    case 'statement':
    case 'article':
      return id ? { view, id } : { view: 'missing', hash };
    case 'attribution':
      return {
        view: 'attribution',
        filter: parseFilter(params),
        series: {
          groupBy: oneOf(SERIES_GROUPS, params.get('groupBy'), DEFAULT_SERIES.groupBy),
          interval: oneOf(INTERVALS, params.get('interval'), DEFAULT_SERIES.interval),
          measure: oneOf(MEASURES, params.get('measure'), DEFAULT_SERIES.measure),
        },
      };
    case 'network':
      return { view: 'network', filter: parseFilter(params), network: parseNetwork(params) };
    case 'paths': {
      const int = (name: string, fallback: number): number => {
        const value = Number(params.get(name) ?? fallback);
        return Number.isInteger(value) ? value : fallback;
      };
      return { view: 'paths', from: params.get('from') ?? '', to: params.get('to') ?? '', maxHops: int('maxHops', DEFAULT_MAX_HOPS), first: int('first', DEFAULT_PATHS) };
    }
    case 'timeline':
      return { view: 'timeline', entity: params.get('entity') ?? '' };
    default:
      return { view: 'missing', hash };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The filter's fields in FILTER_KEYS order, so the same filter always spells the same address. */
const orderedFilter = (filter: AttributionFilter): Record<string, string | undefined> => Object.fromEntries(FILTER_KEYS.map((key) => [key, filter[key]]));

export const href = {
  home: (): string => '#/',
  search: (text: string): string => `#/search${query({ q: text })}`,
  node: (id: string): string => {
    if (id.startsWith(`${ID_PREFIX.Statement}:`)) return `#/statement/${encodeURIComponent(id)}`;
    if (id.startsWith(`${ID_PREFIX.Article}:`)) return `#/article/${encodeURIComponent(id)}`;
    return `#/entity/${encodeURIComponent(id)}`;
  },
  /** Options at their defaults stay out of the address. */
  attribution: (filter: AttributionFilter, series: SeriesOptions = DEFAULT_SERIES): string =>
    `#/attribution${query({
      ...orderedFilter(filter),
      groupBy: series.groupBy === DEFAULT_SERIES.groupBy ? undefined : series.groupBy,
      interval: series.interval === DEFAULT_SERIES.interval ? undefined : series.interval,
      measure: series.measure === DEFAULT_SERIES.measure ? undefined : series.measure,
    })}`,
  network: (filter: AttributionFilter, network: NetworkOptions = DEFAULT_NETWORK): string =>
    `#/network${query({
      ...orderedFilter(filter),
      by: network.by.length === DEFAULT_NETWORK.by.length ? undefined : network.by.join(','),
      minWeight: network.minWeight === DEFAULT_NETWORK.minWeight ? undefined : network.minWeight,
      size: network.size === DEFAULT_NETWORK.size ? undefined : network.size,
    })}`,
  paths: (from = '', to = '', maxHops?: number, first?: number): string => `#/paths${query({ from, to, maxHops, first })}`,
  timeline: (entity = ''): string => `#/timeline${query({ entity })}`,
};
