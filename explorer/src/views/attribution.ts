/**
 * Attribution: the statements about a policy (or in an article, or by a speaker, or
 * reported by an outlet) counted by speaker and by reporting outlet, as bars.
 * `attribution(groupBy, filter)` does the counting; a quote reported through two outlets
 * counts once for each.
 */
import { allEntities, ATTRIBUTION, loadCatalogue, query, type AttributionBucket, type Catalogue } from '../api';
import { empty, viewHeading } from '../components';
import { h, type Child } from '../dom';
import { href, type AttributionFilter } from '../routes';
import type { View } from '../view';

interface Counts {
  speakers: AttributionBucket[];
  outlets: AttributionBucket[];
  kinds: AttributionBucket[];
  topics: AttributionBucket[];
}

const KIND_NAMES: Record<string, string> = { DIRECT: 'Direct quotes', PARTIAL: 'Partial quotes', INDIRECT: 'Paraphrases' };

export const attributionView: View<{ view: 'attribution'; filter: AttributionFilter }> = async (route, signal) => {
  const [catalogue, counts] = await Promise.all([loadCatalogue(), query<Counts>(ATTRIBUTION, { filter: route.filter }, signal)]);
  const title = describe(route.filter, catalogue);
  const total = counts.kinds.reduce((sum, b) => sum + b.count, 0);
  return [
    viewHeading(title),
    picker(route.filter, catalogue),
    h('p', { class: 'lede' }, `${total} ${total === 1 ? 'statement' : 'statements'}. A statement reported through two outlets counts once for each.`),
    h(
      'div',
      { class: 'grid-2' },
      barChart('By speaker', 'chart-speakers', counts.speakers, 'No statements.'),
      barChart('By reporting outlet', 'chart-outlets', counts.outlets, 'None of these statements is credited to an outlet.'),
      barChart('By kind', 'chart-kinds', counts.kinds.map((b) => ({ ...b, label: KIND_NAMES[b.label] ?? b.label })), 'No statements.'),
      route.filter.about ? null : barChart('By topic', 'chart-topics', counts.topics, 'No topics.'),
    ),
  ];
};

function describe(filter: AttributionFilter, catalogue: Catalogue): string {
  const names = new Map<string, string>([...allEntities(catalogue).map((e): [string, string] => [e.id, e.name]), ...catalogue.articles.edges.map((e): [string, string] => [e.node.id, e.node.title])]);
  const name = (id: string): string => names.get(id) ?? id;
  const parts: string[] = [];
  if (filter.about) parts.push(`about ${name(filter.about)}`);
  if (filter.article) parts.push(`in “${name(filter.article)}”`);
  if (filter.speaker) parts.push(`by ${name(filter.speaker)}`);
  if (filter.reportedBy) parts.push(`reported by ${name(filter.reportedBy)}`);
  return parts.length > 0 ? `Statements ${parts.join(', ')}` : 'All statements';
}

/** Choose what to count: a policy, an article, or everything (and the current filter, whatever it is). */
function picker(filter: AttributionFilter, catalogue: Catalogue): HTMLElement {
  const current = href.attribution(filter);
  const option = (value: string, label: string): HTMLOptionElement => h('option', { value, selected: value === current }, label);
  const select = h(
    'select',
    { id: 'attribution-target', name: 'target' },
    option(href.attribution({}), 'All statements'),
    h('optgroup', { label: 'About a policy' }, catalogue.policies.edges.map((e) => option(href.attribution({ about: e.node.id }), e.node.name))),
    h('optgroup', { label: 'In an article' }, catalogue.articles.edges.map((e) => option(href.attribution({ article: e.node.id }), e.node.title))),
    h('optgroup', { label: 'By a person' }, catalogue.people.edges.map((e) => option(href.attribution({ speaker: e.node.id }), e.node.name))),
  );
  if (![...select.options].some((o) => o.selected)) select.prepend(option(current, describe(filter, catalogue)));
  const form = h(
    'form',
    { class: 'inline-form', onsubmit: (event: Event) => { event.preventDefault(); location.hash = select.value; } },
    h('label', { for: 'attribution-target' }, 'Count statements '),
    select,
    h('button', { type: 'submit', class: 'button' }, 'Show'),
  );
  select.addEventListener('change', () => (location.hash = select.value));
  return form;
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
