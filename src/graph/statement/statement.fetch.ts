/**
 * How resolvers fetch statements, shared by every type that has them: the check of a
 * filter's ids, what the selection asks a statement query to bring along, and a page of
 * statements anchored on one node (an entity's, an outlet's, an article's).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context';
import { badInput } from '../../errors';
import { ENTITY_TYPES, isCalendarDate } from '../../vocabulary';
import { decodeCursor, pageSize, toConnection, type Connection } from '../connection';
import { ENTITY_EXTRA_FIELDS } from '../entity/entity.type';
import { parseId } from '../ids';
import { selectedPaths } from '../lookahead';
import { ARTICLE_HEADER_FIELDS } from '../article/article.type';
import { LIST_FIELDS, type Anchor, type StatementIncludes } from './statement.cypher';
import { STATEMENT_CURSOR, statementPosition } from './statement.repository';
import type { StatementFilter, StatementHeader } from './statement.type';

/** The most ids a list field of a filter may hold: more is a different question (a group, a type). */
export const MAX_LIST_IDS = 50;

/** The id types each list field takes. */
const LIST_TYPES = { speakers: ENTITY_TYPES, aboutAny: ENTITY_TYPES, reportedByAny: ['Organization'] } as const;

/**
 * Checks a filter's ids, lists and window; the same check serves every query that takes a
 * filter. Whether the ids of a list name nodes is checked against the graph by the
 * repository (statement.repository.ts requireKnownIds).
 */
export function checkStatementFilter(filter: StatementFilter | null | undefined): StatementFilter {
  if (filter === null || filter === undefined) return {};
  if (filter.speaker != null) parseId(filter.speaker, ENTITY_TYPES, 'filter.speaker');
  if (filter.about != null) parseId(filter.about, ENTITY_TYPES, 'filter.about');
  if (filter.reportedBy != null) parseId(filter.reportedBy, ['Organization'], 'filter.reportedBy');
  if (filter.article != null) parseId(filter.article, ['Article'], 'filter.article');
  for (const field of LIST_FIELDS) {
    const list = filter[field];
    if (list === null || list === undefined) continue;
    const argument = `filter.${field}`;
    if (list.length === 0 || list.length > MAX_LIST_IDS) {
      throw badInput(`${argument} must hold from 1 to ${MAX_LIST_IDS} values; received ${list.length}`, { argument });
    }
    if (field !== 'kinds') for (const id of list) parseId(id, LIST_TYPES[field], argument);
  }
  const since = calendarDay(filter.since, 'filter.since');
  const until = calendarDay(filter.until, 'filter.until');
  if (since !== null && until !== null && since > until) {
    throw badInput(`filter.until must be on or after filter.since; received since ${since} and until ${until}`, { argument: 'filter.until' });
  }
  return filter;
}

/** A YYYY-MM-DD day the calendar has, or null when absent; BAD_USER_INPUT naming `argument` otherwise. */
export function calendarDay(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) {
    throw badInput(`${argument} must be a calendar date YYYY-MM-DD; received ${JSON.stringify(value.slice(0, 40))}`, { argument });
  }
  return value;
}

/**
 * What a query for statements should bring along, from the fields selected under
 * `prefix` (`''` for a statement, `'edges.node.'` for a connection's statements).
 */
export function statementIncludes(info: GraphQLResolveInfo, prefix: string): StatementIncludes {
  const paths = selectedPaths(info);
  // One object per selection, so the loaders key it once (statement.loaders.ts).
  let known = includesOf.get(paths);
  if (known === undefined) includesOf.set(paths, (known = new Map()));
  let includes = known.get(prefix);
  if (includes === undefined) known.set(prefix, (includes = Object.freeze(includesFrom(paths, prefix))));
  return includes;
}

const includesOf = new WeakMap<ReadonlySet<string>, Map<string, StatementIncludes>>();

function includesFrom(paths: ReadonlySet<string>, prefix: string): StatementIncludes {
  const has = (path: string): boolean => paths.has(`${prefix}${path}`);
  return {
    // A retracted statement read by id says so only with these fields: a header has no `retracted`.
    statementFields: has('venue') || has('date') || has('quotedIn') || has('retracted'),
    entityFields: ['speaker', 'about', 'reportedBy'].some((entity) => ENTITY_EXTRA_FIELDS.some((field) => has(`${entity}.${field}`))),
    speaker: has('speaker'),
    roles: has('speaker.roles'),
    about: has('about'),
    reportedBy: has('reportedBy'),
    evidence: has('evidence') || has('evidences'),
    firstEvidenceOnly: has('evidence') && !has('evidences'),
    articles: has('evidence.article') || has('evidences.article'),
    sentences: ['evidence', 'evidences'].some((list) => has(`${list}.sentence`) || has(`${list}.sentenceStart`)),
    // Only for one statement: on a page every evidence's row would carry its own copy of the
    // article's text (a hundred copies of one long article per page, issue 21), where
    // `Article.text` through the article loader reads each article once per request.
    articleText: prefix === '' && (has('evidence.article.text') || has('evidences.article.text')),
    articleFields: ['evidence', 'evidences'].some((list) => ARTICLE_HEADER_FIELDS.some((field) => has(`${list}.article.${field}`))),
  };
}

/** A page of statements reached from one node, batched across all nodes in the request. */
export async function anchoredStatements(
  ctx: Context,
  info: GraphQLResolveInfo,
  anchor: Anchor,
  id: string,
  first: number | undefined,
  after: string | undefined,
): Promise<Connection<StatementHeader>> {
  const size = pageSize(first);
  const position = decodeCursor(STATEMENT_CURSOR, after);
  const rows = await ctx.loaders.pages[anchor].load({ id, limit: size + 1, after: position, includes: statementIncludes(info, 'edges.node.') });
  return toConnection(STATEMENT_CURSOR, rows, size, statementPosition, () => ctx.loaders.counts[anchor].load(id));
}
