/**
 * Every Cypher text for statements. Filters are assembled from the fixed fragments below
 * by which filter fields are present (translateStatementPage); values are parameters.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { ARTICLE_HEADER_PROJECTION, ARTICLE_PROJECTION, ARTICLE_TITLE_PROJECTION } from '../article/article.cypher';
import { retractionOf, statementById } from '../editorial/retired.cypher';
import { ENTITY_HEADER_PROJECTION, ENTITY_PROJECTION, rolesOf } from '../entity/entity.cypher';
import type { StatementOrder } from './statement.type';

/**
 * The keys a page of statements is ordered and cut by (PAGE_ORDERS): a projection brings the
 * one its cursors need, and none for a lookup by id.
 */
export type OrderKey = 'sortKey' | 'dayKey';

/** A StatementHeader's fields: what every listing shows. */
const HEADER_FIELDS = `
  __typename: 'Statement', id: s.id, text: s.text, kind: s.kind`;

const keyFields = (keys: readonly OrderKey[]): string => keys.map((key) => `, ${key}: s.${key}`).join('');

/** The rest of a StatementRecord; quotedInId costs a relationship lookup per statement. */
const EXTRA_FIELDS = `venue: s.venue,
  date: CASE WHEN s.date IS NULL AND s.dateText IS NULL THEN null
        ELSE {date: s.date, text: s.dateText, precision: s.datePrecision} END,
  quotedInId: [(s)-[:QUOTED_IN]->(o:Statement) | o.id][0],
  retracted: ${retractionOf('s', 'RetractedStatement')}`;

/** A whole statement with both order keys, for queries that hand whole statements on (the live feed, timelines, quotes). */
export const STATEMENT_PROJECTION = `{${HEADER_FIELDS}${keyFields(['sortKey', 'dayKey'])}, ${EXTRA_FIELDS}\n}`;

/** The stance of ABOUT link `r`: a link written before stances, or without one, is UNCLEAR. */
export const STANCE_OF_LINK = "coalesce(r.stance, 'UNCLEAR')";
/**
 * Whether the entity \`x\` an ABOUT link reaches is one the filter's \`about\` or \`aboutAny\`
 * names (any, when it names none): a stance is taken on the topics asked about.
 */
export const TOPIC_NAMED = '($about IS NULL OR x.id = $about) AND ($aboutAny IS NULL OR x.id IN $aboutAny)';


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
  /**
   * Only the first evidence (the oldest article's), chosen in Neo4j: the client selected
   * `evidence` and not `evidences`, and a statement repeated in many articles would
   * otherwise bring every one of them along for the server to keep one.
   */
  readonly firstEvidenceOnly: boolean;
  readonly articles: boolean;
  /**
   * The evidence's sentence and where it starts: the longest part of an evidence row, read by
   * most selections never (a lookup's span and article). Without them, Evidence.sentence and
   * sentenceStart load the statement's whole evidence when asked (statement.resolver.ts).
   */
  readonly sentences: boolean;
  /** And those articles' text: without it, Article.text loads the article when asked. */
  readonly articleText: boolean;
  /**
   * And those articles' url, publishedAt and retracted: without them an article comes with its
   * id and title only (what a lookup's evidence shows), and those fields load the article when asked.
   */
  readonly articleFields: boolean;
  /**
   * Every field of the statements (venue, date, quotedIn, retracted), not only a StatementHeader's.
   * Without them, a deep page of a listing that shows text and speaker costs Neo4j and the
   * server less CPU (measured in docs/bench-findings.md, finding 17).
   */
  readonly statementFields: boolean;
  /** Every field of the entities brought along, not only their id and name (EntityHeader). */
  readonly entityFields: boolean;
}

/** Whole statements and nothing along: what the statement loader promises. */
export const NO_INCLUDES: StatementIncludes = {
  speaker: false, roles: false, about: false, reportedBy: false, evidence: false, firstEvidenceOnly: false, articles: false, sentences: true, articleText: false, articleFields: false, statementFields: true, entityFields: true,
};
export const ALL_INCLUDES: StatementIncludes = {
  speaker: true, roles: true, about: true, reportedBy: true, evidence: true, firstEvidenceOnly: false, articles: true, sentences: true, articleText: true, articleFields: true, statementFields: true, entityFields: true,
};

/** Whether a query with these includes brings anything along. */
export const includesAny = (i: StatementIncludes): boolean => i.speaker || i.about || i.reportedBy || i.evidence;

/**
 * A speaker as an EntityHeader but for its type, which the repository takes from its id's
 * prefix (statement.repository.ts `typedSpeaker`; ingest gives every entity the id of its
 * type), where `labels()` cost Neo4j a check per statement of every page and lookup. A map
 * projection, which PROFILE counts as one read of the node where a literal map counts each
 * property (docs/bench-findings.md, "a prepared query executed by a compiled function").
 */
const SPEAKER_HEADER_PROJECTION = 'e {.id, .name}';

/**
 * Statement `s`'s speaker as `speaker`, and with `roles` a person's roles as `speakerRoles`,
 * both null when it has none. Read after the page is cut, once per statement, by a subquery
 * that keeps one row per statement: in the projection, as a pattern comprehension, the
 * speaker cost Neo4j a COLLECT subquery per row (docs/bench-findings.md, "a statement page's
 * speaker, read by a subquery per row").
 */
function speakerCall(includes: StatementIncludes): string {
  const entity = includes.entityFields ? ENTITY_PROJECTION : SPEAKER_HEADER_PROJECTION;
  const roles = includes.roles ? `, CASE WHEN e:Person THEN ${rolesOf('e')} END AS speakerRoles` : '';
  return `OPTIONAL CALL (s) {
  MATCH (s)<-[:SAID]-(e:Entity)
  RETURN ${entity} AS speaker${roles} LIMIT 1
}
`;
}

/**
 * Who said it (from speakerCall), what it is about, who reported it and where it appears,
 * as far as `includes` asks: small pattern comprehensions, one trip for all. Lists come with
 * their ordinals; the repository sorts them.
 */
const detailsMap = (includes: StatementIncludes, label: StatementLabel | null): string => {
  const entity = includes.entityFields ? ENTITY_PROJECTION : ENTITY_HEADER_PROJECTION;
  const parts = [
    includes.speaker && 'speaker: speaker',
    includes.speaker && includes.roles && 'speakerRoles: speakerRoles',
    includes.about && `about: [(s)-[r:ABOUT]->(e:Entity) | {ordinal: r.ordinal, entity: ${entity}}]`,
    includes.reportedBy && `reportedBy: [(s)-[r:REPORTED_BY]->(e:Organization) | {ordinal: r.ordinal, entity: ${entity}}]`,
    // Only the first is filed apart, so nothing takes it for the whole list (statement.loaders.ts prime).
    includes.evidence && `${includes.firstEvidenceOnly ? 'firstEvidence' : 'evidence'}: ${evidenceList(includes, label)}`,
  ];
  return `{\n  ${parts.filter((p): p is string => typeof p === 'string').join(',\n  ')}\n}`;
};

/**
 * The articles statement `s`'s evidence may be in: a live statement's in live articles only,
 * a retracted one's in retracted articles too. A query that matched `s` under one label (a
 * page, a lookup by id) checks only what that label allows; `null`, either label.
 */
const EVIDENCE_ARTICLES: Readonly<Record<StatementLabel | 'either', string>> = {
  Statement: 'a:Article',
  RetractedStatement: 'a:Article OR a:RetractedArticle',
  either: 'a:Article OR (s:RetractedStatement AND a:RetractedArticle)',
};

/** An evidence's article, as far as the selection reads it: whole with its text, a header, or its id and title. */
const articleProjection = (includes: StatementIncludes): string =>
  includes.articleText ? ARTICLE_PROJECTION : includes.articleFields ? ARTICLE_HEADER_PROJECTION : ARTICLE_TITLE_PROJECTION;

/**
 * Statement `s`'s evidence rows, in the articles EVIDENCE_ARTICLES allows. With
 * `firstEvidenceOnly`, the one row that comes first in the repository's order
 * (statement.repository.ts evidenceInOrder: oldest article, then article id; undated first).
 */
function evidenceList(includes: StatementIncludes, label: StatementLabel | null): string {
  const article = includes.articles ? `,\n     article: ${articleProjection(includes)}` : '';
  const sentence = includes.sentences ? 'sentence: r.sentence,\n     sentenceStart: coalesce(r.sentenceStart, r.start), ' : '';
  const row = `{start: r.start, end: r.end, ${sentence}articleId: a.id, publishedAt: a.publishedAt${article}}`;
  const appearsIn = `(s)-[r:APPEARS_IN]->(a) WHERE ${EVIDENCE_ARTICLES[label ?? 'either']}`;
  if (!includes.firstEvidenceOnly) return `[${appearsIn} | ${row}]`;
  return `COLLECT {
    MATCH ${appearsIn}
    WITH r, a ORDER BY coalesce(a.publishedAt, ''), a.id LIMIT 1
    RETURN ${row}
  }`;
}

/** What a query reads of statement `s`: the clauses its value needs bound first (each ending in a newline; '' when none), and the value. */
export interface StatementReading {
  readonly reads: string;
  readonly value: string;
}

/**
 * Whether statements read with these includes come as a list of plain values (`headerList`)
 * rather than as a map: a header with its order keys and at most its speaker's id and name,
 * what a listing shows. Each map of a row is a JavaScript object the driver makes, its keys
 * decoded from their bytes on every row (the speaker's and the details' maps besides the
 * statement's own); a list is an array of the values (docs/bench-findings.md, "a page's rows
 * as lists").
 */
const readAsList = (i: StatementIncludes): boolean =>
  !i.statementFields && !i.entityFields && !i.roles && !i.about && !i.reportedBy && !i.evidence;

/**
 * A statement as a list, for includes `readAsList` takes: its id, text and kind, the order
 * keys asked for in their order, then, when the speaker is brought along, the speaker's id and
 * name (both null for none; every entity has an id). The repository decodes it
 * (statement.repository.ts `statementOf`) in this order.
 */
const headerList = (includes: StatementIncludes, keys: readonly OrderKey[]): string =>
  `[s.id, s.text, s.kind${keys.map((key) => `, s.${key}`).join('')}${includes.speaker ? ', speaker.id, speaker.name' : ''}]`;

/** Built once per combination of includes and keys: requests ask for the same few. */
const readings = new Map<string, StatementReading>();

const includesKeys = new WeakMap<StatementIncludes, string>();

/** Short names of combinations of includes, by their JSON: eleven booleans make at most 2 048. */
const includesNames = new Map<string, string>();

/**
 * A short string naming this combination of includes; worked out once per includes object
 * (the resolvers give one per selection). Short, because loaders key every statement they
 * load by it and the statement's id, and a key is hashed at each lookup.
 */
export function includesKey(includes: StatementIncludes): string {
  let key = includesKeys.get(includes);
  if (key === undefined) {
    const whole = JSON.stringify(includes);
    key = includesNames.get(whole);
    if (key === undefined) includesNames.set(whole, (key = `i${includesNames.size}`));
    includesKeys.set(includes, key);
  }
  return key;
}

/**
 * Statement `s` as a StatementRecord (a StatementHeader unless `statementFields`), with the
 * order keys `keys` (those its cursors need: none for a lookup by id) and with `details`
 * when the includes ask for them; `label`, the one `s` was matched under (every page matches
 * live statements), or null for either.
 */
export function statementProjection(includes: StatementIncludes, keys: readonly OrderKey[], label: StatementLabel | null): StatementReading {
  const name = `${includesKey(includes)}|${keys.join()}|${label ?? ''}`;
  let reading = readings.get(name);
  if (reading === undefined) readings.set(name, (reading = readingOf(includes, keys, label)));
  return reading;
}

function readingOf(includes: StatementIncludes, keys: readonly OrderKey[], label: StatementLabel | null): StatementReading {
  const speaker = includes.speaker ? speakerCall(includes) : '';
  if (readAsList(includes)) return { reads: speaker, value: headerList(includes, keys) };
  const fields = `${HEADER_FIELDS}${keyFields(keys)}${includes.statementFields ? `, ${EXTRA_FIELDS}` : ''}`;
  if (!includesAny(includes)) return { reads: '', value: `{${fields}\n}` };
  return { reads: speaker, value: `{${fields},\n  details: ${detailsMap(includes, label)}\n}` };
}

/**
 * The label a statement has: live, or retracted by an editor (src/graph/editorial). A read
 * by id looks under the live label first, one seek on its id index; only the ids it did not
 * find are looked for among the retracted (statement.repository.ts statementsById).
 */
export type StatementLabel = 'Statement' | 'RetractedStatement';

/**
 * The texts of statementsByIdText, by includes object (one per selection, as includesKey
 * assumes) and label: a lookup by id asks for its text on every request, and a text joined
 * anew is a new string the driver flattens again to pack it.
 */
const byIdTexts = new WeakMap<StatementIncludes, Map<StatementLabel, string>>();

/** Statements under `label` by id, bringing along what `includes` names. */
export function statementsByIdText(includes: StatementIncludes, label: StatementLabel = 'Statement'): string {
  let texts = byIdTexts.get(includes);
  if (texts === undefined) byIdTexts.set(includes, (texts = new Map()));
  let text = texts.get(label);
  if (text === undefined) {
    const { reads, value } = statementProjection(includes, [], label);
    texts.set(label, (text = `
UNWIND $ids AS id
MATCH (s:${label} {id: id})
${reads}RETURN id, ${value} AS statement`));
  }
  return text;
}

/** The details of a batch of statements whose query did not bring them along: all four. */
const DETAILS_INCLUDES: StatementIncludes = { ...ALL_INCLUDES, roles: false, articles: false, articleText: false, articleFields: false };
export const DETAILS = `
UNWIND $ids AS id
${statementById('id', 'id')}
${speakerCall(DETAILS_INCLUDES)}RETURN id, ${detailsMap(DETAILS_INCLUDES, null)} AS details`;

/** Each statement's ABOUT links with their stance and, for a proposed one, its confidence. */
export const ABOUT_LINKS = `
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN id, [(s)-[r:ABOUT]->(e:Entity) | {ordinal: r.ordinal, stance: ${STANCE_OF_LINK}, confidence: r.stanceConfidence, entity: ${ENTITY_HEADER_PROJECTION}}] AS links`;

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
 * way; what the dense way saves is measured in docs/bench-findings.md, finding 11.
 */
function anchoredPage(
  anchor: Anchor,
  after: (v: string) => string,
  where: readonly string[],
  imported: readonly string[] = [],
  order: PageOrder = PAGE_ORDERS.ARTICLE_ORDER,
): string {
  const { link, degree } = LINKS[anchor];
  const sort = `s.${order.key}${order.descending ? ' DESC' : ''}`;
  const beyond = `s.${order.key} ${order.descending ? '<' : '>'} found[-1].${order.key}`;
  const also = where.map((w) => `\n      AND ${w}`).join('');
  const more = imported.map((v) => `, ${v}`).join('');
  return `CALL (anchor, total${more}) {
  WITH anchor, total${more} WHERE COUNT { ${degree} } * ${DENSE} >= total
  CALL (anchor${more}) {
    MATCH (s:Statement) WHERE ${after('s')}
    WITH s ORDER BY ${sort} LIMIT toInteger($scan)
    WITH s WHERE EXISTS { ${link} }${also}
    WITH s LIMIT toInteger($limit)
    RETURN collect(s) AS found
  }
  CALL (anchor, found${more}) {
    WITH anchor, found${more} WHERE size(found) < $limit
    MATCH ${link.replace('(s)', '(s:Statement)')}
    WHERE ${after('s')} AND (size(found) = 0 OR ${beyond})${also}
    WITH s ORDER BY ${sort} LIMIT toInteger($limit)
    RETURN collect(s) AS rest
  }
  RETURN (found + rest)[..toInteger($limit)] AS page
  UNION
  WITH anchor, total${more} WHERE COUNT { ${degree} } * ${DENSE} < total
  MATCH ${link.replace('(s)', '(s:Statement)')}
  WHERE ${after('s')}${also}
  WITH s ORDER BY ${sort} LIMIT toInteger($limit)
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
  const { reads, value } = statementProjection(includes, [PAGE_ORDERS.ARTICLE_ORDER.key], 'Statement');
  return `
${TOTAL}
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key, total
MATCH (anchor:${LINKS[anchor].label} {id: key.id})
${anchoredPage(anchor, (v) => `${v}.sortKey > coalesce(key.afterKey, '')`, [], ['key'])}
UNWIND page AS s
${reads}WITH i, collect(${value}) AS rows
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
  readonly speakers?: readonly string[] | null;
  readonly aboutAny?: readonly string[] | null;
  readonly reportedByAny?: readonly string[] | null;
  readonly kinds?: readonly string[] | null;
  readonly stance?: string | null;
  /** YYYY-MM-DD, inclusive, on the statement's day (statement.dayKey). */
  readonly since?: string | null;
  readonly until?: string | null;
}

/**
 * A statement's `dayKey` is its day (its own date, else its earliest article's publication
 * date; `0000-00-00` when it has neither) joined to its sortKey by `|`: unique, so it orders
 * pages by date with keyset cursors, and a window of days is one range of it. `~` sorts
 * after `|` and every character of a sortKey, so `until~` bounds the last day's keys.
 */
export const UNDATED_DAY = '0000-00-00';
const windowFrom = (filter: StatementFilterValues): string | null =>
  (filter.since ?? null) !== null ? (filter.since as string) : (filter.until ?? null) !== null ? '0001-01-01' : null;
const windowTo = (filter: StatementFilterValues): string | null => ((filter.until ?? null) === null ? null : `${filter.until as string}~`);

/** The window's bounds on `v`'s dayKey, as range predicates the dayKey index can seek. */
function windowOn(v: string, filter: StatementFilterValues): string[] {
  return [windowFrom(filter) !== null && `${v}.dayKey >= $windowFrom`, windowTo(filter) !== null && `${v}.dayKey < $windowTo`].filter(
    (p): p is string => typeof p === 'string',
  );
}

/** The list fields, each a link (or property) any one of whose values will do. */
const LISTS = {
  speakers: 'EXISTS { MATCH (x:Entity)-[:SAID]->(s) WHERE x.id IN $speakers }',
  aboutAny: 'EXISTS { MATCH (s)-[:ABOUT]->(x:Entity) WHERE x.id IN $aboutAny }',
  reportedByAny: 'EXISTS { MATCH (s)-[:REPORTED_BY]->(x:Organization) WHERE x.id IN $reportedByAny }',
  kinds: 's.kind IN $kinds',
} as const;
export type ListField = keyof typeof LISTS;
export const LIST_FIELDS = Object.keys(LISTS) as ListField[];

const given = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Translates a filter into a MATCH that starts from the most selective anchor the filter
 * names (an index seek on an id), and WHERE clauses on statement `s` for the rest. Every
 * query that filters statements builds its filter here, so a new condition is added once.
 */
export function filterClauses(filter: StatementFilterValues): { match: string; where: string[]; anchor: Anchor | null } {
  const [anchor = null, ...others] = namedAnchors(filter);
  const where = [...others.map((other) => `EXISTS { ${linkTo(other, `$${LINKS[other].field}`)} }`), ...conditionsOn(filter)];
  return { match: anchor === null ? '(s:Statement)' : linkTo(anchor, `$${LINKS[anchor].field}`), where, anchor };
}

const namedAnchors = (filter: StatementFilterValues): Anchor[] => ANCHOR_NAMES.filter((anchor) => given(filter[LINKS[anchor].field]));

/** The filter's conditions other than its anchors, as predicates on statement `s`. */
function conditionsOn(filter: StatementFilterValues): string[] {
  const where: string[] = [];
  if (given(filter.kind)) where.push('s.kind = $kind');
  for (const field of LIST_FIELDS) if (given(filter[field])) where.push(LISTS[field]);
  if (given(filter.stance)) where.push(`EXISTS { MATCH (s)-[r:ABOUT]->(x:Entity) WHERE ${STANCE_OF_LINK} = $stance AND ${TOPIC_NAMED} }`);
  where.push(...windowOn('s', filter));
  return where;
}

/**
 * Every condition of the filter as a predicate on a statement `s` already found, live or
 * retracted (an article it names may then be retracted too): for checking given statements,
 * as the live feed does (src/graph/live), where filterClauses finds them.
 */
export function filterPredicates(filter: StatementFilterValues): string[] {
  const anchors = namedAnchors(filter).map((anchor) => {
    const { link, label, field } = LINKS[anchor];
    const labels = anchor === 'article' ? 'Article|RetractedArticle' : label;
    return `EXISTS { ${link.replace('(anchor)', `(x:${labels} {id: $${field}})`)} }`;
  });
  return [...anchors, ...conditionsOn(filter)];
}

/** Every filter parameter, null where the filter does not give it; made field by field, as every page asks for it. */
export function filterParams(filter: StatementFilterValues): Record<string, unknown> {
  const params: Record<string, unknown> = {
    speaker: filter.speaker ?? null,
    about: filter.about ?? null,
    reportedBy: filter.reportedBy ?? null,
    kind: filter.kind ?? null,
    article: filter.article ?? null,
  };
  for (const field of LIST_FIELDS) params[field] = filter[field] ?? null;
  params.stance = filter.stance ?? null;
  params.windowFrom = windowFrom(filter);
  params.windowTo = windowTo(filter);
  return params;
}

/**
 * The ids of a filter's lists (\`$lists\`: \`{field, organization, ids}\`) that name no entity,
 * or for an outlet list no organization: one row per list that has any.
 */
export const UNKNOWN_LIST_IDS = `
UNWIND $lists AS list
UNWIND list.ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH list, id, n WHERE n IS NULL OR (list.organization AND NOT n:Organization)
RETURN list.field AS field, collect(id) AS unknown`;

/** How a page is ordered: the unique statement property it walks, and which way. */
export interface PageOrder {
  readonly key: OrderKey;
  readonly descending: boolean;
}

export const PAGE_ORDERS: Readonly<Record<StatementOrder, PageOrder>> = {
  ARTICLE_ORDER: { key: 'sortKey', descending: false },
  OLDEST_FIRST: { key: 'dayKey', descending: false },
  NEWEST_FIRST: { key: 'dayKey', descending: true },
};

/** Sorts after every key, so a descending page with no cursor starts at the end. */
const AFTER_EVERY_KEY = '\uffff';

export function translateStatementPage(
  filter: StatementFilterValues,
  limit: number,
  after: readonly [string | number, string] | null,
  includes: StatementIncludes = NO_INCLUDES,
  order: PageOrder = PAGE_ORDERS.ARTICLE_ORDER,
): CypherQuery {
  const shape = `${filterShape(filter)}|${order.key}${order.descending ? '-' : '+'}|${after === null ? 'first' : 'after'}|${includesKey(includes)}`;
  let page = pageTexts.get(shape);
  if (page === undefined) page = remember(shape, pageText(filter, after === null, includes, order));
  const values: Record<string, unknown> = filterParams(filter);
  values.limit = limit;
  values.scan = pageParams(limit).scan;
  values.afterKey = after !== null ? String(after[0]) : order.descending ? AFTER_EVERY_KEY : '';
  const params: Record<string, unknown> = {};
  for (const name of page.names) params[name] = values[name];
  return cypher(page.text, params);
}

/** A page's text and the parameters it names (only those are sent: every other filter field is null). */
interface PageText {
  readonly text: string;
  readonly names: readonly string[];
}

/**
 * Page texts by the shape of their request: which filter fields are given (not their values),
 * the order, whether there is a cursor, what is brought along. A request builds none of its
 * text; a client's combinations are many, so the oldest go past MAX_PAGE_TEXTS.
 */
const pageTexts = new Map<string, PageText>();
const MAX_PAGE_TEXTS = 500;

function remember(shape: string, page: PageText): PageText {
  if (pageTexts.size >= MAX_PAGE_TEXTS) pageTexts.delete(pageTexts.keys().next().value as string);
  pageTexts.set(shape, page);
  return page;
}

const FILTER_FIELDS = ['speaker', 'about', 'reportedBy', 'kind', 'article', ...LIST_FIELDS, 'stance', 'since', 'until'] as const satisfies readonly (keyof StatementFilterValues)[];
/** Kept texts are told apart by the fields given, so a filter field missing here would share another's text: tsc names it. */
type UnshapedField = Exclude<keyof StatementFilterValues, (typeof FILTER_FIELDS)[number]>;
const EVERY_FIELD_SHAPES: [UnshapedField] extends [never] ? true : UnshapedField = true;
void EVERY_FIELD_SHAPES;

/** Which of the filter's fields are given: all its text depends on. */
function filterShape(filter: StatementFilterValues): string {
  let shape = '';
  for (const field of FILTER_FIELDS) shape += given(filter[field]) ? '1' : '0';
  return shape;
}

function pageText(filter: StatementFilterValues, first: boolean, includes: StatementIncludes, order: PageOrder): PageText {
  const { match, where, anchor } = filterClauses(filter);
  const { key, descending } = order;
  // The range lets the planner walk the order's index in order; a window on the day is part of it.
  const beyond = descending ? '<' : '>';
  const range = (v: string): string[] => [first ? `${v}.${key} ${beyond}= $afterKey` : `${v}.${key} ${beyond} $afterKey`, ...(key === 'dayKey' ? windowOn(v, filter) : [])];
  const sort = `s.${key}${descending ? ' DESC' : ''}`;
  const { reads, value } = statementProjection(includes, [key], 'Statement');
  // filterClauses started from the anchor, if any; `where` holds the other filters (and the window, which the range repeats).
  const text =
    anchor === null
      ? `
MATCH ${match}
WHERE ${[...new Set([...where, ...range('s')])].join('\n  AND ')}
WITH s ORDER BY ${sort} LIMIT toInteger($limit)
${reads}RETURN ${value} AS statement`
      : `
${TOTAL}
MATCH (anchor:${LINKS[anchor].label} {id: $${LINKS[anchor].field}})
${anchoredPage(anchor, (v) => range(v).join(' AND '), where, [], order)}
UNWIND page AS s
${reads}RETURN ${value} AS statement`;
  return { text, names: [...new Set(Array.from(text.matchAll(/\$(\w+)/g), (m) => m[1] as string))] };
}

export function translateStatementCount(filter: StatementFilterValues): CypherQuery {
  const { match, where } = filterClauses(filter);
  const text = `
MATCH ${match}
${where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : ''}
RETURN count(s) AS n`;
  return cypher(text, filterParams(filter));
}
