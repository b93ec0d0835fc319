/**
 * The entity network as GraphML (http://graphml.graphdrawing.org/), for researchers' own
 * tools: the same network `network` answers with no filter (every statement, every
 * dimension, weight at least 1), folded by the same query, so the counts and weights of the
 * file and of the API agree.
 *
 * GraphML rather than GEXF: NetworkX's `read_graphml` and Gephi both open it as-is, typed
 * attributes come through as numbers (`weight` as a double, which Gephi takes as the edge
 * weight), and it is the format the project's contract names. NetworkX reads GEXF only in
 * its 1.1 and 1.2draft dialects. NetworkX refuses a file that mixes directed and undirected
 * edges, so every edge is directed: a speaker to what they speak about or to the outlet that
 * carries them, and for CO_QUOTED (a symmetric relation) from the speaker whose id sorts
 * first, as the API gives it. A pair linked in two ways has two edges (NetworkX then reads a
 * MultiDiGraph); each edge says which way in `relation`.
 */
import { RoundTrips, requestDb, type Neo4jGateway } from '../db/gateway';
import { ALL_DIMENSIONS } from '../graph/network/network.dimension';
import { fold, toNetwork } from '../graph/network/network.repository';
import type { Network } from '../graph/network/network.type';

/** Cypher's list slices take 32-bit bounds: as good as no bound for a network. */
const UNBOUNDED = 2_147_483_647;

/** The whole graph's network: all its statements, every edge. */
export async function exportNetwork(gateway: Neo4jGateway): Promise<Network> {
  const db = requestDb(gateway, new RoundTrips());
  return toNetwork(await fold(db, {}, { by: ALL_DIMENSIONS, minWeight: 1 }, UNBOUNDED, { maxStatements: UNBOUNDED, sample: UNBOUNDED }));
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Attribute keys: GraphML declares each with its type before the graph. */
const KEYS = [
  { id: 'label', for: 'node', type: 'string' },
  { id: 'type', for: 'node', type: 'string' },
  { id: 'degree', for: 'node', type: 'int' },
  { id: 'weightedDegree', for: 'node', type: 'int' },
  { id: 'relation', for: 'edge', type: 'string' },
  { id: 'weight', for: 'edge', type: 'double' },
  { id: 'evidence', for: 'edge', type: 'string' },
] as const;

const data = (key: string, value: string | number): string => `<data key="${key}">${escapeXml(String(value))}</data>`;

/** The network as one GraphML document; evidence is the statement ids separated by spaces. */
export function toGraphml(network: Network): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.id}" attr.type="${k.type}"/>`),
    '  <graph id="news-knowledge-graph" edgedefault="directed">',
    ...network.nodes.map(
      (n) => `    <node id="${escapeXml(n.id)}">${data('label', n.name)}${data('type', n.type)}${data('degree', n.degree)}${data('weightedDegree', n.weightedDegree)}</node>`,
    ),
    ...network.edges.map(
      (e, i) =>
        `    <edge id="e${i}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${data('relation', e.relation)}${data('weight', e.weight)}${data('evidence', e.evidence.join(' '))}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}
