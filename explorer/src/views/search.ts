/** Ranked full-text results over entities, statements and articles (`search(text, first)`). */
import { query, SEARCH, type SearchHit } from '../api';
import { empty, nodeLabel, typeBadge, viewHeading } from '../components';
import { h, type Child } from '../dom';
import { href } from '../routes';
import type { View } from '../view';

export const SEARCH_RESULTS = 20;

export const searchView: View<{ view: 'search'; text: string }> = async (route, signal) => {
  const text = route.text.trim();
  if (!text) return [viewHeading('Search'), empty('Type a name, an organization, a policy or words from a quote into the search box above, then press Enter.')];
  const { search } = await query<{ search: SearchHit[] }>(SEARCH, { text, first: SEARCH_RESULTS }, signal);
  const best = search[0]?.score ?? 1;
  return [
    viewHeading('Results for ', h('q', null, text)),
    search.length === 0
      ? empty(['Nothing matched. Search looks for whole words in names, aliases, quotes and article text; try another word.'])
      : h(
          'ol',
          { class: 'results', 'aria-label': `${search.length} results, best first` },
          search.map((hit) => resultItem(hit, text, best)),
        ),
  ];
};

function resultItem(hit: SearchHit, text: string, best: number): HTMLElement {
  const node = hit.node;
  const relevance = h('span', { class: 'relevance-bar' });
  relevance.style.width = `${Math.max(4, Math.round((hit.score / best) * 100))}%`;
  return h(
    'li',
    { class: 'result' },
    h(
      'div',
      { class: 'result-head' },
      typeBadge(node.__typename),
      h('a', { href: href.node(node.id), class: 'result-title' }, nodeLabel(node, 160)),
    ),
    node.__typename === 'Statement' ? h('div', { class: 'muted' }, '— ', node.speaker.name) : null,
    'description' in node && node.description ? h('div', { class: 'muted' }, node.description) : null,
    hit.snippet && hit.snippet !== nodeLabel(node, 1000) ? h('p', { class: 'snippet' }, marked(hit.snippet, text)) : null,
    h('div', { class: 'relevance' }, h('span', { class: 'relevance-track', 'aria-hidden': 'true' }, relevance), h('span', { class: 'muted small' }, `relevance ${hit.score.toFixed(2)}`)),
  );
}

/** The snippet with the searched words marked, as text nodes and <mark>s (never HTML). */
export function marked(snippet: string, text: string): Child[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  if (words.length === 0) return [snippet];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const parts: Child[] = [];
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(snippet.slice(last, at));
    parts.push(h('mark', null, match[0]));
    last = at + match[0].length;
  }
  if (last < snippet.length) parts.push(snippet.slice(last));
  return parts;
}
