/**
 * The explorer's addresses. Every view lives in the URL fragment (`/explorer#/entity/
 * person:mike-waltz`), so a view can be bookmarked, shared and reloaded, the back button
 * works, and the server only ever serves one page.
 */
import { ID_PREFIX } from '../../src/vocabulary';

export type Route =
  | { view: 'home' }
  | { view: 'search'; text: string }
  | { view: 'entity'; id: string }
  | { view: 'statement'; id: string }
  | { view: 'article'; id: string }
  | { view: 'attribution'; filter: AttributionFilter }
  | { view: 'paths'; from: string; to: string; maxHops: number; first: number }
  | { view: 'timeline'; entity: string }
  | { view: 'missing'; hash: string };

/** One of these narrows the statements counted; none counts them all. */
export interface AttributionFilter {
  about?: string;
  article?: string;
  speaker?: string;
  reportedBy?: string;
}

const FILTER_KEYS = ['about', 'article', 'speaker', 'reportedBy'] as const;

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
    case 'attribution': {
      const filter: AttributionFilter = {};
      for (const key of FILTER_KEYS) {
        const value = params.get(key);
        if (value) filter[key] = value;
      }
      return { view: 'attribution', filter };
    }
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

export const href = {
  home: (): string => '#/',
  search: (text: string): string => `#/search${query({ q: text })}`,
  node: (id: string): string => {
    if (id.startsWith(`${ID_PREFIX.Statement}:`)) return `#/statement/${encodeURIComponent(id)}`;
    if (id.startsWith(`${ID_PREFIX.Article}:`)) return `#/article/${encodeURIComponent(id)}`;
    return `#/entity/${encodeURIComponent(id)}`;
  },
  attribution: (filter: AttributionFilter): string => `#/attribution${query({ ...filter })}`,
  paths: (from = '', to = '', maxHops?: number, first?: number): string => `#/paths${query({ from, to, maxHops, first })}`,
  timeline: (entity = ''): string => `#/timeline${query({ entity })}`,
};
