/**
 * The path finder: the shortest connections between two entities (`paths(from, to,
 * maxHops, first)`), drawn in columns by distance from the start, and spelled out as
 * chains of links below the drawing.
 */
import { allEntities, loadCatalogue, PATHS, query, type AnyNode, type Catalogue, type EntityRef, type Path } from '../api';
import { empty, errorBox, loading, nodeLabel, nodeLink, typeBadge, viewHeading } from '../components';
import { h, replace, type Child } from '../dom';
import { legend, Network, type GraphEdge, type GraphNode } from '../network';
import { DEFAULT_MAX_HOPS, DEFAULT_PATHS, href } from '../routes';
import type { Rendered, View } from '../view';

type PathsRoute = { view: 'paths'; from: string; to: string; maxHops: number; first: number };

export const pathsView: View<PathsRoute> = async (route, signal) => {
  const catalogue = await loadCatalogue();
  const results = h('div', { class: 'path-results', 'aria-live': 'polite' });
  const content: Child[] = [viewHeading('Find a path'), pathForm(route, catalogue), results];
  if (!route.from || !route.to) {
    replace(results, empty('Pick two entities: the path finder shows the shortest chains of statements, roles, places, policies and events between them.'));
    return content;
  }
  replace(results, loading('paths'));
  let paths: Path[];
  try {
    paths = (await query<{ paths: Path[] }>(PATHS, { from: route.from, to: route.to, maxHops: route.maxHops, first: route.first }, signal)).paths;
  } catch (error) {
    if (signal.aborted) throw error;
    replace(results, errorBox(error, () => window.dispatchEvent(new HashChangeEvent('hashchange'))));
    return content;
  }
  const names = new Map(allEntities(catalogue).map((e) => [e.id, e.name]));
  if (paths.length === 0) {
    replace(
      results,
      empty(`No path of at most ${route.maxHops} steps connects ${names.get(route.from) ?? route.from} and ${names.get(route.to) ?? route.to}. Allow more steps, or pick other entities.`),
    );
    return content;
  }
  const drawn = drawPaths(paths, route);
  replace(results, drawn.content);
  return { content, mounted: drawn.mounted, dispose: drawn.dispose };
};

function pathForm(route: PathsRoute, catalogue: Catalogue): HTMLElement {
  const entities = allEntities(catalogue);
  const list = h('datalist', { id: 'entity-names' }, entities.map((e) => h('option', { value: e.name }, `${e.__typename} · ${e.id}`)));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const shown = (id: string): string => byId.get(id)?.name ?? id;
  const field = (name: 'from' | 'to', value: string): HTMLInputElement =>
    h('input', { id: `path-${name}`, name, type: 'text', list: 'entity-names', value: value ? shown(value) : '', autocomplete: 'off', required: true, placeholder: 'a name or an id', 'aria-describedby': 'path-help' });
  const from = field('from', route.from);
  const to = field('to', route.to);
  const hops = h('select', { id: 'path-hops', name: 'maxHops' }, [1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === route.maxHops }, String(n))));
  const count = h('select', { id: 'path-count', name: 'first' }, [1, 3, 5, 10].map((n) => h('option', { value: n, selected: n === route.first }, String(n))));
  const problem = h('p', { class: 'form-problem', role: 'alert' });
  const submit = (event: Event): void => {
    event.preventDefault();
    const a = resolve(from.value, entities);
    const b = resolve(to.value, entities);
    const wrong = [a ? null : from.value, b ? null : to.value].filter((v): v is string => v !== null);
    if (!a || !b) {
      problem.textContent = `No single entity is called ${wrong.map((w) => `“${w}”`).join(' or ')}; pick a name from the list or type an id like person:mike-waltz.`;
      return;
    }
    problem.textContent = '';
    location.hash = href.paths(a.id, b.id, Number(hops.value), Number(count.value));
  };
  return h(
    'form',
    { class: 'path-form', onsubmit: submit },
    list,
    h('div', { class: 'field' }, h('label', { for: 'path-from' }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: 'path-to' }, 'To'), to),
    h('div', { class: 'field narrow' }, h('label', { for: 'path-hops' }, 'At most steps'), hops),
    h('div', { class: 'field narrow' }, h('label', { for: 'path-count' }, 'Paths'), count),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button primary' }, 'Find paths')),
    h('p', { id: 'path-help', class: 'muted small' }, `Type a name (the list suggests them) or an id. Up to ${DEFAULT_MAX_HOPS} steps and ${DEFAULT_PATHS} paths unless you ask for more.`),
    problem,
  );
}

/** An id, or a name or alias-free label that names exactly one entity (case ignored). */
function resolve(text: string, entities: readonly EntityRef[]): EntityRef | null {
  const wanted = text.trim();
  if (!wanted) return null;
  const byId = entities.find((e) => e.id === wanted);
  if (byId) return byId;
  const lower = wanted.toLowerCase();
  const exact = entities.filter((e) => e.name.toLowerCase() === lower);
  if (exact.length === 1) return exact[0] ?? null;
  const partial = entities.filter((e) => e.name.toLowerCase().includes(lower));
  return partial.length === 1 ? (partial[0] ?? null) : null;
}

function drawPaths(paths: Path[], route: PathsRoute): Rendered {
  const nodes = new Map<string, AnyNode>();
  const column = new Map<string, number>();
  const edges = new Map<string, GraphEdge>();
  for (const path of paths) {
    path.nodes.forEach((node, i) => {
      nodes.set(node.id, node);
      column.set(node.id, Math.min(column.get(node.id) ?? i, i));
    });
    for (const step of path.steps) {
      const [source, target] = step.forward ? [step.from, step.to] : [step.to, step.from];
      edges.set(`${source}|${step.relation}|${target}`, { source, target, relation: step.relation });
    }
  }
  const graphNodes: GraphNode[] = [...nodes.values()].map((n) => ({ id: n.id, type: n.__typename, label: nodeLabel(n, 48) }));
  const canvas = h('div', { class: 'network network-paths', role: 'img', 'aria-label': `${paths.length} paths drawn; the list below spells each one out.` });
  let network: Network | undefined;

  const highlight = (path: Path | null): void => {
    if (!network) return;
    const cy = network.cy;
    cy.elements().removeClass('faded highlight');
    if (!path) return;
    const on = new Set(path.nodes.map((n) => n.id));
    cy.nodes().forEach((n) => void (on.has(n.id()) ? null : n.addClass('faded')));
    cy.edges().forEach((e) => {
      const inPath = path.steps.some((s) => (s.from === e.source().id() && s.to === e.target().id()) || (s.to === e.source().id() && s.from === e.target().id()));
      e.addClass(inPath ? 'highlight' : 'faded');
    });
  };

  const items = paths.map((path, i) =>
    h(
      'li',
      { class: 'path-item' },
      h(
        'div',
        { class: 'path-head' },
        h('strong', null, `Path ${i + 1}`),
        h('span', { class: 'muted' }, ` · ${path.length} ${path.length === 1 ? 'step' : 'steps'}`),
        h('button', { type: 'button', class: 'button small', onclick: () => highlight(path), 'aria-label': `Highlight path ${i + 1} in the drawing` }, 'Highlight'),
      ),
      h('p', { class: 'chain' }, chain(path)),
    ),
  );

  return {
    content: [
      h(
        'section',
        { class: 'network-panel', 'aria-label': 'Drawing' },
        h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button small', onclick: () => { highlight(null); network?.fit(); } }, 'Show all'), legend(graphNodes.map((n) => n.type))),
        canvas,
      ),
      h('h2', null, `${paths.length} shortest ${paths.length === 1 ? 'path' : 'paths'}`),
      h('ol', { class: 'path-list' }, items),
    ],
    mounted() {
      network = new Network(canvas, { onOpen: (node) => (location.hash = href.node(node.id)), onTap: (node) => network?.select(node.id) });
      network.add(graphNodes, [...edges.values()]);
      network.addClass(route.from, 'end');
      network.addClass(route.to, 'end');
      network.layoutPreset(positions(paths, column, canvas.clientWidth < 640));
      network.fit();
    },
    dispose() {
      network?.destroy();
      network = undefined;
    },
  };
}

/** Columns by distance from the start (rows on a narrow screen), nodes of a column spread evenly. */
function positions(paths: Path[], column: ReadonlyMap<string, number>, narrow: boolean): Map<string, { x: number; y: number }> {
  const byColumn = new Map<number, string[]>();
  for (const path of paths) {
    for (const node of path.nodes) {
      const c = column.get(node.id) ?? 0;
      const list = byColumn.get(c) ?? [];
      if (!list.includes(node.id)) list.push(node.id);
      byColumn.set(c, list);
    }
  }
  const result = new Map<string, { x: number; y: number }>();
  for (const [c, ids] of byColumn) {
    ids.forEach((id, row) => {
      const offset = row - (ids.length - 1) / 2;
      result.set(id, narrow ? { x: offset * 170, y: c * 120 } : { x: c * 220, y: offset * 110 });
    });
  }
  return result;
}

/** A path as words: Macron —PARTICIPATED_IN→ the meeting ←PRECEDED— the pause … */
function chain(path: Path): Child[] {
  const parts: Child[] = [];
  path.nodes.forEach((node, i) => {
    parts.push(h('span', { class: 'chain-node' }, typeBadge(node.__typename), ' ', nodeLink(node, 60)));
    const step = path.steps[i];
    if (step) parts.push(h('span', { class: 'chain-step' }, step.forward ? ` —${step.relation}→ ` : ` ←${step.relation}— `));
  });
  return parts;
}
