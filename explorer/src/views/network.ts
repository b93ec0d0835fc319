/**
 * The network of a topic, an article or a person (`network`): who speaks about what, who is
 * carried by which outlet, who is quoted beside whom, as weighted edges; nodes sized by
 * weighted degree or by PageRank (`networkRanking`). A click on an edge, or its row in the
 * list, shows the statements it stands on.
 */
import { EVIDENCE_STATEMENT, loadCatalogue, NETWORK, NETWORK_RANKING, query, type NetworkAnswer, type RankingAnswer, type StatementSummary } from '../api';
import { empty, errorBox, statementCard, typeBadge, viewHeading } from '../components';
import { h, replace, type Child } from '../dom';
import { legend } from '../network';
import { href, NETWORK_DIMENSIONS, type AttributionFilter, type NetworkOptions } from '../routes';
import { describeTarget, targetPicker } from '../target-picker';
import type { Rendered, View } from '../view';
import { edgeId, relationLegend, RELATION_STYLE, WeightedNetwork, type NetworkEdge } from '../weighted-network';
import { NODE_TYPES, type NodeType } from '../../../src/vocabulary';

/** The heaviest edges drawn; the answer says when there were more. */
const EDGES_SHOWN = 150;

const isNodeType = (type: string): type is NodeType => (NODE_TYPES as readonly string[]).includes(type);

type Route = { view: 'network'; filter: AttributionFilter; network: NetworkOptions };

/** The filter `network` takes: the target and the window (the stance narrows statements about one thing, not a network). */
const networkFilter = ({ stance: _stance, ...filter }: AttributionFilter): AttributionFilter => filter;

export const networkView: View<Route> = async (route, signal) => {
  const filter = networkFilter(route.filter);
  const variables = { filter, by: route.network.by, minWeight: route.network.minWeight };
  const [catalogue, { network }, ranking] = await Promise.all([
    loadCatalogue(),
    query<{ network: NetworkAnswer }>(NETWORK, { ...variables, first: EDGES_SHOWN }, signal),
    route.network.size === 'pageRank' ? query<{ networkRanking: RankingAnswer }>(NETWORK_RANKING, variables, signal).then((d) => d.networkRanking) : Promise.resolve(null),
  ]);
  const title = `Network: ${describeTarget(filter, catalogue).replace(/^Statements/, 'statements')}`;
  const heading = [viewHeading(title), targetPicker('network-target', 'Draw the network of ', filter, catalogue, (f) => href.network(f, route.network)), networkControls(route)];
  if (network.edges.length === 0) return [...heading, empty(`No edges of weight ${route.network.minWeight} or more among ${network.statementCount} statements.`)];
  return networkPage(heading, network, centrality(network, ranking), ranking ? 'PageRank' : 'weighted degree');
};

/** Each node's size: its PageRank when ranked (outlets, which are neither speakers nor topics, get none), else its weighted degree. */
function centrality(network: NetworkAnswer, ranking: RankingAnswer | null): Map<string, number> {
  if (!ranking) return new Map(network.nodes.map((n) => [n.id, n.weightedDegree]));
  return new Map([...ranking.speakers, ...ranking.topics].map((r) => [r.id, r.pageRank]));
}

function networkPage(heading: Child[], network: NetworkAnswer, sizes: Map<string, number>, sizedBy: string): Rendered {
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const canvas = h('div', { class: 'network network-weighted', role: 'img', 'aria-label': 'The network; the list of edges below holds the same links.' });
  const evidence = h('section', { class: 'panel evidence-panel', id: 'edge-evidence', 'aria-live': 'polite', 'aria-labelledby': 'edge-evidence-title' }, h('h2', { id: 'edge-evidence-title' }, 'Evidence'), h('p', { class: 'muted' }, 'Click an edge, or choose one from the list, to see the statements it stands on.'));
  let drawing: WeightedNetwork | undefined;
  let shown = '';

  const showEvidence = async (edge: NetworkEdge): Promise<void> => {
    drawing?.select(edge);
    shown = edgeId(edge);
    const title = `${name(edge.source)} — ${edge.relation} — ${name(edge.target)}`;
    replace(evidence, h('h2', { id: 'edge-evidence-title' }, title), h('p', { class: 'muted' }, `Weight ${edge.weight}; loading ${edge.evidence.length} of its statements…`));
    evidence.dataset.edge = shown;
    try {
      const statements = await Promise.all(edge.evidence.map((id) => query<{ statement: StatementSummary | null }>(EVIDENCE_STATEMENT, { id }).then((d) => d.statement)));
      if (shown !== edgeId(edge)) return;
      const unit = edge.relation === 'CO_QUOTED' ? 'shared articles' : 'statements';
      replace(
        evidence,
        h('h2', { id: 'edge-evidence-title' }, title),
        h('p', { class: 'muted' }, `Weight ${edge.weight} (${unit}); ${edge.evidence.length === 1 ? 'the statement' : `${edge.evidence.length} of the statements`} behind it:`),
        h('ul', { class: 'statement-list' }, statements.filter((s): s is StatementSummary => s !== null).map((s) => statementCard(s))),
      );
      evidence.dataset.loaded = shown;
    } catch (error) {
      if (shown === edgeId(edge)) replace(evidence, h('h2', { id: 'edge-evidence-title' }, title), errorBox(error, () => void showEvidence(edge)));
    }
  };

  const types = network.nodes.map((n) => n.type).filter(isNodeType);
  const status = `${network.statementCount} statements, ${network.edgeCount} edges${network.truncated ? `; the ${network.edges.length} heaviest are drawn` : ''}.`;
  return {
    content: [
      ...heading,
      h(
        'div',
        { class: 'network-layout' },
        h(
          'section',
          { class: 'network-panel', 'aria-label': 'Network' },
          h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button small', onclick: () => drawing?.fit() }, 'Fit'), legend(types), relationLegend(network.edges.map((e) => e.relation))),
          canvas,
          h('p', { class: 'network-status', id: 'network-summary' }, status, ` Nodes are sized by ${sizedBy};`, ' edges are as wide as their weight. Double-click a node to open it.'),
        ),
        evidence,
      ),
      h(
        'details',
        { class: 'node-details edge-details' },
        h('summary', null, `Edges (${network.edges.length})`),
        h(
          'table',
          { class: 'edge-table' },
          h('thead', null, h('tr', null, ['From', 'Kind', 'To', 'Weight', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            null,
            network.edges.map((edge) =>
              h(
                'tr',
                { class: 'edge-row', 'data-edge': edgeId(edge) },
                h('td', null, h('a', { href: href.node(edge.source) }, name(edge.source))),
                h('td', null, `${edge.relation} (${RELATION_STYLE[edge.relation].label})`),
                h('td', null, h('a', { href: href.node(edge.target) }, name(edge.target))),
                h('td', null, String(edge.weight)),
                h('td', null, h('button', { type: 'button', class: 'button small', onclick: () => void showEvidence(edge) }, 'Evidence')),
              ),
            ),
          ),
        ),
      ),
      h(
        'details',
        { class: 'node-details' },
        h('summary', null, `Nodes (${network.nodes.length})`),
        h('ul', { class: 'node-list' }, network.nodes.map((n) => h('li', null, isNodeType(n.type) ? typeBadge(n.type) : null, ' ', h('a', { href: href.node(n.id) }, n.name), h('span', { class: 'muted' }, ` weighted degree ${n.weightedDegree}`)))),
      ),
    ],
    mounted() {
      drawing = new WeightedNetwork(canvas, { onEdge: (edge) => void showEvidence(edge), onOpen: (id) => (location.hash = href.node(id)) });
      drawing.draw(network, sizes);
    },
    dispose() {
      drawing?.destroy();
      drawing = undefined;
    },
  };
}

/** Which kinds of edge, the lightest edge drawn, and what sizes the nodes. */
function networkControls(route: Route): HTMLFormElement {
  const options = route.network;
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Network settings' },
    h(
      'fieldset',
      { class: 'control' },
      h('legend', null, 'Edges'),
      NETWORK_DIMENSIONS.map((d) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'by', value: d, checked: options.by.includes(d) }), ` ${d} (${RELATION_STYLE[d].label})`)),
    ),
    h('label', { class: 'control', for: 'network-min-weight' }, h('span', null, 'Lightest edge'), h('input', { id: 'network-min-weight', name: 'minWeight', type: 'number', min: 1, max: 1000000, step: 1, value: options.minWeight })),
    h(
      'label',
      { class: 'control', for: 'network-size' },
      h('span', null, 'Node size'),
      h('select', { id: 'network-size', name: 'size' }, h('option', { value: 'weightedDegree', selected: options.size === 'weightedDegree' }, 'Weighted degree'), h('option', { value: 'pageRank', selected: options.size === 'pageRank' }, 'PageRank')),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Apply'),
  );
  const apply = (): void => {
    const by = [...form.querySelectorAll<HTMLInputElement>('input[name="by"]:checked')].map((input) => input.value as NetworkOptions['by'][number]);
    const minWeight = Number((form.elements.namedItem('minWeight') as HTMLInputElement).value);
    const size = (form.elements.namedItem('size') as HTMLSelectElement).value as NetworkOptions['size'];
    location.hash = href.network(route.filter, { by: by.length > 0 ? by : options.by, minWeight: Number.isInteger(minWeight) && minWeight >= 1 ? minWeight : 1, size });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  for (const input of form.querySelectorAll('select, input[type="checkbox"]')) input.addEventListener('change', apply);
  return form;
}
