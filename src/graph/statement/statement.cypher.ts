/**
 * Every Cypher text for statements. Filters are assembled from the fixed fragments below
 * by which filter fields are present (translateStatementPage); values are parameters.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { ARTICLE_HEADER_PROJECTION, ARTICLE_PROJECTION } from '../article/article.cypher';
import { retractionOf, statementById } from '../editorial/retired.cypher';
import { ENTITY_HEADER_PROJECTION, ENTITY_PROJECTION, rolesOf } from '../entity/entity.cypher';

/** A StatementHeader's fields: what every listing shows, and the sortKey its cursors need. */
const HEADER_FIELDS = `
  __typename: 'Statement', id: s.id, text: s.text, kind: s.kind, sortKey: s.sortKey`;

/** The rest of a StatementRecord; quotedInId costs a relationship lookup per statement. */
const STATEMENT_FIELDS = `${HEADER_FIELDS}, venue: s.venue,
  date: CASE WHEN s.date IS NULL AND s.dateText IS NULL THEN null
        ELSE {date: s.date, text: s.dateText, precision: s.datePrecision} END,
  quotedInId: [(s)-[:QUOTED_IN]->(o:Statement) | o.id][0],
  retracted: ${retractionOf('s', 'RetractedStatement')}`;

export const STATEMENT_PROJECTION = `{${STATEMENT_FIELDS}\n}`;

/**
 * What a query for statements brings along, for the fields the client asked for
 * (src/graph/lookahead.ts): the speaker (and the speaker's roles), the topics, the outlets,
 * the evidence (and its articles). Each costs Neo4j little next to a round trip of its own.
 */
export interface StatementIncludes {
  readonly speaker: boolean;
  readonly roles: boolean;
  readonly about: boolean;
  readonly reportedBy: boolean;
  readonly evidence: boolean;
  readonly articles: boolean;
  /** And those articles' text: without it, Article.text loads the article when asked. */
  readonly articleText: boolean;
  /**
   * Every field of the statements (venue, date, quotedIn), not only a StatementHeader's.
   * Without them, a deep page of a listing that shows text and speaker costs Neo4j and the
   * server less CPU (measured in docs/bench-findings.md, finding 17).
   */
  readonly statementFields: boolean;
  /** Every field of the entities brought along, not only their id and name (EntityHeader). */
  readonly entityFields: boolean;
}

/** Whole statements and nothing along: what the statement loader promises. */
export const NO_INCLUDES: StatementIncludes = {
  speaker: false, roles: false, about: false, reportedBy: false, evidence: false, articles: false, articleText: false, statementFields: true, entityFields: true,
};
export const ALL_INCLUDES: StatementIncludes = {
  speaker: true, roles: true, about: true, reportedBy: true, evidence: true, articles: true, articleText: true, statementFields: true, entityFields: true,
};

/** Whether a query with these includes brings anything along. */
export const includesAny = (i: StatementIncludes): boolean => i.speaker || i.about || i.reportedBy || i.evidence;

/**
 * Who said it, what it is about, who reported it and where it appears, as far as `includes`
 * asks: small pattern comprehensions, one trip for all. Lists come with their ordinals; the
 * repository sorts them.
 */
const detailsMap = (includes: StatementIncludes): string => {
  const entity = includes.entityFields ? ENTITY_PROJECTION : ENTITY_HEADER_PROJECTION;
  const parts = [
    includes.speaker && `speaker: [(s)<-[:SAID]-(e:Entity) | ${entity}][0]`,
    includes.speaker && includes.roles && `speakerRoles: [(s)<-[:SAID]-(e:Person) | ${rolesOf('e')}][0]`,
    includes.about && `about: [(s)-[r:ABOUT]->(e:Entity) | {ordinal: r.ordinal, entity: ${entity}}]`,
    includes.reportedBy && `reportedBy: [(s)-[r:REPORTED_BY]->(e:Organization) | {ordinal: r.ordinal, entity: ${entity}}]`,
    includes.evidence &&
      // A retracted statement's evidence is in retracted articles; a live one's, in live articles only.
      `evidence: [(s)-[r:APPEARS_IN]->(a) WHERE a:Article OR (s:RetractedStatement AND a:RetractedArticle) | {start: r.start, end: r.end, sentence: r.sentence,
     sentenceStart: coalesce(r.sentenceStart, r.start), articleId: a.id, publishedAt: a.publishedAt${includes.articles ? `,\n     article: ${includes.articleText ? ARTICLE_PROJECTION : ARTICLE_HEADER_PROJECTION}` : ''}}]`,
  ];
  return `{\n  ${parts.filter((p): p is string => typeof p === 'string').join(',\n  ')}\n}`;
};

const STATEMENT_HEADER_PROJECTION = `{${HEADER_FIELDS}\n}`;

/** Built once per combination of includes (512 at most): requests ask for the same few. */
const projections = new Map<string, string>();

const includesKeys = new WeakMap<StatementIncludes, string>();

/** A string naming this combination of includes; worked out once per includes object (the resolvers give one per selection). */
export function includesKey(includes: StatementIncludes): string {
  let key = includesKeys.get(includes);
  if (key === undefined) includesKeys.set(includes, (key = JSON.stringify(includes)));
  return key;
}

/**
 * Statement `s` as a StatementRecord (a StatementHeader unless `statementFields`), with
 * `details` when the includes ask for them.
 */
export function statementProjection(includes: StatementIncludes): string {
  if (!includesAny(includes)) return includes.statementFields ? STATEMENT_PROJECTION : STATEMENT_HEADER_PROJECTION;
  const key = includesKey(includes);
  let text = projections.get(key);
  if (text === undefined) {
    const fields = includes.statementFields ? STATEMENT_FIELDS : HEADER_FIELDS;
    projections.set(key, (text = `{${fields},\n  details: ${detailsMap(includes)}\n}`));
  }
  return text;
}

/** Statements by id, bringing along what `includes` names. */
export function statementsByIdText(includes: StatementIncludes): string {
  return `
UNWIND $ids AS id
${statementById('id', 'id')}
RETURN id, ${statementProjection(includes)} AS statement`;
}

/** The details of a batch of statements whose query did not bring them along: all four. */
export const DETAILS = `
UNWIND $ids AS id
${statementById('id', 'id')}
RETURN id, ${detailsMap({ ...ALL_INCLUDES, roles: false, articles: false, articleText: false })} AS details`;

export const QUOTES_INSIDE = `
UNWIND $ids AS id
MATCH (outer:Statement {id: id})<-[:QUOTED_IN]-(s:Statement)
WITH id, s ORDER BY s.sortKey, s.id
RETURN id, collect(${STATEMENT_PROJECTION}) AS statements`;

/**
 * The nodes a statement hangs from, each with the filter field that names it: how statement
 * `s` links to node `anchor`, and the anchor's count of such links. In filterClauses'
 * order: a filter starts from the first anchor it names.
 */
const LINKS = {
  said: { field: 'speaker', label: 'Entity', link: '(anchor)-[:SAID]->(s)', degree: '(anchor)-[:SAID]->()' },
  about: { field: 'about', label: 'Entity', link: '(s)-[:ABOUT]->(anchor)', degree: '(anchor)<-[:ABOUT]-()' },
  reportedBy: { field: 'reportedBy', label: 'Organization', link: '(s)-[:REPORTED_BY]->(anchor)', degree: '(anchor)<-[:REPORTED_BY]-()' },
  article: { field: 'article', label: 'Article', link: '(s)-[:APPEARS_IN]->(anchor)', degree: '(anchor)<-[:APPEARS_IN]-()' },
} as const;
export type Anchor = keyof typeof LINKS;
const ANCHOR_NAMES = Object.keys(LINKS) as Anchor[];

/** The link from a statement to the anchor with id `id` (a Cypher expression), the statement labelled. */
const linkTo = (anchor: Anchor, id: string): string =>
  LINKS[anchor].link.replace('(anchor)', `(:${LINKS[anchor].label} {id: ${id}})`).replace('(s)', '(s:Statement)');

/** How a batch of connections reaches its statements from the key's node. */
export const ANCHORS = Object.fromEntries(ANCHOR_NAMES.map((anchor) => [anchor, linkTo(anchor, 'key.id')])) as Readonly<Record<Anchor, string>>;

// sortKey is unique by construction (article date | article id | position in the article),
// so it alone orders statements: the planner can then read a page straight off its index.

/**
 * An anchor linked to at least 1 in DENSE statements is dense: the first page of its
 * statements is among the first few hundred of all statements in sortKey order.
 */
const DENSE = 14;
/** How many statements, per row of the page, the index walk reads before it gives up. */
export const SCAN_PER_ROW = 40;

/**
 * The first \`$limit\` statements linked to node \`anchor\` that pass \`where\` and come
 * after \`after\` (a range on the sortKey of the variable it is given), in sortKey order, as
 * \`page\`. Needs \`anchor\` and \`total\` (all statements) bound, and \`$limit\` and \`$scan\`
 * (pageParams). Variable names are chosen not to meet the projections' (\`a\` is an article there).
 *
 * A sparse anchor (a person quoted twice) expands its links and sorts them. A dense one (the
 * policy much of the news is about) would sort thousands of rows for a page of 50:
 * instead the sortKey index is read in order and each statement checked for the link,
 * which stops as soon as the page is full, a few hundred index entries later. If the page
 * is not full after \`$scan\` entries (the anchor's statements bunch up later in time), the
 * rest comes the sparse way, after the last statement found. The answer is the same either
 * way; what the dense way saves is measured in docs/bench-findings.md, finding F10.
 */
function anchoredPage(anchor: Anchor, after: (v: string) => string, where: readonly string[], imported: readonly string[] = []): string {
  const { link, degree } = LINKS[anchor];
  const also = where.map((w) => `\n      AND ${w}`).join('');
  const more = imported.map((v) => `, ${v}`).join('');
  return `CALL (anchor, total${more}) {
  WITH anchor, total${more} WHERE COUNT { ${degree} } * ${DENSE} >= total
  CALL (anchor${more}) {
    MATCH (s:Statement) WHERE ${after('s')}
    WITH s ORDER BY s.sortKey LIMIT toInteger($scan)
    WITH s WHERE EXISTS { ${link} }${also}
    WITH s LIMIT toInteger($limit)
    RETURN collect(s) AS found
  }
  CALL (anchor, found${more}) {
    WITH anchor, found${more} WHERE size(found) < $limit
    MATCH ${link.replace('(s)', '(s:Statement)')}
    WHERE ${after('s')} AND (size(found) = 0 OR s.sortKey > found[-1].sortKey)${also}
    WITH s ORDER BY s.sortKey LIMIT toInteger($limit)
    RETURN collect(s) AS rest
  }
  RETURN (found + rest)[..toInteger($limit)] AS page
  UNION
  WITH anchor, total${more} WHERE COUNT { ${degree} } * ${DENSE} < total
  MATCH ${link.replace('(s)', '(s:Statement)')}
  WHERE ${after('s')}${also}
  WITH s ORDER BY s.sortKey LIMIT toInteger($limit)
  RETURN collect(s) AS page
}`;
}

/** The number of statements, from Neo4j's count store. */
const TOTAL = 'CALL () { MATCH (x:Statement) RETURN count(x) AS total }';

/** The parameters of an anchored page of \`limit\` rows besides the anchor and cursor. */
const pageParams = (limit: number): { readonly limit: number; readonly scan: number } => ({ limit, scan: limit * SCAN_PER_ROW });

/** A page's position in the batch: the anchor's id, and the sortKey the page starts after (null: from the start). */
export interface AnchoredPagePosition {
  readonly id: string;
  readonly afterKey: string | null;
}

/** One page per key, all keys in one round trip, \`limit\` rows each at most. */
export function translateAnchoredPages(anchor: Anchor, includes: StatementIncludes, keys: readonly AnchoredPagePosition[], limit: number): CypherQuery {
  return cypher(pagesByAnchorText(anchor, includes), { keys, ...pageParams(limit) });
}

function pagesByAnchorText(anchor: Anchor, includes: StatementIncludes): string {
  return `
${TOTAL}
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key, total
MATCH (anchor:${LINKS[anchor].label} {id: key.id})
${anchoredPage(anchor, (v) => `${v}.sortKey > coalesce(key.afterKey, '')`, [], ['key'])}
UNWIND page AS s
WITH i, collect(${statementProjection(includes)}) AS rows
RETURN i, rows`;
}


export const COUNTS_BY_ANCHOR: Readonly<Record<Anchor, string>> = Object.fromEntries(
  Object.entries(ANCHORS).map(([name, pattern]) => [
    name,
    `
UNWIND $ids AS id
WITH {id: id} AS key
RETURN key.id AS id, COUNT { MATCH ${pattern} } AS n`,
  ]),
) as Record<Anchor, string>;

export interface StatementFilterValues {
  readonly speaker?: string | null;
  readonly about?: string | null;
  readonly reportedBy?: string | null;
  readonly kind?: string | null;
  readonly article?: string | null;
}

/**
 * Translates a filter into a MATCH that starts from the most selective anchor the filter
 * names (an index seek on an id), and WHERE clauses for the rest.
 */
export function filterClauses(filter: StatementFilterValues): { match: string; where: string[]; anchor: Anchor | null } {
  const named = ANCHOR_NAMES.filter((anchor) => filter[LINKS[anchor].field] !== undefined && filter[LINKS[anchor].field] !== null);
  const [anchor = null, ...others] = named;
  const where = others.map((other) => `EXISTS { ${linkTo(other, `$${LINKS[other].field}`)} }`);
  if (filter.kind !== undefined && filter.kind !== null) where.push('s.kind = $kind');
  return { match: anchor === null ? '(s:Statement)' : linkTo(anchor, `$${LINKS[anchor].field}`), where, anchor };
}

export const filterParams = (filter: StatementFilterValues): Record<string, unknown> => ({
  speaker: filter.speaker ?? null,
  about: filter.about ?? null,
  reportedBy: filter.reportedBy ?? null,
  kind: filter.kind ?? null,
  article: filter.article ?? null,
});

export function translateStatementPage(
  filter: StatementFilterValues,
  limit: number,
  after: readonly [string | number, string] | null,
  includes: StatementIncludes = NO_INCLUDES,
): CypherQuery {
  const { match, where, anchor } = filterClauses(filter);
  const params = { ...filterParams(filter), ...pageParams(limit), afterKey: after === null ? '' : String(after[0]) };
  // The range lets the planner walk the sortKey index in order.
  const range = (v: string): string => (after === null ? `${v}.sortKey >= $afterKey` : `${v}.sortKey > $afterKey`);
  if (anchor === null) {
    const text = `
MATCH ${match}
WHERE ${[...where, range('s')].join('\n  AND ')}
WITH s ORDER BY s.sortKey LIMIT toInteger($limit)
RETURN ${statementProjection(includes)} AS statement`;
    return cypher(text, params);
  }
  // filterClauses started from this anchor; `where` holds the other filters.
  const text = `
${TOTAL}
MATCH (anchor:${LINKS[anchor].label} {id: $${LINKS[anchor].field}})
${anchoredPage(anchor, range, where)}
UNWIND page AS s
RETURN ${statementProjection(includes)} AS statement`;
  return cypher(text, params);
}

export function translateStatementCount(filter: StatementFilterValues): CypherQuery {
  const { match, where } = filterClauses(filter);
  const text = `
MATCH ${match}
${where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : ''}
RETURN count(s) AS n`;
  return cypher(text, filterParams(filter));
}
