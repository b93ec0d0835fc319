/**
 * Every Cypher text the integrity check (check.ts) runs: read-only, parameterised, and each
 * either a page of a whole-graph walk (ordered by id, so memory stays one page) or a count
 * of violations with a few examples.
 */
import { NODE_TYPES, type NodeType } from '../vocabulary';

/** Articles with the spans of their quotes (DIRECT, PARTIAL), a page at a time. */
export const ARTICLE_QUOTES_PAGE = `
MATCH (a:Article)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id, a.text AS text,
  [(s:Statement)-[ev:APPEARS_IN]->(a) WHERE s.kind IN ['DIRECT', 'PARTIAL'] |
    {statement: s.id, text: s.text, start: ev.start, end: ev.end}] AS quotes`;

/** Each node type's ids and stored dates, a page at a time, through the type's unique id index. */
export const NODE_PAGES: Readonly<Record<NodeType, string>> = Object.fromEntries(
  NODE_TYPES.map((type) => [
    type,
    `
MATCH (n:${type})
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, n.date AS date, n.publishedAt AS publishedAt`,
  ]),
) as Record<NodeType, string>;

/**
 * How many nodes or groups `match` finds (it ends in `WITH <example> AS example`), and the
 * first `$examples` of them by example.
 */
const violations = (match: string): string => `
CALL { ${match} RETURN count(*) AS count }
CALL { ${match} RETURN example ORDER BY example LIMIT toInteger($examples) }
RETURN count, collect(example) AS examples`;

export const STATEMENTS_WITHOUT_ONE_SPEAKER = violations(`
MATCH (s:Statement)
WITH s, COUNT { (:Entity)-[:SAID]->(s) } AS speakers
WHERE speakers <> 1
WITH s.id + ' has ' + toString(speakers) + ' speakers' AS example`);

export const STATEMENTS_WITHOUT_EVIDENCE = violations(`
MATCH (s:Statement)
WHERE NOT EXISTS { (s)-[:APPEARS_IN]->(:Article) }
WITH s.id AS example`);

export const SHARED_QUOTE_KEYS = violations(`
MATCH (s:Statement)
WHERE s.quoteKey IS NOT NULL
WITH s.quoteKey AS key, collect(s.id) AS ids
WHERE size(ids) > 1
WITH key + ' is the key of ' + reduce(all = '', id IN ids | all + CASE all WHEN '' THEN '' ELSE ', ' END + id) AS example`);

/** The labels that carry an id: every node type's, and those of nodes an editor retracted or merged (src/graph/editorial). */
const ID_LABELS = [...NODE_TYPES, 'RetractedArticle', 'RetractedStatement', 'MergedEntity'];
const HAS_ID_LABEL = `any(l IN labels(n) WHERE l IN [${ID_LABELS.map((t) => `'${t}'`).join(', ')}])`;

/** Without an id, or with one that is not a string (which the id pages, compared with strings, never reach). */
export const NODES_WITHOUT_ID = violations(`
MATCH (n)
WHERE (n.id IS NULL OR NOT n.id IS :: STRING) AND ${HAS_ID_LABEL}
WITH reduce(all = '', l IN labels(n) | all + ':' + l) + ' node ' + elementId(n) AS example`);

/** Across labels too: the per-label constraints cannot see an Article and a Statement sharing an id. */
export const DUPLICATE_IDS = violations(`
MATCH (n)
WHERE n.id IS NOT NULL AND ${HAS_ID_LABEL}
WITH n.id AS id, count(*) AS nodes
WHERE nodes > 1
WITH id + ' is the id of ' + toString(nodes) + ' nodes' AS example`);

/** A retracted statement is one with no live evidence: a live article citing it means it should be live. */
export const RETRACTED_WITH_LIVE_EVIDENCE = violations(`
MATCH (s:RetractedStatement)
WHERE EXISTS { (s)-[:APPEARS_IN]->(:Article) } OR s.retractedAt IS NULL
WITH s.id AS example`);

/** A merged entity's id resolves for readers: it points at exactly one live entity, and has no other links. */
export const MERGED_NOT_RESOLVING = violations(`
MATCH (m:MergedEntity)
WHERE COUNT { (m)-[:MERGED_INTO]->(:Entity) } <> 1 OR EXISTS { (m)-[r]-() WHERE NOT type(r) IN ['MERGED_INTO', 'CHANGED'] }
WITH m.id AS example`);

/** An external identifier names one entity (src/ingest/plan.ts refuses a second; mergeEntities moves it). */
export const IDENTIFIERS_NOT_NAMING_ONE = violations(`
MATCH (x:ExternalId)
WITH x, COUNT { (x)-[:IDENTIFIES]->(:Entity) } AS entities, COUNT { (x)-[:IDENTIFIES]->() } AS named
WHERE entities <> 1 OR named <> 1
WITH x.key + ' names ' + toString(named) + ' nodes, ' + toString(entities) + ' of them live entities' AS example`);
