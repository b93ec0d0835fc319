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
 * MultiDiGraph); each edge says which way in `relation`. A node whose entity has a Wikidata
 * id carries it (`wikidata`), so a researcher can join the file with Wikidata's own data.
 */
import { RoundTrips, requestDb, type Neo4jGateway } from '../db/gateway';
import { identifiersByEntity } from '../graph/entity/entity.repository';
import { ALL_DIMENSIONS } from '../graph/network/network.dimension';
import { fold, toNetwork } from '../graph/network/network.repository';
import type { Network } from '../graph/network/network.type';

/** Cypher's list slices take 32-bit bounds: as good as no bound for a network. */
const UNBOUNDED = 2_147_483_647;

/** A network with each node's Wikidata id, where the graph has one. */
export type GraphmlNetwork = Network & { readonly wikidata?: ReadonlyMap<string, string> };

/** The whole graph's network: all its statements, every edge, and the Wikidata ids of its nodes. */
export async function exportNetwork(gateway: Neo4jGateway): Promise<GraphmlNetwork> {
  const db = requestDb(gateway, new RoundTrips());
  const network = toNetwork(await fold(db, {}, { by: ALL_DIMENSIONS, minWeight: 1 }, UNBOUNDED, { maxStatements: UNBOUNDED, sample: UNBOUNDED }));
  const identifiers = await identifiersByEntity(db, network.nodes.map((n) => n.id));
  const wikidata = new Map([...identifiers].flatMap(([id, list]) => list.filter((i) => i.scheme === 'WIKIDATA').slice(0, 1).map((i) => [id, i.value] as const)));
  return { ...network, wikidata };
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Attribute keys: GraphML declares each with its type before the graph. */
const KEYS = [
  { id: 'label', for: 'node', type: 'string' },
  { id: 'type', for: 'node', type: 'string' },
  { id: 'degree', for: 'node', type: 'int' },
  { id: 'weightedDegree', for: 'node', type: 'int' },
  { id: 'wikidata', for: 'node', type: 'string' },
  { id: 'relation', for: 'edge', type: 'string' },
  { id: 'weight', for: 'edge', type: 'double' },
  { id: 'evidence', for: 'edge', type: 'string' },
] as const;

const data = (key: string, value: string | number): string => `<data key="${key}">${escapeXml(String(value))}</data>`;

/** The network as one GraphML document; evidence is the statement ids separated by spaces; a node without a Wikidata id has no wikidata data. */
export function toGraphml(network: GraphmlNetwork): string {
  const wikidata = (id: string): string => {
    const q = network.wikidata?.get(id);
    return q === undefined ? '' : data('wikidata', q);
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.id}" attr.type="${k.type}"/>`),
    '  <graph id="news-knowledge-graph" edgedefault="directed">',
    ...network.nodes.map(
      (n) => `    <node id="${escapeXml(n.id)}">${data('label', n.name)}${data('type', n.type)}${data('degree', n.degree)}${data('weightedDegree', n.weightedDegree)}${wikidata(n.id)}</node>`,
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
