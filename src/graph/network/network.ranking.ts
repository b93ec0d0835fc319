/**
 * Centrality and communities over a network Cypher has folded, computed in the server's
 * process with graphology (MIT): weighted degree, weighted PageRank and weighted Louvain on
 * the network as one undirected graph, parallel edges (a speaker both about and reported by
 * an outlet) summed. Neo4j's Graph Data Science library would do this in the database, but it
 * is GPLv3 and the launcher would then ship it (see src/graph/network/README.md). The work is
 * bounded by the size of the network (NETWORK.maxRankedEdges), checked before it starts:
 * both algorithms are linear in edges per iteration and PageRank's iterations are capped.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { EntityHeader } from '../entity/entity.type';
import { NetworkDimension } from './network.dimension';
import type { Community, RankedEntity } from './network.type';

/** An edge as the network query returns it. */
export interface EdgeRow {
  readonly relation: NetworkDimension;
  readonly source: EntityHeader;
  readonly target: EntityHeader;
  readonly weight: number;
  readonly evidence: string[];
}

export interface Ranking {
  readonly speakers: RankedEntity[];
  readonly topics: RankedEntity[];
  readonly communities: Community[];
  readonly nodeCount: number;
}

const PAGERANK = { alpha: 0.85, maxIterations: 200, tolerance: 1e-9 } as const;

/** Every entity of `edges` with the sum of the weights of the edges that touch it (and how many), heaviest first, ties by id. */
export function weightedDegrees(edges: readonly EdgeRow[]): { entity: EntityHeader; degree: number; weightedDegree: number }[] {
  const byId = new Map<string, { entity: EntityHeader; degree: number; weightedDegree: number }>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      const node = byId.get(end.id) ?? { entity: end, degree: 0, weightedDegree: 0 };
      node.degree += 1;
      node.weightedDegree += edge.weight;
      byId.set(end.id, node);
    }
  }
  return [...byId.values()].sort((x, y) => y.weightedDegree - x.weightedDegree || compareIds(x.entity.id, y.entity.id));
}

const compareIds = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Speakers and topics by PageRank, and the network's communities, largest first. */
export function rank(edges: readonly EdgeRow[]): Ranking {
  const graph = new Graph<Record<string, never>, { weight: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const edge of edges) {
    graph.mergeNode(edge.source.id);
    graph.mergeNode(edge.target.id);
    graph.updateUndirectedEdge(edge.source.id, edge.target.id, (attributes) => ({ weight: (attributes.weight ?? 0) + edge.weight }));
  }
  const scores = graph.order === 0 ? {} : pagerank(graph, { getEdgeWeight: 'weight', ...PAGERANK });
  // Without the random walk Louvain visits nodes in insertion order, so the same network gives the same communities.
  const membership = graph.order === 0 ? {} : louvain(graph, { getEdgeWeight: 'weight', randomWalk: false });
  const degrees = weightedDegrees(edges);
  const communities = communitiesOf(degrees.map((d) => d.entity.id), membership);
  const indexOf = new Map(communities.flatMap((c) => c.members.map((m) => [m, c.id] as const)));
  const ranked = degrees.map(({ entity, weightedDegree }) => ({
    id: entity.id,
    name: entity.name,
    type: entity.__typename,
    weightedDegree,
    pageRank: scores[entity.id] ?? 0,
    community: indexOf.get(entity.id) ?? -1,
  }));
  const byRank = (x: RankedEntity, y: RankedEntity): number => y.pageRank - x.pageRank || compareIds(x.id, y.id);
  const speakers = new Set(edges.flatMap((e) => (e.relation === NetworkDimension.CO_QUOTED ? [e.source.id, e.target.id] : [e.source.id])));
  const topics = new Set(edges.filter((e) => e.relation === NetworkDimension.ABOUT).map((e) => e.target.id));
  return {
    speakers: ranked.filter((r) => speakers.has(r.id)).sort(byRank),
    topics: ranked.filter((r) => topics.has(r.id)).sort(byRank),
    communities,
    nodeCount: graph.order,
  };
}

/** Louvain's communities renumbered: largest first, ties by first member; members in `order`. */
function communitiesOf(order: readonly string[], membership: Readonly<Record<string, number>>): Community[] {
  const groups = new Map<number, string[]>();
  for (const id of order) {
    const c = membership[id];
    if (c === undefined) continue;
    const members = groups.get(c) ?? [];
    members.push(id);
    groups.set(c, members);
  }
  return [...groups.values()]
    .sort((x, y) => y.length - x.length || compareIds(x[0] as string, y[0] as string))
    .map((members, id) => ({ id, members }));
}
