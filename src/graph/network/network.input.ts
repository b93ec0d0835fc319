/**
 * The bounds of `network` and `networkRanking` and the checks that enforce them. A network
 * is folded from every statement its filter selects, so the number of statements is bounded
 * before any edge is built; the edges an answer lists are bounded by `first` (a cut answer
 * says so: `truncated`); a ranking needs the whole network, so a network with more edges
 * than a ranking may hold is refused rather than ranked in part.
 */
import { GraphQLError } from 'graphql';
import { badInput, ErrorCode, limitExceeded } from '../../errors';
import { bounded } from '../analytics/analytics.input';
import { ALL_DIMENSIONS, type NetworkDimension } from './network.dimension';

export const NETWORK = {
  defaultFirst: 100,
  maxFirst: 1000,
  defaultMinWeight: 1,
  maxMinWeight: 1_000_000,
  /** Statements a network's filter may select (else LIMIT_EXCEEDED). */
  maxStatements: 50_000,
  /**
   * Statements one request folds: the newest this many of those selected, the answer saying
   * so (`sampled`). What one request can fold within the latency target on this machine
   * (docs/bench-findings.md, "the network of the most discussed policy, folded from a sample").
   */
  sampleStatements: 1_000,
  /** Statement ids given as evidence per edge. */
  evidence: 3,
  /** Edges a ranking computes over (PageRank and Louvain in the server's process). */
  maxRankedEdges: 5_000,
} as const;

export interface NetworkArgs {
  readonly by: readonly NetworkDimension[];
  readonly minWeight: number;
}

/** `by` (every dimension when absent) and `minWeight`, checked. */
export function networkArgs(by: readonly NetworkDimension[] | null | undefined, minWeight: number | null | undefined): NetworkArgs {
  if (by !== null && by !== undefined && by.length === 0) {
    throw badInput(`by must name at least one of ${ALL_DIMENSIONS.join(', ')}; received []`, { argument: 'by' });
  }
  return {
    by: by === null || by === undefined ? ALL_DIMENSIONS : [...new Set(by)],
    minWeight: bounded('minWeight', minWeight, 1, NETWORK.maxMinWeight, NETWORK.defaultMinWeight),
  };
}

export const networkFirst = (first: number | null | undefined): number => bounded('first', first, 1, NETWORK.maxFirst, NETWORK.defaultFirst);

/** More statements than a network is folded from: the filter must narrow. */
export function tooManyStatements(count: number, max: number = NETWORK.maxStatements): GraphQLError {
  return limitExceeded(
    `The filter selects ${count} statements; a network is built from at most ${max} (maxStatements). Narrow the filter (speaker, about, reportedBy, article, kind).`,
    'maxStatements',
    max,
    count,
  );
}

/** More edges than a ranking computes over: raise minWeight or narrow the filter. */
export function tooManyEdges(count: number, minWeight: number): GraphQLError {
  return limitExceeded(
    `The network has ${count} edges of weight at least ${minWeight}; rankings are computed over at most ${NETWORK.maxRankedEdges} (maxRankedEdges). Raise minWeight or narrow the filter.`,
    'maxRankedEdges',
    NETWORK.maxRankedEdges,
    count,
  );
}

/** Filter fields whose id names nothing: the network of an unknown id is not an empty network. */
export function filterNotFound(fields: readonly string[], filter: Readonly<Record<string, unknown>>): GraphQLError {
  const named = fields.map((f) => `filter.${f} ${JSON.stringify(filter[f])}`).join(', ');
  return new GraphQLError(`Nothing in the graph has the id given in ${named}; check it against node(id:) or search(text:)`, {
    extensions: { code: ErrorCode.NOT_FOUND, arguments: fields.map((f) => `filter.${f}`) },
  });
}
