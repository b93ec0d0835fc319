import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import { toConnection, type Connection, type Position } from '../connection';
import { inGroups, valueById } from '../loader';
import type { EntityHeader } from '../entity/entity.type';
import * as Q from './statement.cypher';
import { badInput } from '../../errors';
import { isEntityType, typeOfPrefix, type EntityType } from '../../vocabulary';
import type { AboutLinkRecord, DetailsRow, StatementOrder, Evidence, StatementDetails, StatementHeader, StatementRecord } from './statement.type';

export type { StatementDetails } from './statement.type';

export const STATEMENT_CURSOR = 'Statement';
export const statementPosition = (s: StatementHeader): Position => [keyOf(s, 'sortKey'), s.id];

/** The order key of a statement on a page: its query brought it, because the page's cursors need it. */
function keyOf(s: StatementHeader, key: Q.OrderKey): string {
  const value = s[key];
  if (value === undefined) throw new Error(`statement ${s.id} came without its ${key}, which the page's cursor needs`);
  return value ?? '';
}

/** Each order's cursors are its own kind: a cursor of one order is refused by another. */
export const statementCursor = (order: StatementOrder): string => (order === 'ARTICLE_ORDER' ? STATEMENT_CURSOR : `${STATEMENT_CURSOR} ${order}`);
const positionIn =
  (order: StatementOrder) =>
  (s: StatementHeader): Position =>
    [keyOf(s, Q.PAGE_ORDERS[order].key), s.id];

/** BAD_USER_INPUT naming the first list of the filter that holds an id of nothing in the graph. */
export async function requireKnownIds(db: Db, filter: Q.StatementFilterValues): Promise<void> {
  const lists = (['speakers', 'aboutAny', 'reportedByAny'] as const)
    .filter((field) => (filter[field] ?? null) !== null)
    .map((field) => ({ field, organization: field === 'reportedByAny', ids: filter[field] }));
  if (lists.length === 0) return;
  const [row] = await db.read(cypher(Q.UNKNOWN_LIST_IDS, { lists }));
  if (row === undefined) return;
  const argument = `filter.${row.field as string}`;
  const unknown = (row.unknown as string[]).map((id) => JSON.stringify(id)).join(', ');
  throw badInput(`${argument} must name ${row.field === 'reportedByAny' ? 'organizations' : 'entities'} in the graph; nothing has the id ${unknown}`, { argument });
}

/** A statement as its query returns it: what it brought along still as Neo4j returned it. */
type StatementRow = Omit<StatementHeader, 'details'> & { readonly details?: DetailsRow };

/**
 * Files what a statement query brought along in the shape and order resolvers answer with.
 * The row is the request's own object, just decoded by the driver (statement reads are never
 * kept answers, which are frozen and shared): its details are replaced in place rather than
 * the whole row copied, a copy per statement of every page and lookup.
 */
function toRecord(row: StatementRow): StatementHeader {
  const brought = row.details;
  if (brought !== undefined) (row as { details?: Partial<StatementDetails> | DetailsRow }).details = partsOf(brought, row.id);
  return row as unknown as StatementHeader;
}

/** A statement as its query returned it: a map, or a list for includes that `readAsList` takes. */
type StatementValue = StatementRow | readonly unknown[];

/** How the statements of one query are read from their values: the order keys its values carry, and what it brought along. */
interface Reading {
  readonly keys: readonly Q.OrderKey[];
  readonly includes: Q.StatementIncludes;
}

/**
 * A statement from its value: a list (statement.cypher.ts `headerList`: id, text, kind, the
 * keys, then the speaker's id and name when brought along) made into the record a map would
 * have given, or a map filed by toRecord.
 */
function statementOf(value: StatementValue, { keys, includes }: Reading): StatementHeader {
  if (!Array.isArray(value)) return toRecord(value as StatementRow);
  const record: { -readonly [K in keyof StatementHeader]?: StatementHeader[K] } = { __typename: 'Statement', id: value[0] as string, text: value[1] as string, kind: value[2] as StatementHeader['kind'] };
  let at = 3;
  for (const key of keys) (record as Record<string, unknown>)[key] = value[at++];
  if (includes.speaker) {
    const id = value[at] as string | null;
    record.details = { speaker: id === null ? null : { __typename: speakerType(id), id, name: value[at + 1] as string } };
  }
  return record as StatementHeader;
}

/**
 * A speaker's type from its id's prefix: ingest gives every entity the id of its type. Read
 * off the prefix alone, not checked against the id's whole grammar (typeOfId): the id comes
 * from the graph, on every statement of every page.
 */
function speakerType(id: string): EntityType {
  const type = typeOfPrefix(id);
  if (!isEntityType(type)) throw new Error(`speaker ${id} has no entity id, so its type is unknown`);
  return type;
}

/**
 * Statements by id, live or retracted, with the fields and details `includes` names. Live
 * statements come in one round trip; an id none of them has (a retracted statement, or no
 * statement at all) costs a second, for the retracted ones.
 */
export async function statementsById(db: Db, ids: readonly string[], includes: Q.StatementIncludes): Promise<Map<string, StatementHeader>> {
  const found = await statementsUnder(db, 'Statement', ids, includes);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return found;
  for (const [id, statement] of await statementsUnder(db, 'RetractedStatement', missing, includes)) found.set(id, statement);
  return found;
}

async function statementsUnder(db: Db, label: Q.StatementLabel, ids: readonly string[], includes: Q.StatementIncludes): Promise<Map<string, StatementHeader>> {
  const rows = await db.read(cypher(Q.statementsByIdText(includes, label), { ids }));
  const reading: Reading = { keys: [], includes };
  return new Map(rows.map((r) => [r.id as string, statementOf(r.statement as StatementValue, reading)]));
}

/** Whole statements: NO_INCLUDES asks for every field and brings nothing along. */
export const wholeStatementsById = (db: Db, ids: readonly string[]): Promise<Map<string, StatementRecord>> =>
  statementsById(db, ids, Q.NO_INCLUDES) as Promise<Map<string, StatementRecord>>;

type Ordered = NonNullable<DetailsRow['about']>;
const inOrder = (list: Ordered): EntityHeader[] =>
  [...list].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.entity.id.localeCompare(b.entity.id)).map((o) => o.entity);

/** Cypher's order of strings (by code point), so a first evidence chosen in Neo4j is the one chosen here. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Oldest article first (undated first), ties by article id; the article itself kept where it
 * came along. A row that came without its sentence names statement `of`, for
 * Evidence.sentence to load it by.
 */
export function evidenceInOrder(rows: NonNullable<DetailsRow['evidence']>, of: string): Evidence[] {
  return [...rows]
    .sort((a, b) => byCodePoint(a.publishedAt ?? '', b.publishedAt ?? '') || byCodePoint(a.articleId, b.articleId))
    .map(({ start, end, sentence, sentenceStart, articleId, article }) =>
      sentence === undefined ? { start, end, articleId, statementId: of, ...(article && { article }) } : { start, end, sentence, sentenceStart, articleId, ...(article && { article }) },
    );
}

/** Whether evidence rows came with their sentences: only such rows are the whole evidence the evidence loader promises. */
export const withSentences = (evidence: readonly Evidence[]): boolean => evidence.every((e) => e.sentence !== undefined);

/**
 * A speaker with its type: one brought as a header came without it, and its id's prefix names
 * it (the row is the request's own object, so it is set in place).
 */
function typedSpeaker(speaker: NonNullable<DetailsRow['speaker']>): EntityHeader {
  if ('__typename' in speaker) return speaker;
  return Object.assign(speaker, { __typename: speakerType(speaker.id) });
}

/** The parts of a details row of statement `of` its query was asked for; the speaker with roles, where they came along. */
function partsOf(row: DetailsRow, of: string): Partial<StatementDetails> {
  // Set part by part rather than spread from conditional objects: every statement of every page comes through here.
  const parts: { -readonly [K in keyof StatementDetails]?: StatementDetails[K] } = {};
  if (row.speaker !== undefined) {
    const speaker = row.speaker && typedSpeaker(row.speaker);
    parts.speaker = speaker && row.speakerRoles ? { ...speaker, roles: row.speakerRoles } : speaker;
  }
  if (row.about !== undefined) parts.about = inOrder(row.about);
  if (row.reportedBy !== undefined) parts.reportedBy = inOrder(row.reportedBy);
  if (row.evidence !== undefined) parts.evidence = evidenceInOrder(row.evidence, of);
  if (row.firstEvidence !== undefined) parts.firstEvidence = evidenceInOrder(row.firstEvidence, of);
  return parts;
}

/** All four details, for statements whose query did not bring them along. */
export const NO_DETAILS: StatementDetails = { speaker: null, about: [], reportedBy: [], evidence: [] };

export async function details(db: Db, ids: readonly string[]): Promise<Map<string, StatementDetails>> {
  const rows = await db.read(cypher(Q.DETAILS, { ids }));
  return new Map(rows.map((r) => [r.id as string, { ...NO_DETAILS, ...partsOf(r.details as DetailsRow, r.id as string) }]));
}

/** Each statement's ABOUT links in their order, each with its stance. */
export async function aboutLinks(db: Db, ids: readonly string[]): Promise<Map<string, AboutLinkRecord[]>> {
  const rows = await db.read(cypher(Q.ABOUT_LINKS, { ids }));
  type Link = AboutLinkRecord & { readonly ordinal: number | null };
  return new Map(
    rows.map((r) => [
      r.id as string,
      [...(r.links as Link[])]
        .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.entity.id.localeCompare(b.entity.id))
        .map(({ entity, stance, confidence }) => ({ entity, stance, confidence })),
    ]),
  );
}

export async function quotesInside(db: Db, ids: readonly string[]): Promise<Map<string, StatementRecord[]>> {
  return valueById(await db.read(cypher(Q.QUOTES_INSIDE, { ids })), 'statements');
}

export async function statementPage(
  db: Db,
  filter: Q.StatementFilterValues,
  first: number,
  after: Position | null,
  includes = Q.NO_INCLUDES,
  order: StatementOrder = 'ARTICLE_ORDER',
): Promise<Connection<StatementHeader>> {
  await requireKnownIds(db, filter);
  const rows = await db.read(Q.translateStatementPage(filter, first + 1, after, includes, Q.PAGE_ORDERS[order]));
  const reading: Reading = { keys: [Q.PAGE_ORDERS[order].key], includes };
  return toConnection(
    statementCursor(order),
    rows.map((r) => statementOf(r.statement as StatementValue, reading)),
    first,
    positionIn(order),
    async () => (await db.read(Q.translateStatementCount(filter)))[0]?.n as number,
  );
}

export interface AnchoredPageKey {
  readonly id: string;
  readonly limit: number;
  readonly after: Position | null;
  readonly includes: Q.StatementIncludes;
}

/** Pages for many anchors in as few round trips as there are distinct page sizes and includes. */
export function pagesByAnchor(db: Db, anchor: Q.Anchor, keys: readonly AnchoredPageKey[]): Promise<StatementHeader[][]> {
  return inGroups(
    keys,
    (key) => `${key.limit}|${Q.includesKey(key.includes)}`,
    async (group) => {
      const { limit, includes } = group[0] as AnchoredPageKey;
      const batch = group.map((key) => ({ id: key.id, afterKey: key.after === null ? null : String(key.after[0]) }));
      const rows = await db.read(Q.translateAnchoredPages(anchor, includes, batch, limit));
      const reading: Reading = { keys: [Q.PAGE_ORDERS.ARTICLE_ORDER.key], includes };
      return rows.map((row) => [row.i as number, (row.rows as StatementValue[]).map((value) => statementOf(value, reading))] as const);
    },
    () => [],
  );
}

export async function countsByAnchor(db: Db, anchor: Q.Anchor, ids: readonly string[]): Promise<Map<string, number>> {
  return valueById(await db.read(cypher(Q.COUNTS_BY_ANCHOR[anchor], { ids })), 'n');
}
