/**
 * The change sequence through the gateway: stamping what a write transaction changed (each
 * writer calls one of the stamp functions last in its transaction), and reading it back.
 */
import { batchQuery, cypher } from '../../db/cypher';
import type { Db, WriteTx } from '../../db/gateway';
import type { StatementFilterValues } from '../statement/statement.cypher';
import type { StatementHeader } from '../statement/statement.type';
import * as Q from './live.cypher';

/** A changed statement as the feed reads it. */
export interface ChangeRow {
  readonly sequence: number;
  /** The sequence that created it; null for a statement created before the change sequence existed. */
  readonly createdSeq: number | null;
  readonly retracted: boolean;
  /** Null for a statement deleted outright, whose tombstone gives only `deletedId`. */
  readonly statement: StatementHeader | null;
  readonly deletedId?: string;
}

/** The counter as one read finds it (live.cypher.ts, CURRENT_SEQUENCE). */
export interface SequenceState {
  readonly sequence: number;
  /** Changes when the counter is made anew (an emptied or replaced database); null before the first change. */
  readonly epoch: string | null;
  /** Every deletion at or below it was pruned: a subscription cannot resume from before it. */
  readonly prunedUpTo: number;
}

type Reader = Pick<Db, 'read'>;

export async function sequenceState(db: Reader): Promise<SequenceState> {
  const [row] = await db.read(cypher(Q.CURRENT_SEQUENCE));
  return { sequence: Number(row?.sequence ?? 0), epoch: (row?.epoch as string | null | undefined) ?? null, prunedUpTo: Number(row?.prunedUpTo ?? 0) };
}

export async function currentSequence(db: Reader): Promise<number> {
  return (await sequenceState(db)).sequence;
}

/** Changes in (`after`, `upto`] that `filter` selects, in sequence order, at most `limit`. */
export async function changesBetween(db: Reader, filter: StatementFilterValues, after: number, upto: number, limit: number): Promise<ChangeRow[]> {
  const rows = await db.read(Q.translateChanges(filter, after, upto, limit));
  return rows.map((r) => {
    const found = {
      sequence: r.sequence as number,
      createdSeq: (r.createdSeq as number | null) ?? null,
      retracted: r.retracted as boolean,
    };
    const statement = (r.statement as StatementHeader | null) ?? null;
    return statement === null ? { ...found, statement, deletedId: r.id as string } : { ...found, statement };
  });
}

/**
 * Gives statements `ids` the next sequences (in id order); `created` are the ones the
 * transaction created, `live` ids of `ids` the caller knows name live statements (not
 * retracted, not deleted), which are found by one index seek each. Nothing to stamp takes no lock.
 */
export async function stampStatements(tx: WriteTx, ids: Iterable<string>, created: Iterable<string> = [], live: ReadonlySet<string> = new Set()): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  const values = { ids: sorted.filter((id) => !live.has(id)), live: sorted.filter((id) => live.has(id)), created: [...created] };
  await tx.run(batchQuery(Q.STAMP_STATEMENTS, values));
}

/** Stamps every statement of an article just retracted or restored. */
export async function stampArticleStatements(tx: WriteTx, article: string): Promise<void> {
  await tx.run(cypher(Q.STAMP_ARTICLE_STATEMENTS, { article, batch: { created: [] } }));
}

/** The live statements linked to an entity, read before a merge moves their links. */
export async function entityStatementIds(tx: WriteTx, id: string): Promise<string[]> {
  const [row] = await tx.run(cypher(Q.ENTITY_STATEMENT_IDS, { id }));
  return (row?.ids as string[] | undefined) ?? [];
}

/** What one ingested document reports (src/ingest/result.ts), as far as stamping needs it. */
export interface IngestedDocument {
  readonly article: string;
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly evidenceAdded: readonly string[];
  readonly removed: readonly string[];
}

const isStatementId = (id: string): boolean => id.startsWith('statement:');

/** The statements a document changed: created or updated, or given or left by its article's evidence, when the article itself is new or changed. */
export function statementsChangedBy(d: IngestedDocument): string[] {
  // `evidenceAdded` is reported again on every re-ingest; the evidence is new only when its article is.
  const articleChanged = d.created.includes(d.article) || d.updated.includes(d.article);
  return [...d.created, ...d.updated, ...(articleChanged ? d.evidenceAdded : []), ...d.removed].filter(isStatementId);
}

/**
 * Stamps the statements an ingest created, changed, gave evidence to or took evidence from
 * (a statement left with none is gone: its tombstone is stamped). A re-ingest that changed
 * nothing stamps nothing, so ingest stays idempotent.
 */
export function stampIngested(tx: WriteTx, documents: readonly IngestedDocument[]): Promise<void> {
  const changed = documents.flatMap(statementsChangedBy);
  const created = documents.flatMap((d) => d.created).filter(isStatementId);
  // What an ingest created, updated or gave evidence to is live when it commits, unless a
  // document of the batch then took its last evidence (it is then among some `removed`).
  const removed = new Set(documents.flatMap((d) => d.removed));
  return stampStatements(tx, changed, created, new Set(changed.filter((id) => !removed.has(id))));
}
