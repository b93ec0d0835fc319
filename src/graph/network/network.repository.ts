/**
 * `network` and `networkRanking`: one query each (network.cypher.ts), whose answer the
 * gateway keeps while the database is unchanged (`readKept`). A filter id that names nothing,
 * or a network past its bounds, is an error, never an empty or partial answer.
 */
import type { Db } from '../../db/gateway';
import type { StatementFilterValues } from '../statement/statement.cypher';
import { translateNetwork } from './network.cypher';
import { filterNotFound, NETWORK, tooManyEdges, tooManyStatements, type NetworkArgs } from './network.input';
import { rank, weightedDegrees, type EdgeRow } from './network.ranking';
import type { Network, NetworkRanking } from './network.type';

export interface Folded {
  readonly statementCount: number;
  /** Statements the edges were folded from: all of statementCount, or the newest NETWORK.sampleStatements. */
  readonly foldedCount: number;
  readonly edgeCount: number;
  readonly edges: readonly EdgeRow[];
}

/** How many statements a fold may select and fold: NETWORK's for a client; the exporter, which an operator runs on the whole graph, passes its own. */
export interface FoldLimits {
  readonly maxStatements: number;
  readonly sample: number;
}

const CLIENT_LIMITS: FoldLimits = { maxStatements: NETWORK.maxStatements, sample: NETWORK.sampleStatements };

/** The network's first `first` edges. */
export async function fold(db: Db, filter: StatementFilterValues, args: NetworkArgs, first: number, limits: FoldLimits = CLIENT_LIMITS): Promise<Folded> {
  const bounds = { minWeight: args.minWeight, first, ...limits, evidence: NETWORK.evidence };
  const [row] = await db.readKept(translateNetwork(args.by, filter, bounds));
  const missing = (row?.missing ?? []) as string[];
  if (missing.length > 0) throw filterNotFound(missing, filter as Record<string, unknown>);
  const statementCount = row?.statementCount as number;
  if (statementCount > limits.maxStatements) throw tooManyStatements(statementCount, limits.maxStatements);
  return { statementCount, foldedCount: row?.foldedCount as number, edgeCount: row?.edgeCount as number, edges: row?.edges as EdgeRow[] };
}

/** The heaviest `first` edges of the network, and every entity they touch. */
export async function network(db: Db, filter: StatementFilterValues, args: NetworkArgs, first: number): Promise<Network> {
  return toNetwork(await fold(db, filter, args, first));
}

/** Folded edges as the API answers them: nodes with their degrees, edges by id. */
export function toNetwork({ statementCount, foldedCount, edgeCount, edges }: Folded): Network {
  return {
    nodes: weightedDegrees(edges).map(({ entity, degree, weightedDegree }) => ({ id: entity.id, name: entity.name, type: entity.__typename, degree, weightedDegree })),
    edges: edges.map((e) => ({ source: e.source.id, target: e.target.id, relation: e.relation, weight: e.weight, evidence: e.evidence })),
    statementCount,
    foldedCount,
    sampled: foldedCount < statementCount,
    edgeCount,
    truncated: edgeCount > edges.length,
  };
}

/** Rankings over the whole network; LIMIT_EXCEEDED when it has more edges than a ranking holds. */
export async function networkRanking(db: Db, filter: StatementFilterValues, args: NetworkArgs): Promise<NetworkRanking> {
  const { statementCount, foldedCount, edgeCount, edges } = await fold(db, filter, args, NETWORK.maxRankedEdges);
  if (edgeCount > NETWORK.maxRankedEdges) throw tooManyEdges(edgeCount, args.minWeight);
  return { ...rank(edges), edgeCount, statementCount, foldedCount, sampled: foldedCount < statementCount };
}
