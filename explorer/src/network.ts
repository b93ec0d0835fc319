/**
 * The graph drawings: cytoscape.js on a canvas, nodes coloured and shaped by type, edges
 * labelled with the relationship type the API names (SAID, ABOUT, HOLDS_ROLE, ...).
 *
 * A canvas cannot be reached by keyboard, so every view that draws a network also lists
 * its nodes as links and buttons; the drawing is a picture of that list, not the only
 * way to it.
 */
import cytoscape from 'cytoscape';
import type { NodeType } from './api';
import { h } from './dom';
import { TYPE_LABEL } from './components';

export interface GraphNode {
  readonly id: string;
  readonly type: NodeType;
  readonly label: string;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly relation: string;
}

/** Colours with at least 4.5:1 contrast against white, and a distinct shape per type for who can't tell them apart. */
export const TYPE_STYLE: Record<NodeType, { color: string; shape: cytoscape.Css.NodeShape }> = {
  Person: { color: '#1d4ed8', shape: 'ellipse' },
  Organization: { color: '#047857', shape: 'round-rectangle' },
  Place: { color: '#a16207', shape: 'round-hexagon' },
  Policy: { color: '#b91c1c', shape: 'round-diamond' },
  Event: { color: '#6d28d9', shape: 'round-triangle' },
  Statement: { color: '#475569', shape: 'round-tag' },
  Article: { color: '#0f766e', shape: 'rectangle' },
};

/** A node's name under it, on a light ground so that edges crossing it do not hide it. */
export const NODE_LABEL = {
  label: 'data(label)',
  'font-family': 'system-ui, "Liberation Sans", "DejaVu Sans", sans-serif',
  'font-size': 11,
  color: '#0f172a',
  'text-valign': 'bottom',
  'text-margin-y': 4,
  'text-wrap': 'wrap',
  'text-max-width': '120px',
  'text-background-color': '#ffffff',
  'text-background-opacity': 0.85,
  'text-background-padding': '1px',
} as const;

/** Each node type's colour and shape (TYPE_STYLE) as cytoscape rules. */
export const NODE_TYPE_RULES: cytoscape.StylesheetJson = (Object.entries(TYPE_STYLE) as [NodeType, (typeof TYPE_STYLE)[NodeType]][]).map(([type, style]) => ({
  selector: `node[type = "${type}"]`,
  style: { 'background-color': style.color, shape: style.shape },
}));

const STYLESHEET: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      ...NODE_LABEL,
      width: 26,
      height: 26,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...NODE_TYPE_RULES,
  { selector: 'node[type = "Statement"]', style: { width: 18, height: 18, 'font-size': 9, color: '#334155', 'text-max-width': '140px' } },
  { selector: 'node.centre', style: { width: 44, height: 44, 'font-size': 14, 'font-weight': 'bold', 'border-color': '#0f172a', 'border-width': 3 } },
  { selector: 'node.end', style: { width: 38, height: 38, 'font-size': 13, 'font-weight': 'bold', 'border-color': '#0f172a', 'border-width': 3 } },
  { selector: 'node:selected', style: { 'border-color': '#f59e0b', 'border-width': 4 } },
  { selector: 'node.expanded', style: { 'border-style': 'double', 'border-color': '#0f172a', 'border-width': 4 } },
  { selector: 'node.faded, edge.faded', style: { opacity: 0.2 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(relation)',
      'font-family': 'system-ui, "Liberation Sans", "DejaVu Sans", sans-serif',
      'font-size': 8,
      color: '#475569',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.highlight', style: { width: 3, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', color: '#0f172a' } },
];

export interface NetworkOptions {
  /** A tap (click, touch) on a node. */
  onTap?: (node: GraphNode) => void;
  /** A double tap on a node. */
  onOpen?: (node: GraphNode) => void;
}

/** What every cytoscape drawing of the explorer offers, whatever it draws. */
export class Drawing {
  constructor(readonly cy: cytoscape.Core) {}

  fit(): void {
    this.cy.fit(undefined, 24);
  }

  destroy(): void {
    this.cy.destroy();
  }
}

export class Network extends Drawing {
  constructor(container: HTMLElement, options: NetworkOptions = {}) {
    super(
      cytoscape({
      container,
      style: STYLESHEET,
      minZoom: 0.2,
      maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: false,
      }),
    );
    const toNode = (target: cytoscape.NodeSingular): GraphNode => ({ id: target.id(), type: target.data('type') as NodeType, label: target.data('label') as string });
    if (options.onTap) {
      const onTap = options.onTap;
      this.cy.on('tap', 'node', (event) => onTap(toNode(event.target as cytoscape.NodeSingular)));
    }
    if (options.onOpen) {
      const onOpen = options.onOpen;
      this.cy.on('dbltap', 'node', (event) => onOpen(toNode(event.target as cytoscape.NodeSingular)));
    }
  }

  /** Adds what is not there yet; returns the ids of the nodes that were new. */
  add(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] {
    const added: string[] = [];
    for (const node of nodes) {
      if (this.cy.getElementById(node.id).nonempty()) continue;
      this.cy.add({ group: 'nodes', data: { id: node.id, type: node.type, label: node.label } });
      added.push(node.id);
    }
    for (const edge of edges) {
      const id = `${edge.source}|${edge.relation}|${edge.target}`;
      if (this.cy.getElementById(id).nonempty()) continue;
      if (this.cy.getElementById(edge.source).empty() || this.cy.getElementById(edge.target).empty()) continue;
      this.cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target, relation: edge.relation } });
    }
    return added;
  }

  /**
   * Puts freshly added nodes on an arc beside the node they came from, facing away from
   * the rest of the drawing, and leaves every other node where the reader last saw it.
   */
  placeAround(anchorId: string, ids: readonly string[]): void {
    const anchor = this.cy.getElementById(anchorId);
    if (anchor.empty() || ids.length === 0) return;
    const fresh = new Set(ids);
    const centre = { x: 0, y: 0 };
    let count = 0;
    this.cy.nodes().forEach((node) => {
      if (fresh.has(node.id())) return;
      centre.x += node.position('x');
      centre.y += node.position('y');
      count += 1;
    });
    centre.x /= Math.max(1, count);
    centre.y /= Math.max(1, count);
    const at = anchor.position();
    const away = Math.hypot(at.x - centre.x, at.y - centre.y) < 1 ? -Math.PI / 2 : Math.atan2(at.y - centre.y, at.x - centre.x);
    const spread = Math.min(Math.PI * 1.25, 0.5 * (ids.length - 1));
    const radius = 110 + 10 * ids.length;
    ids.forEach((id, i) => {
      const angle = ids.length === 1 ? away : away - spread / 2 + (spread * i) / (ids.length - 1);
      this.cy.getElementById(id).position({ x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) });
    });
    this.fit();
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  nodes(): GraphNode[] {
    return this.cy.nodes().map((n) => ({ id: n.id(), type: n.data('type') as NodeType, label: n.data('label') as string }));
  }

  addClass(id: string, className: string): void {
    this.cy.getElementById(id).addClass(className);
  }

  select(id: string): void {
    this.cy.nodes().unselect();
    this.cy.getElementById(id).select();
  }

  /** The centre in the middle, its direct neighbours around it, the rest further out. */
  layoutAround(centre: string): void {
    const root = this.cy.getElementById(centre);
    const distance = new Map<string, number>();
    if (root.nonempty()) {
      this.cy.elements().bfs({
        roots: root,
        directed: false,
        visit: (v, _e, _u, _i, depth) => {
          distance.set(v.id(), depth);
        },
      });
    }
    this.cy
      .layout({
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => 10 - (distance.get(node.id()) ?? 9),
        levelWidth: () => 1,
        minNodeSpacing: 44,
        avoidOverlap: true,
        animate: false,
        padding: 24,
      })
      .run();
  }

  /** Fixed positions (the path finder lays out its own columns). */
  layoutPreset(positions: ReadonlyMap<string, { x: number; y: number }>): void {
    this.cy
      .layout({ name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 }, padding: 30, animate: false } as cytoscape.LayoutOptions)
      .run();
  }
}

/** A legend: for each of `keys` that is present, in the order of `keys`, its swatch (a class) and its words. */
export function legendOf<K extends string>(label: string, keys: readonly K[], present: Iterable<K>, swatch: (key: K) => string, words: (key: K) => string): HTMLElement {
  const shown = new Set(present);
  return h(
    'ul',
    { class: 'legend', 'aria-label': label },
    keys.filter((key) => shown.has(key)).map((key) => h('li', null, h('span', { class: swatch(key), 'aria-hidden': 'true' }), words(key))),
  );
}

/** What the colours and shapes mean, for the types present. */
export function legend(types: Iterable<NodeType>): HTMLElement {
  return legendOf('Legend', Object.keys(TYPE_STYLE) as NodeType[], types, (type) => `swatch swatch-${type.toLowerCase()}`, (type) => TYPE_LABEL[type]);
}
