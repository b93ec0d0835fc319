/**
 * `npm run export -- --format graphml` on the seeded story, read back with an independent
 * XML parser (fast-xml-parser) the way NetworkX and Gephi read GraphML: keys declared with
 * their types, nodes and edges with their data. The file must hold the network the API
 * answers, node for node and edge for edge, with the same weights.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Neo4jGateway } from '../../src/db/gateway';
import { exportNetwork, toGraphml } from '../../src/ingest/graphml';
import { storyHarness, testGateway } from '../helpers/graph';

const harness = storyHarness();
let gateway: Neo4jGateway;

beforeAll(() => {
  gateway = testGateway();
});
afterAll(async () => {
  await gateway.close();
});

interface Data { '@_key': string; '#text': string | number }
interface GraphmlNode { '@_id': string; data: Data[] }
interface GraphmlEdge { '@_id': string; '@_source': string; '@_target': string; data: Data[] }

function readGraphml(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) });
  const doc = parser.parse(xml) as { graphml: { key: { '@_id': string; '@_for': string; '@_attr.type': string }[]; graph: { '@_edgedefault': string; node: GraphmlNode[]; edge: GraphmlEdge[] } } };
  const value = (data: Data[], key: string): string => String(data.find((d) => d['@_key'] === key)?.['#text'] ?? '');
  return {
    keys: Object.fromEntries(doc.graphml.key.map((k) => [`${k['@_for']}.${k['@_id']}`, k['@_attr.type']])),
    edgedefault: doc.graphml.graph['@_edgedefault'],
    nodes: doc.graphml.graph.node.map((n) => ({ id: n['@_id'], name: value(n.data, 'label'), type: value(n.data, 'type'), degree: Number(value(n.data, 'degree')), weightedDegree: Number(value(n.data, 'weightedDegree')) })),
    edges: doc.graphml.graph.edge.map((e) => ({
      source: e['@_source'], target: e['@_target'], relation: value(e.data, 'relation'), weight: Number(value(e.data, 'weight')), evidence: value(e.data, 'evidence').split(' ').filter((x) => x !== ''),
    })),
  };
}

describe('the GraphML export', () => {
  it('reads back as the network the API answers: the same nodes, edges and weights', async () => {
    const xml = toGraphml(await exportNetwork(gateway));
    const file = readGraphml(xml);
    const api = (await harness.data(`{ network(first: 1000) { edgeCount truncated nodes { id name type degree weightedDegree } edges { source target relation weight evidence } } }`)) as {
      network: { edgeCount: number; truncated: boolean; nodes: unknown[]; edges: unknown[] };
    };
    expect(api.network.truncated).toBe(false);
    expect([file.nodes.length, file.edges.length]).toEqual([api.network.nodes.length, api.network.edgeCount]);
    expect(file.nodes).toEqual(api.network.nodes);
    expect(file.edges).toEqual(api.network.edges);
    expect(file.edges.slice(0, 2).map((e) => [e.source, e.target, e.weight])).toEqual([
      ['person:mike-waltz', 'policy:us-intelligence-sharing-pause', 5],
      ['person:emmanuel-macron', 'place:europe', 4],
    ]);
  });

  it('declares typed keys NetworkX maps to numbers, and one edge direction, as NetworkX requires', async () => {
    const file = readGraphml(toGraphml(await exportNetwork(gateway)));
    expect(file.keys).toEqual({
      'node.label': 'string', 'node.type': 'string', 'node.degree': 'int', 'node.weightedDegree': 'int', 'node.wikidata': 'string',
      'edge.relation': 'string', 'edge.weight': 'double', 'edge.evidence': 'string',
    });
    expect(file.edgedefault).toBe('directed');
  });

  it("gives a node its entity's Wikidata id where the graph has one (seed/README.md), and none elsewhere", async () => {
    const xml = toGraphml(await exportNetwork(gateway));
    const node = (id: string): string => xml.split('\n').find((line) => line.includes(`<node id="${id}">`)) ?? '';
    expect(node('place:ukraine')).toContain('<data key="wikidata">Q212</data>');
    expect(node('person:donald-trump')).toContain('<data key="wikidata">Q22686</data>');
    expect(node('person:mike-waltz')).not.toContain('wikidata');
  });

  it('escapes what XML would misread in names', () => {
    const xml = toGraphml({
      statementCount: 1, foldedCount: 1, sampled: false, edgeCount: 1, truncated: false,
      nodes: [
        { id: 'org:a', name: 'AT&T <"Bell">', type: 'Organization', degree: 1, weightedDegree: 1 },
        { id: 'person:b', name: "O'Neil", type: 'Person', degree: 1, weightedDegree: 1 },
      ],
      edges: [{ source: 'person:b', target: 'org:a', relation: 'REPORTED_BY' as never, weight: 1, evidence: ['statement:x:1'] }],
    });
    expect(readGraphml(xml).nodes.map((n) => n.name)).toEqual(['AT&T <"Bell">', "O'Neil"]);
  });
});
