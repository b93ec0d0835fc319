/**
 * The story in time: events, policies and statements oldest first, grouped by date
 * (`timeline(entity, first)`), for the whole graph or around one entity.
 */
import { allEntities, loadCatalogue, query, TIMELINE, type Catalogue, type TimelineItem } from '../api';
import { empty, formatDate, nodeLabel, typeBadge, viewHeading } from '../components';
import { h, type Child } from '../dom';
import { href } from '../routes';
import type { View } from '../view';

/** The server refuses any `first` above MAX_PAGE_SIZE (100 by default), whatever the field allows. */
export const TIMELINE_ITEMS = 100;

export const timelineView: View<{ view: 'timeline'; entity: string }> = async (route, signal) => {
  const [catalogue, { timeline }] = await Promise.all([
    loadCatalogue(),
    query<{ timeline: TimelineItem[] }>(TIMELINE, { entity: route.entity || null, first: TIMELINE_ITEMS }, signal),
  ]);
  const name = allEntities(catalogue).find((e) => e.id === route.entity)?.name ?? route.entity;
  return [
    viewHeading(route.entity ? `Timeline: ${name}` : 'Timeline of the story'),
    picker(route.entity, catalogue),
    timeline.length === 0 ? empty('Nothing dated here yet.') : groups(timeline),
    timeline.length === TIMELINE_ITEMS ? h('p', { class: 'muted' }, `The first ${TIMELINE_ITEMS} items.`) : null,
  ];
};

function picker(current: string, catalogue: Catalogue): HTMLElement {
  const option = (id: string, label: string): HTMLOptionElement => h('option', { value: id, selected: id === current }, label);
  const group = (label: string, list: Catalogue['people']): HTMLOptGroupElement => h('optgroup', { label }, list.edges.map((e) => option(e.node.id, e.node.name)));
  const select = h(
    'select',
    { id: 'timeline-entity' },
    option('', 'The whole story'),
    group('Policies', catalogue.policies),
    group('Events', catalogue.events),
    group('People', catalogue.people),
    group('Organizations', catalogue.organizations),
    group('Places', catalogue.places),
  );
  select.addEventListener('change', () => (location.hash = href.timeline(select.value)));
  return h(
    'form',
    { class: 'inline-form', onsubmit: (event: Event) => { event.preventDefault(); location.hash = href.timeline(select.value); } },
    h('label', { for: 'timeline-entity' }, 'Show '),
    select,
    h('button', { type: 'submit', class: 'button' }, 'Show'),
  );
}

/** Items of the same date and precision share a heading; the API already gives them in order. */
function groups(items: TimelineItem[]): HTMLElement {
  const runs: { key: string; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const key = `${item.date ?? ''}|${item.precision ?? ''}`;
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return h(
    'ol',
    { class: 'timeline' },
    runs.map((run) => {
      const first = run.items[0] as TimelineItem;
      return h(
        'li',
        { class: 'timeline-group' },
        h('h2', { class: 'timeline-date' }, h('time', first.date ? { datetime: first.date } : null, dateHeading(first))),
        h('ul', { class: 'timeline-items' }, run.items.map(entry)),
      );
    }),
  );
}

function dateHeading(item: TimelineItem): string {
  if (!item.date) return 'Undated';
  // A statement with no date of its own is placed on the day its article was published.
  if (item.precision === 'PUBLISHED') return `${formatDate(item.date, 'DAY')} · date of the report`;
  return formatDate(item.date, item.precision);
}

function entry(item: TimelineItem): HTMLElement {
  const node = item.node;
  const extra: Child[] = [];
  if (node.__typename === 'Statement') extra.push(h('span', { class: 'muted' }, ' — ', h('a', { href: href.node(node.speaker.id) }, node.speaker.name)));
  if (item.dateText) extra.push(h('span', { class: 'date-words' }, ` “${item.dateText}”`));
  return h('li', { class: `timeline-item timeline-${node.__typename.toLowerCase()}` }, typeBadge(node.__typename), ' ', h('a', { href: href.node(node.id) }, nodeLabel(node, 160)), extra);
}
