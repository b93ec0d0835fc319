/**
 * Every repository query with representative parameters, and what Neo4j's planner makes of
 * it (`EXPLAIN`: planned, never run, so write queries are safe to check too), for
 * test/integration/query-plans.test.ts, which checks them on the story database.
 *
 * The queries are the Cypher constants themselves, imported; the translators are called
 * with every filter field. Parameters come from one table by name, with overrides where
 * the same name means another shape in another query; a query with a parameter the table
 * does not know fails the check, so a new query cannot go unchecked.
 */
import 'reflect-metadata';
import neo4j, { type Driver } from 'neo4j-driver';
import * as Article from '../../src/graph/article/article.cypher';
import * as Entity from '../../src/graph/entity/entity.cypher';
import * as Analytics from '../../src/graph/analytics/analytics.cypher';
import * as SeriesLinks from '../../src/graph/analytics/series-links.cypher';
import { AttributionDimension, Interval } from '../../src/graph/analytics/analytics.type';
import * as Live from '../../src/graph/live/live.cypher';
import * as Network from '../../src/graph/network/network.cypher';
import { NetworkDimension } from '../../src/graph/network/network.type';
import * as Statement from '../../src/graph/statement/statement.cypher';
import * as Edit from '../../src/graph/editorial/edit.cypher';
import * as Editorial from '../../src/graph/editorial/editorial.cypher';
import * as Merge from '../../src/graph/editorial/merge.cypher';
import * as Retired from '../../src/graph/editorial/retired.cypher';
import * as Duplicates from '../../src/graph/editorial/duplicates.cypher';
import * as Extract from '../../src/extract/extract.cypher';
import * as Check from '../../src/check/check.cypher';
import * as Export from '../../src/ingest/export.cypher';
import * as Ingest from '../../src/ingest/ingest.cypher';
import { ENTITY_TYPES, NODE_TYPES } from '../../src/vocabulary';

/** The modules checked, by the file they come from (relative to src/). */
export const CYPHER_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'graph/article/article.cypher.ts': Article,
  'graph/entity/entity.cypher.ts': Entity,
  'graph/analytics/analytics.cypher.ts': Analytics,
  'graph/analytics/series-links.cypher.ts': SeriesLinks,
  'graph/network/network.cypher.ts': Network,
  'graph/live/live.cypher.ts': Live,
  'graph/statement/statement.cypher.ts': Statement,
  'graph/editorial/edit.cypher.ts': Edit,
  'graph/editorial/editorial.cypher.ts': Editorial,
  'graph/editorial/merge.cypher.ts': Merge,
  'graph/editorial/retired.cypher.ts': Retired,
  'graph/editorial/duplicates.cypher.ts': Duplicates,
  'check/check.cypher.ts': Check,
  'ingest/export.cypher.ts': Export,
  'ingest/ingest.cypher.ts': Ingest,
  'extract/extract.cypher.ts': Extract,
};

export interface CheckedQuery {
  /** `<module>.<CONSTANT>[.<key>]`, or `<module>.<translator>(<arguments>)`. */
  readonly name: string;
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Ids of the story (seed/story.json), present in every database the check runs on. */
export const STORY = {
  person: 'person:mike-waltz',
  organization: 'org:financial-times',
  place: 'place:ukraine',
  policy: 'policy:us-intelligence-sharing-pause',
  article: 'article:us-cuts-off-intelligence-sharing-with-ukraine-report',
  statement: 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2470-2531',
} as const;

const DATE = { text: 'Monday', date: '2025-03-03', precision: 'DAY' };

/**
 * One row with every field the writer's batched rows carry (entities, roles, links,
 * statements, and the per-article rows of publishers, removals and mentions).
 */
const ROW = {
  id: STORY.person,
  article: STORY.article,
  publisher: STORY.organization,
  kept: [STORY.statement],
  ids: [STORY.person, STORY.policy],
  name: 'Mike Waltz',
  aliases: ['Waltz'],
  description: 'US National Security Adviser',
  keys: ['mike waltz'],
  kind: 'DIRECT',
  status: 'ACTIVE',
  date: DATE,
  merged: false,
  hash: 'h',
  person: STORY.person,
  title: 'National Security Adviser',
  organization: STORY.organization,
  place: STORY.place,
  former: false,
  since: DATE,
  until: DATE,
  ordinal: 0,
  from: STORY.person,
  to: STORY.place,
  speaker: STORY.person,
  text: 'We have, we have taken a step back,',
  venue: 'told reporters',
  about: [STORY.policy],
  reportedBy: [STORY.organization],
  quotedIn: null,
  quoteKey: `${STORY.person}|we have taken a step back`,
  start: 259,
  end: 294,
  sentence: 'We have, we have taken a step back, Waltz said.',
  sentenceStart: 259,
  sortKey: `2025-03-05|${STORY.article}|000001`,
  shared: false,
  statement: STORY.statement,
  entity: STORY.policy,
};

/** Parameters by name. Cursor values are set (not null) so the plans are those of later pages. */
const PARAMS: Readonly<Record<string, unknown>> = {
  id: STORY.person,
  ids: [STORY.person, STORY.policy, STORY.statement, STORY.article],
  entity: STORY.person,
  speaker: STORY.person,
  about: STORY.policy,
  reportedBy: STORY.organization,
  article: STORY.article,
  publisher: STORY.organization,
  kind: 'DIRECT',
  from: STORY.person,
  to: STORY.place,
  maxDegree: 1000,
  query: 'pause',
  limit: 21,
  after: 'person:a',
  afterKey: `2025-03-05|${STORY.article}|000001`,
  afterId: STORY.statement,
  afterCount: 3,
  afterPublished: '2025-03-05',
  rows: [ROW],
  kept: [STORY.statement],
  examples: 5,
  buckets: [1, 2],
  /** The writer's values, in the one map its queries take them in (src/db/cypher.ts batchQuery). */
  batch: { rows: [ROW], buckets: [1, 2] },
};

/** The editing mutations' parameters (src/graph/editorial), where the table's names mean other shapes. */
const EDITORIAL = {
  id: STORY.statement,
  at: '2025-03-06T12:00:00.000Z',
  who: 'desk-1',
  action: 'correctStatement',
  arguments: '{}',
  changes: '[]',
  reason: 'misattributed',
  statements: [STORY.statement],
  articles: [STORY.article],
  entities: [STORY.person],
  afterAt: null,
  quotedIn: STORY.statement,
  quoteKey: `${STORY.person}|we have taken a step back`,
  about: [STORY.policy],
  reportedBy: [STORY.organization],
  venue: 'told reporters',
  into: 'person:john-ratcliffe',
  types: ['SAID', 'ABOUT'],
  rows: [{ id: 'edit:0', article: STORY.article, arguments: '{}' }],
};
const EDITORIAL_QUERIES = [
  ...['RECORD_EDIT', 'RECORD_INGEST_EDITS'].map((n) => `edit.${n}`),
  ...['STATEMENT_FOR_CORRECTION', 'QUOTED_IN_TARGET', 'QUOTE_KEY_HOLDER', 'APPLY_CORRECTION', 'RETRACT_ARTICLE', 'RESTORE_ARTICLE'].map((n) => `editorial.${n}`),
  ...['MERGE_PAIR', 'MOVE_ENTITY', 'COLLAPSE_STATEMENTS', 'REKEY_STATEMENTS'].map((n) => `merge.${n}`),
  'retired.RETIRED_IDS',
];

/** Where one query means another shape by the same name. */
const OVERRIDES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  ...Object.fromEntries(EDITORIAL_QUERIES.map((name) => [name, EDITORIAL])),
  'editorial.ARTICLE_STATE': { id: STORY.article },
  ...Object.fromEntries(
    Object.entries({ statements: STORY.statement, articles: STORY.article, entities: STORY.person }).flatMap(([kind, id]) => [
      [`edit.HISTORY_PAGES.${kind}`, { pages: [{ id, afterAt: null, afterId: null }, { id, afterAt: EDITORIAL.at, afterId: 'edit:0' }] }],
      [`edit.HISTORY_COUNTS.${kind}`, { ids: [id] }],
    ]),
  ),
  'merge.MERGE_PAIR': { from: STORY.person, into: 'person:john-ratcliffe', types: [...ENTITY_TYPES] },
  'merge.MOVE_ENTITY': { ...EDITORIAL, from: STORY.person },
  'merge.COLLAPSE_STATEMENTS': { from: STORY.person, into: 'person:john-ratcliffe' },
  'merge.REKEY_STATEMENTS': { from: STORY.person, into: 'person:john-ratcliffe' },
  'series-links.SERIES_LINKS_OF_SPEAKER': { into: 'person:john-ratcliffe' },
  'ingest.MERGE_ARTICLES': {
    batch: { rows: [{ id: STORY.article, title: 'US Cuts Off Intelligence Sharing With Ukraine: Report', text: '…', url: null, publishedAt: '2025-03-05', hash: 'h' }] },
  },
  'ingest.ARTICLE_STATEMENTS': { batch: { articles: [STORY.article] } },
  'ingest.EXISTING_NODES': { batch: { entities: [STORY.person, STORY.policy], articles: [STORY.article], statements: [STORY.statement] } },
  'ingest.NAME_KEY_MATCHES': { batch: { keys: [{ key: 'mike waltz', label: 'Person' }] } },
  'ingest.IDENTIFIER_OWNERS': { batch: { keys: ['WIKIDATA:Q22686'] } },
  'entity.ENTITY_BY_IDENTIFIER': { key: 'WIKIDATA:Q22686' },
  'extract.GAZETTEER': {
    names: ['mike waltz', 'ukraine'],
    phrases: ['intelligence pause'],
    topicQuery: '"intelligence sharing" OR "military aid"',
    topicLimit: 50,
    roleKeys: [{ title: 'cia director', key: 'cia' }],
  },
  'ingest.QUOTE_KEY_MATCHES': { batch: { keys: [`${STORY.person}|we have taken a step back`] } },
  'live.STAMP_STATEMENTS': { batch: { ids: [STORY.statement], live: [STORY.statement], created: [STORY.statement] } },
  'live.STAMP_ARTICLE_STATEMENTS': { article: STORY.article, batch: { created: [] } },
  'retired.RETIRED_IDS': { batch: { articles: EDITORIAL.articles, entities: EDITORIAL.entities } },
  'edit.RECORD_INGEST_EDITS': { batch: { rows: EDITORIAL.rows, at: EDITORIAL.at, who: EDITORIAL.who } },
  'statement.UNKNOWN_LIST_IDS': { lists: [{ field: 'reportedByAny', organization: true, ids: [STORY.organization, 'org:nobody'] }] },
};

/** A query's first clause, after any `CYPHER` options (the writer's queries start with `CYPHER replan=skip`). */
const CLAUSE = /^\s*(CYPHER(\s+\w+=\w+)+\s+)?(MATCH|OPTIONAL|UNWIND|MERGE|CREATE|CALL|WITH|RETURN)\b/;
const isQuery = (value: unknown): value is string => typeof value === 'string' && CLAUSE.test(value);
const moduleName = (file: string): string => (file.split('/').pop() as string).replace('.cypher.ts', '');

export function parameterNames(cypher: string): string[] {
  return [...new Set([...cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))];
}

/** The parameters a query names, from the table; throws for a name the table does not know. */
function paramsFor(name: string, cypher: string): Record<string, unknown> {
  const overrides = OVERRIDES[name] ?? {};
  return Object.fromEntries(
    parameterNames(cypher).map((param) => {
      if (param in overrides) return [param, overrides[param]];
      if (param in PARAMS) return [param, PARAMS[param]];
      throw new Error(`${name} uses $${param}, which test/helpers/query-plans.ts has no representative value for; add one to PARAMS or OVERRIDES`);
    }),
  );
}

/** The filters the statement translators are checked with: none, each field alone, and all anchors together. */
const FILTERS: readonly [string, Statement.StatementFilterValues][] = [
  ['{}', {}],
  ['{speaker}', { speaker: STORY.person }],
  ['{about}', { about: STORY.policy }],
  ['{reportedBy}', { reportedBy: STORY.organization }],
  ['{article}', { article: STORY.article }],
  ['{kind}', { kind: 'DIRECT' }],
  ['{speaker,about,reportedBy,article,kind}', { speaker: STORY.person, about: STORY.policy, reportedBy: STORY.organization, article: STORY.article, kind: 'DIRECT' }],
  ['{since,until}', { since: '2025-03-01', until: '2025-03-31' }],
  ['{about,since}', { about: STORY.policy, since: '2025-03-01' }],
  ['{about,stance}', { about: STORY.policy, stance: 'OPPOSES' }],
  [
    '{speakers,aboutAny,reportedByAny,kinds,until}',
    { speakers: [STORY.person], aboutAny: [STORY.policy], reportedByAny: [STORY.organization], kinds: ['DIRECT', 'PARTIAL'], until: '2025-03-31' },
  ],
];

/**
 * The filters attribution and series are checked with in every dimension. Their texts are the
 * filter's MATCH up to `WITH DISTINCT s`, then the dimension's grouping of those statements (or,
 * for a speaker or stance series over one topic, that topic's ABOUT links). A WITH ends a query
 * part and Neo4j plans each part on the plan of the one before, so every filter's part is checked
 * in one dimension (SPEAKER: from the statements, or from the links where a topic alone is
 * asked), and every dimension's part in the filters that change what it starts from: every
 * statement, one topic (links), and the fewest (all anchors; the lists). Planning the whole
 * matrix of filters and dimensions was a large part of this check's cost and found nothing more.
 */
const EVERY_DIMENSION: ReadonlySet<string> = new Set(['{}', '{about}', '{speaker,about,reportedBy,article,kind}', '{speakers,aboutAny,reportedByAny,kinds,until}']);
const dimensionsFor = (label: string): AttributionDimension[] => (EVERY_DIMENSION.has(label) ? Object.values(AttributionDimension) : [AttributionDimension.SPEAKER]);

const NETWORK_BOUNDS = { minWeight: 1, first: 100, maxStatements: 50_000, sample: 1_000, evidence: 3 } as const;

/** Exported functions that build queries, and how they are called. A new translator must be added here. */
function translated(): CheckedQuery[] {
  const queries: CheckedQuery[] = [];
  for (const [label, filter] of FILTERS) {
    for (const [position, after] of [
      ['first page', null],
      ['after a cursor', [`2025-03-05|${STORY.article}|000001`, STORY.statement] as const],
    ] as const) {
      const q = Statement.translateStatementPage(filter, 21, after);
      queries.push({ name: `statement.translateStatementPage(${label}, ${position})`, cypher: q.cypher, params: q.params });
    }
    const count = Statement.translateStatementCount(filter);
    queries.push({ name: `statement.translateStatementCount(${label})`, cypher: count.cypher, params: count.params });
    for (const dimension of dimensionsFor(label)) {
      const q = Analytics.translateAttribution(dimension, filter);
      queries.push({ name: `analytics.translateAttribution(${dimension}, ${label})`, cypher: q.cypher, params: q.params });
      const series = Analytics.translateSeries(dimension, Interval.WEEK, filter, 10);
      queries.push({ name: `analytics.translateSeries(${dimension}, ${label})`, cypher: series.cypher, params: series.params });
      const byStatements = Analytics.translateSeriesByStatements(dimension, Interval.WEEK, filter, 10);
      if (byStatements.cypher !== series.cypher) {
        queries.push({ name: `analytics.translateSeriesByStatements(${dimension}, ${label})`, cypher: byStatements.cypher, params: byStatements.params });
      }
    }
    const changes = Live.translateChanges(filter, 10, 20, 200);
    queries.push({ name: `live.translateChanges(${label})`, cypher: changes.cypher, params: changes.params });
    const network = Network.translateNetwork(Object.values(NetworkDimension), filter, NETWORK_BOUNDS);
    queries.push({ name: `network.translateNetwork(all, ${label})`, cypher: network.cypher, params: network.params });
  }
  for (const order of ['NEWEST_FIRST', 'OLDEST_FIRST'] as const) {
    for (const [label, filter] of [
      ['{}', {}],
      ['{since,until}', { since: '2025-03-01', until: '2025-03-31' }],
      ['{about,since}', { about: STORY.policy, since: '2025-03-01' }],
    ] as const) {
      const q = Statement.translateStatementPage(filter, 21, [`2025-03-05|2025-03-05|${STORY.article}|000001`, STORY.statement], Statement.NO_INCLUDES, Statement.PAGE_ORDERS[order]);
      queries.push({ name: `statement.translateStatementPage(${label}, ${order})`, cypher: q.cypher, params: q.params });
    }
  }
  // Statement queries alone, and bringing details, the speaker's roles and evidence articles along.
  const page = Statement.translateStatementPage({ about: STORY.policy }, 21, null, Statement.ALL_INCLUDES);
  queries.push({ name: 'statement.translateStatementPage({about}, first page, ALL_INCLUDES)', cypher: page.cypher, params: page.params });
  // A listing that shows each statement's speaker reads it after the page is cut: the page must still come off its index in order.
  const speakerOnly: Statement.StatementIncludes = { ...Statement.NO_INCLUDES, speaker: true, statementFields: false, entityFields: false };
  for (const [label, filter, order] of [
    ['{}', {}, 'ARTICLE_ORDER'],
    ['{since,until}', { since: '2025-03-01', until: '2025-03-31' }, 'NEWEST_FIRST'],
  ] as const) {
    const q = Statement.translateStatementPage(filter, 21, null, speakerOnly, Statement.PAGE_ORDERS[order]);
    queries.push({ name: `statement.translateStatementPage(${label}, ${order}, speaker)`, cypher: q.cypher, params: q.params });
  }
  for (const [label, includes] of [
    ['NO_INCLUDES', Statement.NO_INCLUDES],
    ['ALL_INCLUDES', Statement.ALL_INCLUDES],
  ] as const) {
    for (const statementLabel of ['Statement', 'RetractedStatement'] as const) {
      const byId = Statement.statementsByIdText(includes, statementLabel);
      queries.push({ name: `statement.statementsByIdText(${label}, ${statementLabel})`, cypher: byId, params: paramsFor('statementsByIdText', byId) });
    }
    for (const anchor of Object.keys(Statement.ANCHORS) as Statement.Anchor[]) {
      const q = Statement.translateAnchoredPages(anchor, includes, [{ id: STORY.person, afterKey: `2025-03-05|${STORY.article}|000001` }], 21);
      queries.push({ name: `statement.translateAnchoredPages(${anchor}, ${label})`, cypher: q.cypher, params: q.params });
    }
  }
  const firstEvidence = Statement.statementsByIdText({ ...Statement.ALL_INCLUDES, firstEvidenceOnly: true });
  queries.push({ name: 'statement.statementsByIdText(ALL_INCLUDES, first evidence only)', cypher: firstEvidence, params: paramsFor('statementsByIdText', firstEvidence) });
  // A lookup's span and article without the sentence, under either label: what a statement by id with its first evidence sends.
  for (const statementLabel of ['Statement', 'RetractedStatement'] as const) {
    const spanOnly = Statement.statementsByIdText({ ...Statement.ALL_INCLUDES, firstEvidenceOnly: true, sentences: false }, statementLabel);
    queries.push({ name: `statement.statementsByIdText(first evidence without its sentence, ${statementLabel})`, cypher: spanOnly, params: paramsFor('statementsByIdText', spanOnly) });
  }
  for (const [hops, first] of [
    [1, 1],
    [4, 3],
    [6, 10],
  ] as const) {
    const q = Analytics.translatePaths(STORY.person, STORY.place, hops, first);
    queries.push({ name: `analytics.translatePaths(maxHops ${hops}, first ${first})`, cypher: q.cypher, params: q.params });
  }
  return queries;
}

/** The translators `translated()` calls; an exported function not listed here fails the check. */
export const TRANSLATORS = ['translateStatementPage', 'translateStatementCount', 'translateAttribution', 'translateSeries', 'translateSeriesByStatements', 'translateNetwork', 'translatePaths', 'statementsByIdText', 'translateAnchoredPages', 'translateChanges'] as const;
/** Exported functions that build fragments, or say what an includes asks for (includesAny, includesKey), not whole queries. */
export const FRAGMENT_BUILDERS = [
  'filterClauses', 'filterPredicates', 'filterParams', 'entityProjection', 'rolesOf', 'statementProjection', 'includesAny', 'includesKey',
  'eitherLabel', 'statementById', 'articleById', 'retractionOf', 'entityOrMergedInto',
  'speakerIdOf', 'liveDayOf', 'aboutDaysOf', 'seriesLinksOf',
] as const;

/** Every query the repositories and the writer run: the constants (and records of them), then the translators. */
export function repositoryQueries(): CheckedQuery[] {
  const queries: CheckedQuery[] = [];
  for (const [file, module] of Object.entries(CYPHER_MODULES)) {
    const prefix = moduleName(file);
    for (const [exportName, value] of Object.entries(module)) {
      if (typeof value === 'function') {
        if (![...TRANSLATORS, ...FRAGMENT_BUILDERS].includes(exportName as never)) {
          throw new Error(`${file} exports ${exportName}(), which test/helpers/query-plans.ts does not call; add it to TRANSLATORS with its cases`);
        }
        continue;
      }
      if (isQuery(value)) {
        const name = `${prefix}.${exportName}`;
        queries.push({ name, cypher: value, params: paramsFor(name, value) });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
          if (!isQuery(inner)) continue;
          const name = `${prefix}.${exportName}.${key}`;
          queries.push({ name, cypher: inner, params: paramsFor(name, inner) });
        }
      }
    }
  }
  return [...queries, ...translated()];
}

// ---------------------------------------------------------------------------------------------
// Plans

/** Operators that read every node of a label (or every node, or every relationship of a type). */
export const SCAN = /^(AllNodesScan|PartitionedAllNodesScan|NodeByLabelScan|PartitionedNodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan|(Directed|Undirected)(AllRelationships|RelationshipType)Scan)/;
/** Operators that find nodes through an index. */
export const SEEK = /^(NodeUniqueIndexSeek|NodeIndexSeek|MultiNodeIndexSeek|AssertingMultiNodeIndexSeek|NodeIndexContainsScan|NodeIndexEndsWithScan|(Directed|Undirected)RelationshipIndexSeek)/;

/**
 * Queries that read a whole label on purpose, with the reason. Each is a ranking or a total
 * over everything, not a lookup by id or filter; the bench measures what they cost at scale.
 */
export const FULL_SCANS_BY_DESIGN: Readonly<Record<string, string>> = {
  'entity.PEOPLE_BY_STATEMENT_COUNT': 'ranks every person by how many statements they made',
  'ingest.BACKFILL_STATEMENT_DAYS': 'dates the statements of a graph written before statements had a day, once, at start-up',
  'series-links.STALE_SERIES_LINKS': 'the tests compare every ABOUT link with its statement',
  'series-links.SERIES_LINKS_MISSING': 'a start-up looks for an ABOUT link written before they carried the series properties (stops at the first)',
  'analytics.TIMELINE.all': 'the timeline of everything: every event, policy and statement',
  'check.STATEMENTS_WITHOUT_ONE_SPEAKER': 'the integrity check (npm run check) looks at every statement',
  'check.STATEMENTS_WITHOUT_EVIDENCE': 'the integrity check (npm run check) looks at every statement',
  'check.SHARED_QUOTE_KEYS': 'the integrity check (npm run check) looks at every statement',
  'check.NODES_WITHOUT_ID': 'the integrity check (npm run check) looks at every node: a missing id has no index',
  'check.DUPLICATE_IDS': 'the integrity check (npm run check) compares the ids of every node, across labels',
  'check.RETRACTED_WITH_LIVE_EVIDENCE': 'the integrity check (npm run check) looks at every retracted statement',
  'check.MERGED_NOT_RESOLVING': 'the integrity check (npm run check) looks at every merged entity',
  'check.IDENTIFIERS_NOT_NAMING_ONE': 'the integrity check (npm run check) looks at every external identifier',
  'duplicates.ENTITY_NAMES': 'duplicateCandidates compares the names of every entity (bounded by $limit)',
  ...Object.fromEntries(
    Object.values(AttributionDimension).map((d) => [`analytics.translateAttribution(${d}, {})`, 'attribution without a filter counts every statement']),
  ),
  'network.translateNetwork(all, {})': 'the network without a filter folds every statement (refused past NETWORK.maxStatements)',
  ...Object.fromEntries(
    Object.values(AttributionDimension).map((d) => [`analytics.translateSeries(${d}, {})`, 'a series without a filter counts every dated statement']),
  ),
};

/**
 * Keyset pages over an indexed order, with the expression they are ordered by: the index
 * must deliver the rows in that order, so a page costs its own size (Limit, PartialTop),
 * not a Sort or Top of everything after the cursor.
 */
export const INDEX_ORDERED_PAGES: Readonly<Record<string, string>> = {
  'statement.translateStatementPage({}, first page)': 's.sortKey',
  'statement.translateStatementPage({}, after a cursor)': 's.sortKey',
  'statement.translateStatementPage({}, NEWEST_FIRST)': 's.dayKey',
  'statement.translateStatementPage({}, OLDEST_FIRST)': 's.dayKey',
  'statement.translateStatementPage({since,until}, NEWEST_FIRST)': 's.dayKey',
  'statement.translateStatementPage({since,until}, OLDEST_FIRST)': 's.dayKey',
  'statement.translateStatementPage({}, ARTICLE_ORDER, speaker)': 's.sortKey',
  'statement.translateStatementPage({since,until}, NEWEST_FIRST, speaker)': 's.dayKey',
  ...Object.fromEntries(ENTITY_TYPES.map((label) => [`entity.LIST_BY_LABEL.${label}`, 'e.id'])),
  'article.ARTICLE_PAGE': 'a.publishedKey',
  'export.ENTITY_PAGE': 'e.id',
  'series-links.SERIES_LINKS_PAGES.Statement': 's.id',
  'series-links.SERIES_LINKS_PAGES.RetractedStatement': 's.id',
  'export.EXPORTED_ARTICLES_PAGE': 'a.id',
  'check.ARTICLE_QUOTES_PAGE': 'a.id',
  ...Object.fromEntries(NODE_TYPES.map((label) => [`check.NODE_PAGES.${label}`, 'n.id'])),
};


export interface PlanCheck {
  readonly name: string;
  readonly operators: readonly string[];
  readonly scans: readonly string[];
  readonly seeks: readonly string[];
  /** The query looks nodes up by id (`{id: ...}`), so an index seek is expected. */
  readonly idLookup: boolean;
  /** Why the plan is unacceptable; null when it is fine. */
  readonly problem: string | null;
}

interface PlanNode {
  readonly operatorType: string;
  readonly identifiers: readonly string[];
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly children: readonly PlanNode[];
}

function operatorsOf(plan: PlanNode): string[] {
  const details = typeof plan.arguments.Details === 'string' ? ` ${plan.arguments.Details}` : '';
  return [`${plan.operatorType.replace(/@.*$/, '')}${details}`, ...plan.children.flatMap(operatorsOf)];
}

/** EXPLAINs one query (in a write transaction, as the writer's queries would run) and judges the plan. */
export async function checkPlan(driver: Driver, query: CheckedQuery, database?: string): Promise<PlanCheck> {
  const result = await driver.executeQuery(`EXPLAIN ${query.cypher}`, query.params, { routing: neo4j.routing.WRITE, database });
  const plan = result.summary.plan;
  if (plan === false) throw new Error(`${query.name}: EXPLAIN returned no plan`);
  const operators = operatorsOf(plan as unknown as PlanNode);
  const scans = operators.filter((op) => SCAN.test(op));
  const seeks = operators.filter((op) => SEEK.test(op));
  const idLookup = /\{\s*id\s*:/.test(query.cypher);
  const orderKey = INDEX_ORDERED_PAGES[query.name];
  const sorts = orderKey === undefined ? [] : operators.filter((op) => /^(Sort|Top)\b/.test(op) && op.includes(orderKey));
  let problem: string | null = null;
  if (scans.length > 0 && FULL_SCANS_BY_DESIGN[query.name] === undefined) {
    problem = `reads a whole label (${scans.join('; ')}) where an index seek is expected`;
  } else if (idLookup && seeks.length === 0) {
    problem = `looks nodes up by id but the plan has no index seek (operators: ${operators.map((op) => op.split(' ')[0]).join(', ')})`;
  } else if (sorts.length > 0) {
    problem = `pages over an indexed order but sorts instead of reading the index in order (${sorts.join('; ')})`;
  }
  return { name: query.name, operators, scans, seeks, idLookup, problem };
}
