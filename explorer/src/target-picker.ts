/**
 * What a view looks at: all statements, those about a policy, in an article, or by a person
 * (the filter's target), chosen from the catalogue. The rest of the address (window, stance,
 * the view's options) stays as it is when the target changes.
 */
import { allEntities, type Catalogue } from './api';
import { h } from './dom';
import type { AttributionFilter } from './routes';

type Target = Pick<AttributionFilter, 'about' | 'article' | 'speaker' | 'reportedBy'>;

/** The filter without its target: what a change of target keeps. */
const keep = ({ since, until, stance }: AttributionFilter): AttributionFilter => ({ since, until, stance });

export function describeTarget(filter: AttributionFilter, catalogue: Catalogue): string {
  const names = new Map<string, string>([...allEntities(catalogue).map((e): [string, string] => [e.id, e.name]), ...catalogue.articles.edges.map((e): [string, string] => [e.node.id, e.node.title])]);
  const name = (id: string): string => names.get(id) ?? id;
  const parts: string[] = [];
  if (filter.about) parts.push(`about ${name(filter.about)}`);
  if (filter.article) parts.push(`in “${name(filter.article)}”`);
  if (filter.speaker) parts.push(`by ${name(filter.speaker)}`);
  if (filter.reportedBy) parts.push(`reported by ${name(filter.reportedBy)}`);
  return parts.length > 0 ? `Statements ${parts.join(', ')}` : 'All statements';
}

/** A select of targets whose values are addresses; choosing one goes there. */
export function targetPicker(id: string, label: string, filter: AttributionFilter, catalogue: Catalogue, address: (filter: AttributionFilter) => string): HTMLElement {
  const current = address(filter);
  const at = (target: Target): string => address({ ...target, ...keep(filter) });
  const option = (value: string, text: string): HTMLOptionElement => h('option', { value, selected: value === current }, text);
  const select = h(
    'select',
    { id, name: 'target' },
    option(at({}), 'All statements'),
    h('optgroup', { label: 'About a policy' }, catalogue.policies.edges.map((e) => option(at({ about: e.node.id }), e.node.name))),
    h('optgroup', { label: 'In an article' }, catalogue.articles.edges.map((e) => option(at({ article: e.node.id }), e.node.title))),
    h('optgroup', { label: 'By a person' }, catalogue.people.edges.map((e) => option(at({ speaker: e.node.id }), e.node.name))),
  );
  if (![...select.options].some((o) => o.selected)) select.prepend(option(current, describeTarget(filter, catalogue)));
  const form = h(
    'form',
    { class: 'inline-form', onsubmit: (event: Event) => { event.preventDefault(); location.hash = select.value; } },
    h('label', { for: id }, label),
    select,
    h('button', { type: 'submit', class: 'button' }, 'Show'),
  );
  select.addEventListener('change', () => (location.hash = select.value));
  return form;
}
