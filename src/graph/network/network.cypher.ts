/**
 * The Cypher text of `network` and `networkRanking`: one query that selects statements with
 * the same filter as `statements` (statement.cypher.ts filterClauses, so a clause added there,
 * such as leaving out retracted articles, narrows the network too) and folds them into
 * weighted edges for each dimension asked for. The dimensions are fixed fragments chosen by
 * name; every value travels as a parameter.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { ENTITY_HEADER_PROJECTION } from '../entity/entity.cypher';
import { filterClauses, filterParams, type StatementFilterValues } from '../statement/statement.cypher';
import { NetworkDimension } from './network.dimension';

/** An edge's end `v` as an EntityHeader (type, id, name). */
const header = (v: string): string => `[e IN [${v}] | ${ENTITY_HEADER_PROJECTION}][0]`;

/** Speaker → what each statement links to by `relation`, one statement one unit of weight. */
const speakerTo = (relation: 'ABOUT' | 'REPORTED_BY', label: string): string => `
  UNWIND chosen AS s
  MATCH (a:Entity)-[:SAID]->(s)-[:${relation}]->(b:${label})
  WHERE a <> b
  WITH a, b, s ORDER BY s.sortKey
  WITH a, b, count(s) AS weight, collect(s.id)[..toInteger($evidence)] AS evidence
  WHERE weight >= $minWeight
  RETURN '${relation}' AS relation, a, b, weight, evidence`;

/**
 * How each dimension folds the chosen statements into (source, target, weight, evidence),
 * weight at least `$minWeight`. Evidence is the first `$evidence` statements in article order.
 * CO_QUOTED counts articles, not statements: two speakers quoted in one article are one
 * co-quotation however often each speaks there; its evidence is each one's first statement
 * in the first articles they share. A statement has exactly one speaker (npm run check).
 */
const EDGES: Readonly<Record<NetworkDimension, string>> = {
  [NetworkDimension.ABOUT]: speakerTo('ABOUT', 'Entity'),
  [NetworkDimension.REPORTED_BY]: speakerTo('REPORTED_BY', 'Organization'),
  [NetworkDimension.CO_QUOTED]: `
  UNWIND chosen AS s
  MATCH (a:Entity)-[:SAID]->(s)-[:APPEARS_IN]->(article:Article)
  WITH article, a, s ORDER BY s.sortKey
  WITH article, a, head(collect(s.id)) AS first
  WITH article, collect({speaker: a, first: first}) AS voices
  WHERE size(voices) > 1
  UNWIND voices AS x
  UNWIND voices AS y
  WITH article, x, y WHERE x.speaker.id < y.speaker.id
  WITH x.speaker AS a, y.speaker AS b, article, [x.first, y.first] AS pair ORDER BY article.id
  WITH a, b, count(article) AS weight, collect(pair) AS pairs
  WHERE weight >= $minWeight
  RETURN 'CO_QUOTED' AS relation, a, b, weight, reduce(ids = [], p IN pairs | ids + p)[..toInteger($evidence)] AS evidence`,
};

/** The filter's ids that name nothing, by filter field, checked in the same query. */
const FILTER_TARGETS = { speaker: 'Entity', about: 'Entity', reportedBy: 'Organization', article: 'Article' } as const;

function missingIds(filter: StatementFilterValues): string {
  const checks = (Object.keys(FILTER_TARGETS) as (keyof typeof FILTER_TARGETS)[])
    .filter((field) => filter[field] !== undefined && filter[field] !== null)
    .map((field) => `CASE WHEN EXISTS { (:${FILTER_TARGETS[field]} {id: $${field}}) } THEN null ELSE '${field}' END`);
  return `[field IN [${checks.join(', ')}] WHERE field IS NOT NULL]`;
}

/**
 * The network of the statements `filter` selects: when they number at most
 * `$maxStatements`, every edge of the dimensions `by` with weight at least `$minWeight`,
 * heaviest first (ties by relation and ids); `edgeCount` counts them all, `edges` holds the
 * first `$first`. Over `$maxStatements`, no edges are folded (`statementCount` says why).
 */
export function translateNetwork(by: readonly NetworkDimension[], filter: StatementFilterValues, bounds: NetworkBounds): CypherQuery {
  const { match, where } = filterClauses(filter);
  const dimensions = [...new Set(by)].sort();
  const text = `
CALL () {
  MATCH ${match}
  ${where.length > 0 ? `WHERE ${where.join('\n    AND ')}` : ''}
  RETURN collect(DISTINCT s) AS chosen
}
WITH ${missingIds(filter)} AS missing, chosen, size(chosen) AS statementCount
OPTIONAL CALL (chosen, statementCount, missing) {
  WITH chosen, statementCount, missing WHERE statementCount <= $maxStatements AND size(missing) = 0
  CALL (chosen) {${dimensions.map((d) => EDGES[d]).join('\n  UNION ALL')}
  }
  RETURN relation, a, b, weight, evidence
}
WITH missing, statementCount, relation, a, b, weight, evidence
ORDER BY weight DESC, relation, a.id, b.id
WITH missing, statementCount, collect(CASE WHEN relation IS NULL THEN null ELSE {relation: relation, source: a, target: b, weight: weight, evidence: evidence} END) AS found
RETURN missing, statementCount, size(found) AS edgeCount, [edge IN found[..toInteger($first)] | {
  relation: edge.relation, weight: edge.weight, evidence: edge.evidence,
  source: ${header('edge.source')}, target: ${header('edge.target')}
}] AS edges`;
  return cypher(text, { ...filterParams(filter), ...bounds });
}

/** The parameters that bound a network query. */
export interface NetworkBounds {
  readonly minWeight: number;
  readonly first: number;
  readonly maxStatements: number;
  readonly evidence: number;
}
