/**
 * Every Cypher text for search, paths, timelines and attribution. Each operation is one
 * query (whose answer the gateway keeps: analytics.repository.ts). Where Cypher needs a literal (a path quantifier's bounds, the
 * number of shortest-path groups, a label), the text is picked from a fixed set generated
 * here from constants; user values only ever travel as parameters.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { ARTICLE_PROJECTION } from '../article/article.cypher';
import { ENTITY_PROJECTION } from '../entity/entity.cypher';
import { filterClauses, filterParams, STANCE_OF_LINK, STATEMENT_PROJECTION, TOPIC_NAMED, type StatementFilterValues } from '../statement/statement.cypher';
import { AttributionDimension, Interval } from './analytics.type';
import { PATHS_LIMITS } from './analytics.input';

/**
 * Projects any node bound to `v` onto its record (StatementRecord, ArticleRecord or
 * EntityRecord), by rebinding it to the variable each shared projection is written for.
 */
const nodeProjection = (v: string): string => `CASE
    WHEN ${v}:Statement THEN [s IN [${v}] | ${STATEMENT_PROJECTION}][0]
    WHEN ${v}:Article THEN [a IN [${v}] | ${ARTICLE_PROJECTION}][0]
    ELSE [e IN [${v}] | ${ENTITY_PROJECTION}][0] END`;

/**
 * The full-text index `search` (schema/constraints.cypher) with an escaped query. Ties in
 * score are broken by id so the same text always gives the same list.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('search', $query) YIELD node AS n, score
WITH n, score ORDER BY score DESC, n.id LIMIT toInteger($limit)
RETURN score, ${nodeProjection('n')} AS node`;

/**
 * The relationships a path may follow, in either direction. MENTIONS, APPEARS_IN,
 * PUBLISHED_BY and NAMES are left out on purpose: every entity of an article is one
 * Article (or NameKey) away from every other, so through them everything would be two hops
 * apart and the paths would say nothing.
 */
export const PATH_RELATIONS = [
  'SAID',
  'ABOUT',
  'REPORTED_BY',
  'QUOTED_IN',
  'HOLDS_ROLE',
  'BASED_IN',
  'PART_OF',
  'IMPOSED_BY',
  'TARGETS',
  'PARTICIPATED_IN',
  'TOOK_PLACE_IN',
  'PRECEDED',
  'LED_TO',
] as const;

const RELATIONS = PATH_RELATIONS.join('|');

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * One hop of a path: any path relationship, in either direction, onto the end or onto a
 * node with at most `$maxDegree` path relationships. A hub (a country thousands of
 * statements are about, an outlet that reported thousands) connects nearly everything to
 * everything and says nothing about how two entities are connected; it would also make the
 * search enumerate every pair of its neighbours. The ends themselves may be hubs. A retracted
 * statement keeps its links (so it reads as it was) but is no step of a path.
 */
const HOP = `(()-[:${RELATIONS}]-(x) WHERE (x = target OR COUNT { (x)-[:${RELATIONS}]-() } <= $maxDegree) AND NOT x:RetractedStatement)`;

/**
 * Every path of the `groups` shortest lengths (fewer when there are no more within
 * `maxHops`): `found` holds the first `$limit` of them without a node twice, ordered by
 * length, by the ids of their nodes and by their relationship types; `count` how many
 * lengths the search found. SHORTEST never uses a relationship twice but may pass a node
 * twice; such detours are dropped after the search, so they are counted in `groups`.
 */
const shortestGroups = (maxHops: number, groups: number, found: string, count: string): string => `
  MATCH route = SHORTEST ${groups} GROUPS (origin)${HOP}{1,${maxHops}}(target)
  WITH collect(route) AS routes, count(DISTINCT length(route)) AS lengths
  CALL (routes) {
    UNWIND routes AS route
    WITH route WHERE all(i IN range(1, length(route)) WHERE NOT nodes(route)[i] IN nodes(route)[0..i])
    WITH route ORDER BY length(route), [n IN nodes(route) | n.id], [r IN relationships(route) | type(r)] LIMIT toInteger($limit)
    RETURN collect(route) AS simple
  }
  RETURN simple AS ${found}, lengths AS ${count}`;

/**
 * The answer is the first `$limit` paths of at most `maxHops` hops, without a node twice,
 * in that order. Finding every path of a length costs as many paths as it holds, and a long
 * one through well-connected nodes holds tens of thousands, so the search asks for the
 * shortest group first, and for g + 1 groups only while the g groups found hold fewer than
 * `$limit` paths and there were g of them (fewer means there are no more). Each step finds
 * the previous step's paths again, and every path it has not found is longer than those it
 * has, so the answer is the same as that of one search for every length, at the cost of the
 * lengths it needs: usually only the shortest.
 */
function pathsText(maxHops: number): string {
  const more = range(2, maxHops).map(
    (g) => `
CALL (origin, target, found, groups) {
  WITH origin, target WHERE size(found) < $limit AND groups = ${g - 1}${shortestGroups(maxHops, g, 'more', 'moreGroups')}
}
WITH origin, target, CASE WHEN moreGroups > 0 THEN more ELSE found END AS found, moreGroups AS groups`,
  );
  return `
OPTIONAL MATCH (origin:Entity {id: $from})
OPTIONAL MATCH (target:Entity {id: $to})
CALL (origin, target) {${shortestGroups(maxHops, 1, 'found', 'groups')}
}${more.join('')}
RETURN origin IS NOT NULL AS fromFound, target IS NOT NULL AS toFound, [route IN found | {
  length: length(route),
  nodes: [n IN nodes(route) | ${nodeProjection('n')}],
  steps: [i IN range(0, length(route) - 1) | {
    from: nodes(route)[i].id, to: nodes(route)[i + 1].id,
    relation: type(relationships(route)[i]), forward: startNode(relationships(route)[i]) = nodes(route)[i]
  }]
}] AS paths`;
}

/** One text per maxHops: a path of at most maxHops hops has one of maxHops lengths. */
const PATH_TEXTS: ReadonlyMap<number, string> = new Map(range(1, PATHS_LIMITS.maxHops).map((hops) => [hops, pathsText(hops)] as const));

/** `maxDegree` is PATHS_LIMITS.maxDegree in the API; tests pass a smaller one to see hubs avoided on the story. */
export function translatePaths(from: string, to: string, maxHops: number, first: number, maxDegree: number = PATHS_LIMITS.maxDegree): CypherQuery {
  const text = PATH_TEXTS.get(maxHops);
  if (text === undefined) throw new Error(`no paths query for maxHops ${maxHops} and first ${first}: check the bounds before translating`);
  return cypher(text, { from, to, limit: first, maxDegree });
}

/**
 * Dates every item and orders the timeline: dated items oldest first, undated ones last;
 * on the same date events and policies before statements, statements in article order.
 * A statement without a date of its own is dated by the earliest article that reports it.
 */
const timelineTail = (found: string): string => `
WITH ${found} AS found, n,
     CASE WHEN n:Statement AND n.date IS NULL THEN COLLECT {
       MATCH (n)-[:APPEARS_IN]->(a:Article) WHERE a.publishedAt IS NOT NULL
       RETURN a.publishedAt ORDER BY a.publishedAt LIMIT 1
     }[0] END AS published
WITH found, n,
     CASE WHEN published IS NULL THEN {date: n.date, text: n.dateText, precision: n.datePrecision}
          ELSE {date: left(published, 10), text: null, precision: 'PUBLISHED'} END AS dated
ORDER BY dated.date IS NULL, dated.date, CASE WHEN n:Statement THEN 1 ELSE 0 END, n.sortKey, n.id
LIMIT toInteger($limit)
RETURN found, dated.date AS date, dated.text AS dateText, dated.precision AS precision,
       CASE WHEN n IS NULL THEN null ELSE ${nodeProjection('n')} END AS node`;

/** What involves an entity, by the kind of entity it is. */
export const TIMELINE = {
  /** Every event, policy and statement. */
  all: `
CALL () {
  MATCH (n:Event|Policy) RETURN n
  UNION ALL
  MATCH (n:Statement) RETURN n
}${timelineTail('true')}`,
  /** A person, organization or place: what it took part in, imposed, is targeted by, said, or is spoken about in. */
  actor: `
OPTIONAL MATCH (x:Entity {id: $entity})
OPTIONAL CALL (x) {
  MATCH (x)-[:PARTICIPATED_IN]->(n:Event) RETURN n
  UNION
  MATCH (x)<-[:TOOK_PLACE_IN]-(n:Event) RETURN n
  UNION
  MATCH (x)<-[:IMPOSED_BY|TARGETS]-(n:Policy) RETURN n
  UNION
  MATCH (x)-[:SAID]->(n:Statement) RETURN n
  UNION
  MATCH (x)<-[:ABOUT]-(n:Statement) RETURN n
}${timelineTail('x IS NOT NULL')}`,
  /** A policy or event: itself, and the statements about it. */
  subject: `
OPTIONAL MATCH (x:Entity {id: $entity})
OPTIONAL CALL (x) {
  WITH x AS n WHERE n IS NOT NULL RETURN n
  UNION
  MATCH (x)<-[:ABOUT]-(n:Statement) RETURN n
}${timelineTail('x IS NOT NULL')}`,
} as const;
export type TimelineScope = keyof typeof TIMELINE;

/** How each dimension groups the filtered statements `s` into (id, label, n). */
const GROUP_BY: Readonly<Record<AttributionDimension, string>> = {
  [AttributionDimension.SPEAKER]: `MATCH (s)<-[:SAID]-(g:Entity)
WITH g, count(s) AS n
RETURN g.id AS id, coalesce(g.name, g.id) AS label, n`,
  [AttributionDimension.ABOUT]: `MATCH (s)-[:ABOUT]->(g:Entity)
WITH g, count(s) AS n
RETURN g.id AS id, coalesce(g.name, g.id) AS label, n`,
  [AttributionDimension.REPORTED_BY]: `MATCH (s)-[:REPORTED_BY]->(g:Organization)
WITH g, count(s) AS n
RETURN g.id AS id, coalesce(g.name, g.id) AS label, n`,
  [AttributionDimension.ARTICLE]: `MATCH (s)-[:APPEARS_IN]->(g:Article)
WITH g, count(s) AS n
RETURN g.id AS id, coalesce(g.title, g.id) AS label, n`,
  [AttributionDimension.KIND]: `WITH s.kind AS label, count(s) AS n
RETURN null AS id, label, n`,
  [AttributionDimension.STANCE]: `MATCH (s)-[r:ABOUT]->(x:Entity) WHERE ${TOPIC_NAMED}
WITH DISTINCT s, ${STANCE_OF_LINK} AS label
WITH label, count(s) AS n
RETURN null AS id, label, n`,
};

/** Statement counts per group, with the same filter as `statements`, counted in Neo4j. */
export function translateAttribution(groupBy: AttributionDimension, filter: StatementFilterValues): CypherQuery {
  const { match, where } = filterClauses(filter);
  const text = `
MATCH ${match}
${where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : ''}
WITH DISTINCT s
${GROUP_BY[groupBy]}
ORDER BY n DESC, label, id`;
  return cypher(text, filterParams(filter));
}

/**
 * The first day of the interval that holds `day` (a YYYY-MM-DD expression): ISO weeks start
 * on Monday (UTC days). Series read a statement's `day` (its dayKey's first ten characters,
 * stored short enough to sit in the node's property record) rather than cut the dayKey, a
 * string long enough to be stored apart.
 */
const INTERVAL_START: Readonly<Record<Interval, (day: string) => string>> = {
  DAY: (day) => day,
  WEEK: (day) => `toString(date.truncate('week', date(${day})))`,
  MONTH: (day) => `left(${day}, 7) + '-01'`,
};

/** How a group `g` is read: its key, and its label. */
interface GroupKey {
  readonly key: string;
  readonly label: string;
}

/** A dimension in which a statement has at most one group: `group` binds it to `g` for statement `s` (null when it has none). */
interface OneGroup extends GroupKey {
  readonly group: string;
}

/**
 * How each dimension groups statement `s`. A statement has one speaker (ingest gives every
 * statement exactly one, and `npm run check` verifies it) and one kind: those are OneGroup.
 * In the others, a subquery returns its groups as `key` (the entity id, or the label where
 * there is no entity) and `label`; none for a statement without one (no outlet reported it).
 * A stance is that of the statement's links to the topics the filter names, or to any topic
 * when it names none.
 */
const SERIES_GROUPS: Readonly<Record<AttributionDimension, OneGroup | string>> = {
  [AttributionDimension.SPEAKER]: { group: 'OPTIONAL MATCH (s)<-[:SAID]-(g:Entity)', key: 'g.id', label: 'coalesce(g.name, g.id)' },
  [AttributionDimension.ABOUT]: 'MATCH (s)-[:ABOUT]->(g:Entity) RETURN g.id AS key, coalesce(g.name, g.id) AS label',
  [AttributionDimension.REPORTED_BY]: 'MATCH (s)-[:REPORTED_BY]->(g:Organization) RETURN g.id AS key, coalesce(g.name, g.id) AS label',
  [AttributionDimension.ARTICLE]: 'MATCH (s)-[:APPEARS_IN]->(g:Article) RETURN g.id AS key, coalesce(g.title, g.id) AS label',
  [AttributionDimension.KIND]: { group: 'WITH s, s.kind AS g', key: 'g', label: 'g' },
  [AttributionDimension.STANCE]: `MATCH (s)-[r:ABOUT]->(x:Entity) WHERE ${TOPIC_NAMED}
    RETURN DISTINCT ${STANCE_OF_LINK} AS key, ${STANCE_OF_LINK} AS label`,
};

/**
 * Per interval, how many statements the filter selects (`totals`), and how many of them fall
 * in each of the `$top` largest groups or else in the rest (`cells`, key null: the sum of the
 * folded groups' counts, so a statement in two of them counts twice, as in attribution);
 * `kept` lists those groups, largest first. Undated statements have no interval and are left
 * out. One row; the intervals with nothing are filled in by the caller (series.ts).
 */
export function translateSeries(groupBy: AttributionDimension, interval: Interval, filter: StatementFilterValues, top: number): CypherQuery {
  const byLinks = seriesByLinks(groupBy, interval, filter);
  return byLinks === null ? translateSeriesByStatements(groupBy, interval, filter, top) : cypher(byLinks, { ...filterParams(filter), top });
}

/** translateSeries as it reads the statements themselves, whatever the filter: what a series over links must answer too. */
export function translateSeriesByStatements(groupBy: AttributionDimension, interval: Interval, filter: StatementFilterValues, top: number): CypherQuery {
  const { match, where } = filterClauses(filter);
  const selected = `
MATCH ${match}
WHERE ${[...where, 's.day IS NOT NULL'].join('\n  AND ')}
WITH DISTINCT s`;
  const grouping = SERIES_GROUPS[groupBy];
  const text = selected + (typeof grouping === 'string' ? severalGroups(grouping, interval) : oneGroup(grouping, interval));
  return cypher(text, { ...filterParams(filter), top });
}

/**
 * Where a statement has at most one group, each statement is counted once, by its group and
 * day, as the statements are read: the rest of the query handles those counts (a few per
 * group), never a list of the statements. The interval is worked out from those counts, not
 * per statement, because a date function per statement costs more than the grouping
 * (docs/bench-findings.md, "a series counts by day before it counts by week"). An interval's
 * total is the sum of its counts, those without a group included.
 */
const oneGroup = (grouping: OneGroup, interval: Interval): string => `
${grouping.group}
WITH g, s.day AS day, count(s) AS n${foldedCounts(grouping, interval)}`;

/**
 * The dimensions a series over one topic can read from the topic's ABOUT links alone
 * (series-links.cypher.ts): a link `r` carries its statement's speaker id and stance on the
 * topic. `g` is the group's key; a speaker's name is looked up only for the groups that can be kept (foldedCounts).
 */
const LINK_GROUPS: Partial<Readonly<Record<AttributionDimension, GroupKey & { readonly of: string }>>> = {
  [AttributionDimension.SPEAKER]: { of: 'r.speaker', key: 'g', label: 'COLLECT { MATCH (e:Entity {id: g}) RETURN coalesce(e.name, e.id) }[0]' },
  [AttributionDimension.STANCE]: { of: STANCE_OF_LINK, key: 'g', label: 'g' },
};

/** The filter fields a series over one topic's links can answer: the topic, the window, the stance on it. */
const LINK_FILTER_FIELDS: ReadonlySet<string> = new Set(['about', 'since', 'until', 'stance']);

/**
 * The series as the ABOUT links of the filter's topic answer it, when they can: grouped by
 * speaker or stance, filtered by nothing but the topic (`about`), the window and the stance.
 * A statement has one ABOUT link to a topic, and its link carries no day once it is
 * retracted, so the links count what the statements would (translateSeriesByStatements);
 * null when the question needs the statements.
 */
function seriesByLinks(groupBy: AttributionDimension, interval: Interval, filter: StatementFilterValues): string | null {
  const grouping = LINK_GROUPS[groupBy];
  const given = Object.entries(filter).filter(([, value]) => value !== undefined && value !== null).map(([field]) => field);
  if (grouping === undefined || (filter.about ?? null) === null || !given.every((field) => LINK_FILTER_FIELDS.has(field))) return null;
  const where = [
    'r.day IS NOT NULL',
    (filter.since ?? null) !== null || (filter.until ?? null) !== null ? 'r.day >= $windowFrom' : null,
    (filter.until ?? null) !== null ? 'r.day < $windowTo' : null,
    (filter.stance ?? null) !== null ? `${STANCE_OF_LINK} = $stance` : null,
  ].filter((w): w is string => w !== null);
  return `
MATCH (:Entity {id: $about})<-[r:ABOUT]-()
WHERE ${where.join(' AND ')}
WITH ${grouping.of} AS g, r.day AS day, count(r) AS n${foldedCounts(grouping, interval)}`;
}

/**
 * From counts `n` per group `g` and `day`, the counts per group and interval start as
 * `counted`. The interval is worked out once per distinct day (a few hundred), not per
 * (group, day) count (thousands): the date function per row cost more than regrouping the
 * counts by day (docs/bench-findings.md, "a series works out each day's week once"). A
 * day is its own interval.
 */
function countedByInterval(interval: Interval): string {
  if (interval === Interval.DAY) return `
WITH collect({g: g, start: day, n: n}) AS counted`;
  return `
WITH day, collect({g: g, n: n}) AS groups
WITH ${INTERVAL_START[interval]('day')} AS start, groups
UNWIND groups AS c
WITH c.g AS g, start, sum(c.n) AS n
WITH collect({g: g, start: start, n: n}) AS counted`;
}

/**
 * From counts `n` per group `g` and `day`: the kept groups, the totals and the cells of
 * translateSeries. The kept groups are ordered by count, then label: only the groups whose
 * count reaches the `$top`-th largest can be kept, so only theirs are labelled (a speaker's
 * name is a lookup, and a topic has a thousand speakers).
 */
const foldedCounts = ({ key, label }: GroupKey, interval: Interval): string => `${countedByInterval(interval)}
CALL (counted) {
  UNWIND counted AS c
  WITH c.g AS g, sum(c.n) AS n WHERE g IS NOT NULL
  WITH g, n ORDER BY n DESC
  WITH collect({g: g, n: n}) AS ranked
  UNWIND [x IN ranked WHERE x.n >= coalesce(ranked[toInteger($top) - 1].n, 0)] AS x
  WITH x.g AS g, x.n AS n
  WITH g, n, ${label} AS label ORDER BY n DESC, label, ${key} LIMIT toInteger($top)
  RETURN collect({key: ${key}, label: label, n: n}) AS kept, collect(g) AS keptGroups
}
CALL (counted) {
  UNWIND counted AS c
  WITH c.start AS start, sum(c.n) AS n
  RETURN collect({start: start, n: n}) AS totals
}
CALL (counted, keptGroups) {
  UNWIND counted AS c
  WITH c WHERE c.g IS NOT NULL
  WITH c.start AS start, CASE WHEN c.g IN keptGroups THEN c.g END AS g, sum(c.n) AS n
  RETURN collect({start: start, key: ${key}, n: n}) AS cells
}
RETURN kept, totals, cells`;

/**
 * Where a statement may have several groups (topics, outlets, articles, stances), the
 * statements are counted per interval once, then per interval and group, so the rest of the
 * query handles cells, not statements.
 */
const severalGroups = (groups: string, interval: Interval): string => `
WITH ${INTERVAL_START[interval]('s.day')} AS start, s
WITH start, collect(s) AS inInterval
UNWIND inInterval AS s
OPTIONAL CALL (s) { ${groups} }
WITH start, size(inInterval) AS total, key, label, count(s) AS n
WITH collect({start: start, total: total, key: key, label: label, n: n}) AS all
CALL (all) {
  UNWIND all AS c
  WITH c WHERE c.key IS NOT NULL
  WITH c.key AS key, c.label AS label, sum(c.n) AS n
  ORDER BY n DESC, label, key LIMIT toInteger($top)
  RETURN collect({key: key, label: label, n: n}) AS kept
}
CALL (all, kept) {
  UNWIND all AS c
  WITH c WHERE c.key IS NOT NULL
  WITH c.start AS start, CASE WHEN c.key IN [k IN kept | k.key] THEN c.key END AS key, sum(c.n) AS n
  RETURN collect({start: start, key: key, n: n}) AS cells
}
RETURN kept, [c IN all | {start: c.start, n: c.total}] AS totals, cells`;
