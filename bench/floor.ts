/**
 * The floor: one hand-written Cypher query per question, run through the driver in one
 * read transaction, its rows shaped into the same JSON our API answers with and
 * serialised. No GraphQL, no loaders: what the questions cost Neo4j and the wire, plus
 * the JSON a client needs. Our API and the peer are measured against it.
 *
 * The transaction is an auto-commit one in read mode, as our gateway runs reads
 * (src/db/gateway.ts): one exchange with Neo4j. With the driver's `executeQuery` (two
 * exchanges) the floor would pay for a choice of transport, not for the question, and
 * ours/floor would credit our API with the difference (docs/bench-findings.md, finding 16). For
 * the same reason it skips, as the gateway does, the stack trace the driver records for
 * every query (finding 20).
 */
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { withoutCallSite } from '../src/db/gateway';
import { intervalStarts } from '../src/graph/analytics/series';
import { translateNetwork } from '../src/graph/network/network.cypher';
import { ALL_DIMENSIONS } from '../src/graph/network/network.dimension';
import { NETWORK } from '../src/graph/network/network.input';
import { rank, type EdgeRow } from '../src/graph/network/network.ranking';

/** The network query for a filter on `about`, its bounds given per request. */
const NETWORK_TEXT = translateNetwork(ALL_DIMENSIONS, { about: 'about' }, { minWeight: 1, first: 1, maxStatements: 1, sample: 1, evidence: 1 }).cypher;
const NETWORK_BOUNDS = { minWeight: 1, maxStatements: NETWORK.maxStatements, sample: NETWORK.sampleStatements, evidence: NETWORK.evidence };

/** A keyset cursor over (sortKey, id), as our API's statement cursors are. */
const encodeCursor = (sortKey: unknown, id: unknown): string => Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url');
function decodeCursor(cursor: unknown): [string, string] {
  if (typeof cursor !== 'string') return ['', ''];
  const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string') throw new Error(`not a floor cursor: ${cursor}`);
  return [decoded[0], decoded[1]];
}

/** A role with its organization, and its place looked up by the id the role carries. */
const ROLES = (person: string): string => `
CALL (${person}) {
  OPTIONAL MATCH (${person})-[h:HOLDS_ROLE]->(t:Entity)
  OPTIONAL MATCH (pl:Entity {id: h.place})
  WITH h, t, pl ORDER BY h.ordinal, h.title
  RETURN collect(CASE WHEN h IS NULL THEN null ELSE {
    title: h.title, former: coalesce(h.former, false),
    organization: CASE WHEN t:Organization THEN {name: t.name} END,
    place: CASE WHEN pl IS NULL THEN null ELSE {name: pl.name} END
  } END) AS roles
}`;

const PATH_TYPES = 'SAID|ABOUT|REPORTED_BY|QUOTED_IN|HOLDS_ROLE|BASED_IN|PART_OF|IMPOSED_BY|TARGETS|PARTICIPATED_IN|TOOK_PLACE_IN|PRECEDED|LED_TO';

/**
 * The first 3 paths (no node twice, by length, node ids, relationship types) among those of
 * the `groups` shortest lengths of at most 4 hops that pass through no node with more than
 * 1000 path relationships (the ends excepted), and how many lengths were found. The paths
 * query asks for one length, then one more while fewer than 3 paths were found.
 */
const SHORTEST = (groups: number, found: string, count: string): string => `
  MATCH route = SHORTEST ${groups} GROUPS (origin)(()-[:${PATH_TYPES}]-(x) WHERE x = target OR COUNT { (x)-[:${PATH_TYPES}]-() } <= 1000){1,4}(target)
  WITH collect(route) AS routes, count(DISTINCT length(route)) AS lengths
  CALL (routes) {
    UNWIND routes AS route
    WITH route WHERE all(i IN range(1, length(route)) WHERE NOT nodes(route)[i] IN nodes(route)[0..i])
    WITH route ORDER BY length(route), [n IN nodes(route) | n.id], [r IN relationships(route) | type(r)] LIMIT 3
    RETURN collect(route) AS simple
  }
  RETURN simple AS ${found}, lengths AS ${count}`;

/**
 * `s.sortKey >= $afterKey` is the range the sortKey index can seek and walk in order; the
 * second condition then drops the rows at the cursor itself.
 */
const AFTER = 's.sortKey >= $afterKey AND (s.sortKey > $afterKey OR s.id > $afterId)';

export const FLOOR_CYPHER = {
  policyStatements: `
MATCH (:Entity {id: $policy})<-[:ABOUT]-(s:Statement)
WHERE ${AFTER}
WITH s ORDER BY s.sortKey, s.id LIMIT toInteger($limit)
MATCH (s)<-[:SAID]-(speaker:Entity)
${ROLES('speaker')}
RETURN s {.id, .text, .kind, .venue, .sortKey} AS statement,
       speaker {.id, .name, __typename: [l IN labels(speaker) WHERE l <> 'Entity'][0], roles: roles} AS speaker,
       COLLECT { MATCH (s)-[r:REPORTED_BY]->(o:Organization) WITH o, r ORDER BY r.ordinal, o.id RETURN o {.id, .name} } AS reportedBy
ORDER BY s.sortKey, s.id`,

  person: `
MATCH (p:Person {id: $person})
${ROLES('p')}
CALL (p) {
  MATCH (p)-[:SAID]->(s:Statement)
  WITH s ORDER BY s.sortKey, s.id LIMIT toInteger($limit)
  RETURN collect(s {.id, .text, .kind, .sortKey,
    about: COLLECT { MATCH (s)-[r:ABOUT]->(e:Entity) WITH e, r ORDER BY r.ordinal, e.id RETURN e {.id, .name} }
  }) AS statements
}
RETURN p {.id, .name} AS person, roles, statements`,

  attribution: `
MATCH (s:Statement)-[:ABOUT]->(:Entity {id: $policy})
MATCH (s)<-[:SAID]-(g:Entity)
WITH g, count(DISTINCT s) AS n
RETURN g.id AS id, g.name AS label, n AS count
ORDER BY n DESC, label, id`,

  search: `
CALL db.index.fulltext.queryNodes('search', $text) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT 10
RETURN score, node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name, coalesce(node.text, node.title) AS text`,

  paths: `
MATCH (origin:Entity {id: $from}), (target:Entity {id: $to})
CALL (origin, target) {${SHORTEST(1, 'found', 'groups')}
}${[2, 3, 4]
    .map(
      (g) => `
CALL (origin, target, found, groups) {
  WITH origin, target WHERE size(found) < 3 AND groups = ${g - 1}${SHORTEST(g, 'more', 'moreGroups')}
}
WITH origin, target, CASE WHEN moreGroups > 0 THEN more ELSE found END AS found, moreGroups AS groups`,
    )
    .join('')}
UNWIND found AS route
RETURN length(route) AS length, [n IN nodes(route) | n.id] AS nodes,
       [i IN range(0, length(route) - 1) | {from: nodes(route)[i].id, to: nodes(route)[i + 1].id, relation: type(relationships(route)[i])}] AS steps`,

  statement: `
MATCH (s:Statement {id: $id})
MATCH (s)<-[:SAID]-(speaker:Entity)
CALL (s) {
  MATCH (s)-[ev:APPEARS_IN]->(a:Article)
  WITH ev, a ORDER BY a.publishedAt, a.id LIMIT 1
  RETURN {start: ev.start, end: ev.end, article: a {.id, .title}} AS evidence
}
RETURN s {.id, .text, .kind, speaker: speaker {.id, .name}, evidence: evidence} AS statement`,

  // Per speaker, statements about the policy per ISO week; the 10 largest kept, the rest summed
  // per week. Read off the policy's ABOUT links alone, which carry each statement's speaker id
  // and day (null once retracted: src/graph/analytics/series-links.cypher.ts), as a person
  // writing Cypher over this model would: counted by speaker and day as the links are read,
  // each distinct day turned into its week once, and only the speakers that can reach the top
  // 10 looked up by name (docs/bench-findings.md, "a series counts by day before it counts by
  // week", "a series over a topic reads its ABOUT links only" and "a series works out each
  // day's week once").
  weeklySeries: `
MATCH (:Entity {id: $policy})<-[r:ABOUT]-()
WHERE r.day IS NOT NULL
WITH r.speaker AS g, r.day AS day, count(*) AS n
WITH day, collect({g: g, n: n}) AS groups
WITH toString(date.truncate('week', date(day))) AS week, groups
UNWIND groups AS c
WITH c.g AS g, week, sum(c.n) AS n
WITH collect({g: g, week: week, n: n}) AS counted
CALL (counted) {
  UNWIND counted AS c
  WITH c.g AS id, sum(c.n) AS total
  WITH id, total ORDER BY total DESC
  WITH collect({id: id, total: total}) AS ranked
  UNWIND [x IN ranked WHERE x.total >= coalesce(ranked[9].total, 0)] AS x
  MATCH (g:Entity {id: x.id})
  WITH g, x.total AS total ORDER BY total DESC, g.name, g.id LIMIT 10
  RETURN collect({id: g.id, label: g.name, total: total}) AS top, collect(g.id) AS kept
}
CALL (counted, kept) {
  UNWIND counted AS c
  WITH c.week AS week, CASE WHEN c.g IN kept THEN c.g END AS id, sum(c.n) AS n
  RETURN collect({week: week, id: id, n: n}) AS cells
}
RETURN top, cells`,

  windowPage: `
MATCH (s:Statement)
WHERE s.dayKey >= $since AND s.dayKey < $untilKey
WITH s ORDER BY s.dayKey DESC LIMIT toInteger($limit)
MATCH (s)<-[:SAID]-(speaker:Entity)
RETURN s {.id, .text, .kind, .dayKey} AS statement, speaker {.id, .name} AS speaker
ORDER BY s.dayKey DESC`,

  page: `
MATCH (s:Statement)
WHERE ${AFTER}
WITH s ORDER BY s.sortKey, s.id LIMIT toInteger($limit)
MATCH (s)<-[:SAID]-(speaker:Entity)
RETURN s {.id, .text, .kind, .sortKey} AS statement, speaker {.id, .name} AS speaker
ORDER BY s.sortKey, s.id`,
  /** The network of the top policy's statements: the same Cypher our API sends, run bare (it is the floor of the question). */
  network: NETWORK_TEXT,
  /** The whole network the ranking needs; the ranking itself is computed in this process, as ours does. */
  ranking: NETWORK_TEXT,
} as const;

export type FloorOp = keyof typeof FLOOR_CYPHER;
export const isFloorOp = (op: unknown): op is FloorOp => typeof op === 'string' && Object.hasOwn(FLOOR_CYPHER, op);

type Row = Record<string, unknown>;

/** Rows of a keyset page (fetched with one extra row) as a Relay connection. */
function connection(rows: readonly Row[], first: number, node: (row: Row) => Row): Row {
  const page = rows.slice(0, first);
  const edges = page.map((row) => {
    const statement = row.statement as Row;
    return { cursor: encodeCursor(statement.sortKey, statement.id), node: node(row) };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null } };
}

/** The statement as the client sees it: sortKey only served the cursor. */
/** The statement without the key the floor paged on, which our API's answers do not carry. */
const withoutKey = (statement: Row, key: 'sortKey' | 'dayKey'): Row => Object.fromEntries(Object.entries(statement).filter(([k]) => k !== key));

interface Kept {
  readonly id: string;
  readonly label: string;
}

/** A week's count for a kept speaker (`id`), or for all the others (`id` null). */
interface Cell {
  readonly week: string;
  readonly id: string | null;
  readonly n: number;
}

/** The top groups and "other", each with a point for every week from the first to the last, and its share of the week. */
function weeklySeries(top: readonly Kept[], cells: readonly Cell[]): Row[] {
  const perWeek = new Map<string, number>();
  for (const c of cells) perWeek.set(c.week, (perWeek.get(c.week) ?? 0) + c.n);
  const weeks = [...perWeek.keys()].sort();
  if (weeks.length === 0) return [];
  const starts = intervalStarts(weeks[0] as string, weeks[weeks.length - 1] as string, 'WEEK');
  const series = (id: string | null, label: string): Row => {
    const counts = new Map(cells.filter((c) => c.id === id).map((c) => [c.week, c.n]));
    const points = starts.map((start) => {
      const count = counts.get(start) ?? 0;
      const week = perWeek.get(start) ?? 0;
      return { start, count, share: week === 0 ? 0 : count / week };
    });
    return { id, label, total: points.reduce((sum, p) => sum + p.count, 0), points };
  };
  const other = cells.some((c) => c.id === null) ? [series(null, 'other')] : [];
  return [...top.map((g) => series(g.id, g.label)), ...other];
}

/** Runs one floor question and returns the response body, GraphQL-shaped, as our API would. */
export async function answerFloor(driver: Driver, op: FloorOp, params: Row): Promise<Row> {
  const first = Number(params.first ?? 0);
  const [afterKey, afterId] = decodeCursor(params.after);
  const run = async (extra: Row = {}): Promise<Row[]> => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await withoutCallSite(() => session.run(FLOOR_CYPHER[op], { ...params, ...extra }));
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      await session.close();
    }
  };
  switch (op) {
    case 'policyStatements': {
      const rows = await run({ limit: first + 1, afterKey, afterId });
      return { data: { statements: connection(rows, first, (row) => ({ ...withoutKey(row.statement as Row, 'sortKey'), speaker: row.speaker, reportedBy: row.reportedBy })) } };
    }
    case 'person': {
      const [row] = await run({ limit: first + 1 });
      if (row === undefined) return { data: { person: null } };
      const statements = row.statements as Row[];
      const page = connection(statements.map((statement) => ({ statement })), first, (r) => withoutKey(r.statement as Row, 'sortKey'));
      return { data: { person: { ...(row.person as Row), roles: row.roles, statements: page } } };
    }
    case 'attribution':
      return { data: { attribution: await run() } };
    case 'search':
      return { data: { search: await run() } };
    case 'paths':
      return { data: { paths: await run() } };
    case 'statement': {
      const [row] = await run();
      return { data: { statement: row?.statement ?? null } };
    }
    case 'network': {
      const [row] = await run({ ...NETWORK_BOUNDS, first });
      const edges = (row?.edges ?? []) as EdgeRow[];
      return { data: { network: { edgeCount: row?.edgeCount, edges: edges.map((e) => ({ source: e.source.id, target: e.target.id, relation: e.relation, weight: e.weight })) } } };
    }
    case 'ranking': {
      const [row] = await run({ ...NETWORK_BOUNDS, first: NETWORK.maxRankedEdges });
      return { data: { networkRanking: rank((row?.edges ?? []) as EdgeRow[]) } };
    }
    case 'weeklySeries': {
      const [row] = await run();
      return { data: { attributionSeries: row === undefined ? [] : weeklySeries(row.top as Kept[], row.cells as Cell[]) } };
    }
    case 'windowPage': {
      const rows = await run({ limit: first + 1 });
      const page = rows.slice(0, first).map((row) => ({ cursor: encodeCursor((row.statement as Row).dayKey, (row.statement as Row).id), node: { ...withoutKey(row.statement as Row, 'dayKey'), speaker: row.speaker } }));
      return { data: { statements: { edges: page, pageInfo: { hasNextPage: rows.length > first, endCursor: page[page.length - 1]?.cursor ?? null } } } };
    }
    case 'page': {
      const rows = await run({ limit: first + 1, afterKey, afterId });
      return { data: { statements: connection(rows, first, (row) => ({ ...withoutKey(row.statement as Row, 'sortKey'), speaker: row.speaker })) } };
    }
  }
}
