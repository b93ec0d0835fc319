/**
 * How resolvers fetch statements, shared by every type that has them: the check of a
 * filter's ids, what the selection asks a statement query to bring along, and a page of
 * statements anchored on one node (an entity's, an outlet's, an article's).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context';
import { ENTITY_TYPES } from '../../vocabulary';
import { decodeCursor, pageSize, toConnection, type Connection } from '../connection';
import { ENTITY_EXTRA_FIELDS } from '../entity/entity.type';
import { parseId } from '../ids';
import { selectedPaths } from '../lookahead';
import type { Anchor, StatementIncludes } from './statement.cypher';
import { STATEMENT_CURSOR, statementPosition } from './statement.repository';
import type { StatementFilter, StatementHeader } from './statement.type';

/** Checks every id in a filter; the same check serves `statements` and `attribution`. */
export function checkStatementFilter(filter: StatementFilter | null | undefined): StatementFilter {
  if (filter === null || filter === undefined) return {};
  if (filter.speaker != null) parseId(filter.speaker, ENTITY_TYPES, 'filter.speaker');
  if (filter.about != null) parseId(filter.about, ENTITY_TYPES, 'filter.about');
  if (filter.reportedBy != null) parseId(filter.reportedBy, ['Organization'], 'filter.reportedBy');
  if (filter.article != null) parseId(filter.article, ['Article'], 'filter.article');
  return filter;
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
    statementFields: has('venue') || has('date') || has('quotedIn'),
    entityFields: ['speaker', 'about', 'reportedBy'].some((entity) => ENTITY_EXTRA_FIELDS.some((field) => has(`${entity}.${field}`))),
    speaker: has('speaker'),
    roles: has('speaker.roles'),
    about: has('about'),
    reportedBy: has('reportedBy'),
    evidence: has('evidence') || has('evidences'),
    articles: has('evidence.article') || has('evidences.article'),
    // Only for one statement: on a page every evidence's row would carry its own copy of the
    // article's text (a hundred copies of one long article per page, issue 21), where
    // `Article.text` through the article loader reads each article once per request.
    articleText: prefix === '' && (has('evidence.article.text') || has('evidences.article.text')),
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
