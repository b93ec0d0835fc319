/**
 * One entity: its neighbourhood drawn as a network that grows when a node is clicked, and
 * beside it what the entity is (roles, status, dates, actors, participants) and what it
 * said and what was said about it.
 */
import type { EntityDetail, EntityRef, NodeType } from '../api';
import { dateInfoText, empty, entityLinks, errorBox, facts, nodeLink, roleText, statementCard, typeBadge, viewHeading } from '../components';
import { h, replace, type Child } from '../dom';
import { entityNeighbourhood, loadEntity, loadNeighbourhood } from '../neighbourhood';
import { legend, Network, type GraphNode } from '../network';
import { href } from '../routes';
import type { Rendered, View } from '../view';

export const entityView: View<{ view: 'entity'; id: string }> = async (route, signal) => {
  const entity = await loadEntity(route.id, signal);
  if (!entity) return [viewHeading('Not found'), empty(['No entity has the id ', h('code', null, route.id), '. ', h('a', { href: href.home() }, 'Start again'), ' or search for it.'])];
  return entityPage(entity);
};

function entityPage(entity: EntityDetail): Rendered {
  const canvas = h('div', { class: 'network', role: 'img', 'aria-label': `Network around ${entity.name}; the list below the drawing holds the same nodes.` });
  const status = h('div', { class: 'network-status', 'aria-live': 'polite' });
  const legendSlot = h('div', null);
  const nodeList = h('ul', { class: 'node-list' });
  const nodeCount = h('span', null);
  let network: Network | undefined;
  const expanded = new Set<string>([entity.id]);

  const refresh = (): void => {
    if (!network) return;
    const nodes = network.nodes();
    replace(legendSlot, legend(nodes.map((n) => n.type)));
    nodeCount.textContent = String(nodes.length);
    replace(
      nodeList,
      nodes
        .sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label))
        .map((node) =>
          h(
            'li',
            null,
            typeBadge(node.type),
            ' ',
            h('a', { href: href.node(node.id) }, node.label),
            expanded.has(node.id) ? null : h('button', { type: 'button', class: 'button small', onclick: () => void expand(node) }, 'Expand'),
          ),
        ),
    );
  };

  const expand = async (node: GraphNode): Promise<void> => {
    if (!network || expanded.has(node.id) || node.type === 'Article') return;
    expanded.add(node.id);
    replace(status, `Expanding ${node.label}…`);
    try {
      const more = await loadNeighbourhood(node.id);
      if (!network) return;
      const added = more ? network.add(more.nodes, more.edges) : [];
      network.addClass(node.id, 'expanded');
      network.placeAround(node.id, added);
      replace(status, added.length > 0 ? `${node.label}: ${added.length} more nodes.` : `${node.label}: nothing new around it.`);
      refresh();
    } catch (error) {
      expanded.delete(node.id);
      replace(status, errorBox(error));
    }
  };

  const select = (node: GraphNode): void => {
    network?.select(node.id);
    replace(
      status,
      h('span', null, 'Selected: ', typeBadge(node.type), ' ', h('a', { href: href.node(node.id) }, node.label)),
      expanded.has(node.id) ? null : ' — expanding…',
    );
    void expand(node);
  };

  const reset = (): void => {
    if (!network) return;
    network.cy.elements().remove();
    expanded.clear();
    expanded.add(entity.id);
    const { nodes, edges } = entityNeighbourhood(entity);
    network.add(nodes, edges);
    network.addClass(entity.id, 'centre');
    network.layoutAround(entity.id);
    replace(status, 'Click or tap a node to expand its neighbourhood; double-click to open it.');
    refresh();
  };

  const drawing = h(
    'section',
    { class: 'network-panel', 'aria-label': 'Network' },
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'button small', onclick: () => network?.fit() }, 'Fit'),
      h('button', { type: 'button', class: 'button small', onclick: () => network?.layoutAround(entity.id), title: 'Lay the drawing out again in rings around this entity' }, 'Tidy'),
      h('button', { type: 'button', class: 'button small', onclick: reset }, 'Reset'),
      legendSlot,
    ),
    canvas,
    status,
    h('details', { class: 'node-details' }, h('summary', null, 'Nodes in the drawing (', nodeCount, ')'), nodeList),
  );

  return {
    content: [
      h('div', { class: 'entity-layout' }, h('div', { class: 'entity-main' }, header(entity), drawing), h('aside', { class: 'entity-side' }, details(entity))),
    ],
    mounted() {
      network = new Network(canvas, { onTap: select, onOpen: (node) => (location.hash = href.node(node.id)) });
      reset();
    },
    dispose() {
      network?.destroy();
      network = undefined;
    },
  };
}

function header(entity: EntityDetail): HTMLElement {
  return h(
    'header',
    { class: 'entity-header' },
    typeBadge(entity.__typename),
    viewHeading(entity.name),
    entity.description ? h('p', { class: 'lede' }, entity.description) : null,
    h('nav', { class: 'actions', 'aria-label': `More about ${entity.name}` }, actions(entity)),
  );
}

function actions(entity: EntityDetail): Child[] {
  const links: Child[] = [h('a', { class: 'button', href: href.timeline(entity.id) }, 'Timeline')];
  if (entity.mentionedIn.totalCount > 0) links.push(h('a', { class: 'button', href: href.attribution({ about: entity.id }) }, 'Who spoke about it'));
  if (entity.mentionedIn.totalCount > 0) links.push(h('a', { class: 'button', href: href.network({ about: entity.id }) }, 'Network of who speaks about it'));
  if (entity.statements.totalCount > 0) links.push(h('a', { class: 'button', href: href.attribution({ speaker: entity.id }) }, 'What they said, by outlet'));
  if ((entity.reported?.totalCount ?? 0) > 0) links.push(h('a', { class: 'button', href: href.attribution({ reportedBy: entity.id }) }, 'Whom it reported'));
  links.push(h('a', { class: 'button', href: href.paths(entity.id) }, 'Find a path from here'));
  return links;
}

const refs = (list: readonly EntityRef[] | undefined): Child => (list && list.length > 0 ? entityLinks(list) : null);
const ref = (one: EntityRef | null | undefined): Child => (one ? nodeLink(one) : null);

function details(entity: EntityDetail): Child[] {
  const type: NodeType = entity.__typename;
  const rows: [string, Child][] = [
    ['Also called', entity.aliases.length > 0 ? entity.aliases.join(' · ') : null],
    ['Roles', entity.roles && entity.roles.length > 0 ? h('ul', { class: 'plain-list' }, entity.roles.map((r) => h('li', null, roleText(r)))) : null],
    ['Kind', entity.kind ? entity.kind.replace(/_/g, ' ').toLowerCase() : null],
    ['Status', entity.status ? entity.status.toLowerCase() : null],
    ['Date', dateInfoText(entity.date)],
    [type === 'Event' ? 'Took place in' : 'Based in', ref(entity.place)],
    ['Part of', ref(entity.partOf)],
    ['Imposed by', refs(entity.actors)],
    ['Targets', refs(entity.targets)],
    ['Participants', refs(entity.participants)],
    ['Took part in', refs(entity.events)],
    ['Preceded by', refs(entity.precededBy)],
    ['Followed by', refs(entity.followedBy)],
    ['Caused by', refs(entity.causedBy)],
    ['Led to', refs(entity.ledTo)],
  ];
  return [
    facts(rows),
    statementSection(`Said by ${entity.name}`, 'said', entity.statements, false),
    statementSection(`About ${entity.name}`, 'about', entity.mentionedIn, true),
    entity.reported ? statementSection(`Reported by ${entity.name}`, 'reported', entity.reported, true) : null,
  ];
}

function statementSection(title: string, key: string, page: EntityDetail['statements'], showSpeaker: boolean): HTMLElement | null {
  if (page.totalCount === 0) return null;
  const shown = page.edges.length;
  return h(
    'section',
    { class: 'statements', 'aria-labelledby': `statements-${key}` },
    h('h2', { id: `statements-${key}` }, title, ' ', h('span', { class: 'count' }, String(page.totalCount))),
    h('ul', { class: 'statement-list' }, page.edges.map((e) => statementCard(e.node, { showSpeaker }))),
    shown < page.totalCount ? h('p', { class: 'muted' }, `The first ${shown} of ${page.totalCount}.`) : null,
  );
}
