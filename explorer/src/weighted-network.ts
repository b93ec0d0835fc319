/**
 * The research network (`network`) drawn with cytoscape.js: nodes coloured and shaped by
 * type as in every drawing (TYPE_STYLE), sized by weighted degree or PageRank; edges as
 * wide as their weight, and told apart by kind three ways at once (colour, line style,
 * arrow), so a reader who cannot tell the colours apart still can.
 */
import cytoscape from 'cytoscape';
import type { NetworkAnswer, NetworkDimension } from './api';
import { Drawing, legendOf, NODE_LABEL, NODE_TYPE_RULES } from './network';

export const RELATION_STYLE: Record<NetworkDimension, { color: string; line: 'solid' | 'dashed' | 'dotted'; arrow: 'triangle' | 'none'; label: string }> = {
  ABOUT: { color: '#b91c1c', line: 'solid', arrow: 'triangle', label: 'speaks about' },
  REPORTED_BY: { color: '#047857', line: 'dashed', arrow: 'triangle', label: 'reported by' },
  CO_QUOTED: { color: '#c026d3', line: 'dotted', arrow: 'none', label: 'quoted beside' },
};

/**
 * The line styles as cytoscape draws them. Its own "dotted" is a dash pattern of single pixels,
 * which a wide edge turns into a faint solid line; round dots are near-empty dashes with round caps.
 */
const LINE = {
  solid: { style: 'solid', pattern: [6, 3], cap: 'butt' },
  dashed: { style: 'dashed', pattern: [9, 5], cap: 'butt' },
  dotted: { style: 'dashed', pattern: [0.5, 9], cap: 'round' },
} as const;

export type NetworkEdge = NetworkAnswer['edges'][number];
export const edgeId = (edge: NetworkEdge): string => `${edge.source}|${edge.relation}|${edge.target}`;

const STYLESHEET: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      ...NODE_LABEL,
      width: 'data(size)',
      height: 'data(size)',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...NODE_TYPE_RULES,
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'curve-style': 'bezier',
      'arrow-scale': 0.7,
    },
  },
  ...(Object.entries(RELATION_STYLE) as [NetworkDimension, (typeof RELATION_STYLE)[NetworkDimension]][]).map(([relation, style]) => ({
    selector: `edge[relation = "${relation}"]`,
    style: { 'line-color': style.color, 'line-style': LINE[style.line].style, 'line-dash-pattern': [...LINE[style.line].pattern], 'line-cap': LINE[style.line].cap, 'target-arrow-color': style.color, 'target-arrow-shape': style.arrow },
  })),
  { selector: 'edge:selected', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'z-index': 10 } },
  { selector: 'node:selected', style: { 'border-color': '#f59e0b', 'border-width': 4 } },
];

/** Sizes from 18 to 60 px by area, so a node twice as central covers twice the ink. */
function sizes(values: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(0, ...values.values());
  return new Map([...values].map(([id, v]) => [id, max > 0 ? 18 + 42 * Math.sqrt(v / max) : 18]));
}

export interface WeightedNetworkOptions {
  onEdge: (edge: NetworkEdge) => void;
  onOpen: (id: string) => void;
}

export class WeightedNetwork extends Drawing {
  private readonly edges = new Map<string, NetworkEdge>();

  constructor(container: HTMLElement, options: WeightedNetworkOptions) {
    super(cytoscape({ container, style: STYLESHEET, minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false }));
    this.cy.on('tap', 'edge', (event) => {
      const edge = this.edges.get((event.target as cytoscape.EdgeSingular).id());
      if (edge) options.onEdge(edge);
    });
    this.cy.on('dbltap', 'node', (event) => options.onOpen((event.target as cytoscape.NodeSingular).id()));
  }

  /** Replaces the drawing; `centrality` gives each node's size (weighted degree or PageRank), 0 where absent. */
  draw(network: NetworkAnswer, centrality: ReadonlyMap<string, number>): void {
    this.cy.container()?.removeAttribute('data-drawn');
    this.cy.elements().remove();
    this.edges.clear();
    const size = sizes(centrality);
    const heaviest = Math.max(1, ...network.edges.map((e) => e.weight));
    this.cy.add([
      // Started on a circle, heaviest first, so the same answer is always drawn the same way.
      ...network.nodes.map((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, network.nodes.length);
        return { group: 'nodes' as const, data: { id: n.id, label: n.name, type: n.type, size: size.get(n.id) ?? 18 }, position: { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) } };
      }),
      ...network.edges.map((e) => {
        const id = edgeId(e);
        this.edges.set(id, e);
        return { group: 'edges' as const, data: { id, source: e.source, target: e.target, relation: e.relation, width: 1.5 + 8.5 * Math.sqrt(e.weight / heaviest) } };
      }),
    ]);
    // Marks the container once the first frame is painted: a test (or anything reading the canvas) waits for that event.
    this.cy.one('render', () => {
      this.cy.container()?.setAttribute('data-drawn', 'true');
    });
    this.cy
      .layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, padding: 24 } as cytoscape.LayoutOptions)
      .run();
  }

  select(edge: NetworkEdge): void {
    this.cy.elements().unselect();
    this.cy.getElementById(edgeId(edge)).select();
  }
}

/** What the edge colours, lines and arrows mean, for the kinds drawn. */
export function relationLegend(relations: Iterable<NetworkDimension>): HTMLElement {
  return legendOf(
    'Edge kinds',
    Object.keys(RELATION_STYLE) as NetworkDimension[],
    relations,
    (relation) => `edge-swatch edge-${relation.toLowerCase().replace('_', '-')}`,
    (relation) => `${relation}: ${RELATION_STYLE[relation].label}`,
  );
}
