import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import { toConnection, type Connection, type Position } from '../connection';
import type { EntityRecord } from '../entity/entity.type';
import * as Q from './statement.cypher';
import type { Evidence, StatementRecord } from './statement.type';

const toMap = <V>(rows: Record<string, unknown>[], field: string): Map<string, V> =>
  new Map(rows.map((r) => [r.id as string, r[field] as V]));

export const STATEMENT_CURSOR = 'Statement';
export const statementPosition = (s: StatementRecord): Position => [s.sortKey, s.id];

export async function statementsById(db: Db, ids: readonly string[]): Promise<Map<string, StatementRecord>> {
  return toMap(await db.read(cypher(Q.STATEMENTS_BY_ID, { ids })), 'statement');
}

export interface StatementDetails {
  readonly speaker: EntityRecord | null;
  readonly about: EntityRecord[];
  readonly reportedBy: EntityRecord[];
  /** Oldest article first: `evidence[0]` is where the statement first appeared. */
  readonly evidence: Evidence[];
}

type Ordered = { ordinal: number | null; entity: EntityRecord };
const inOrder = (list: Ordered[]): EntityRecord[] =>
  [...list].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.entity.id.localeCompare(b.entity.id)).map((o) => o.entity);

export async function details(db: Db, ids: readonly string[]): Promise<Map<string, StatementDetails>> {
  const rows = await db.read(cypher(Q.DETAILS, { ids }));
  return new Map(
    rows.map((r) => {
      const evidence = (r.evidence as (Evidence & { publishedAt: string | null })[])
        .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.articleId.localeCompare(b.articleId))
        .map(({ publishedAt: _published, ...e }) => e);
      return [
        r.id as string,
        { speaker: r.speaker as EntityRecord | null, about: inOrder(r.about as Ordered[]), reportedBy: inOrder(r.reportedBy as Ordered[]), evidence },
      ];
    }),
  );
}

export async function quotesInside(db: Db, ids: readonly string[]): Promise<Map<string, StatementRecord[]>> {
  return toMap(await db.read(cypher(Q.QUOTES_INSIDE, { ids })), 'statements');
}

export async function statementPage(
  db: Db,
  filter: Q.StatementFilterValues,
  first: number,
  after: Position | null,
): Promise<Connection<StatementRecord>> {
  const rows = await db.read(Q.translateStatementPage(filter, first + 1, after));
  return toConnection(
    STATEMENT_CURSOR,
    rows.map((r) => r.statement as StatementRecord),
    first,
    statementPosition,
    async () => (await db.read(Q.translateStatementCount(filter)))[0]?.n as number,
  );
}

export interface AnchoredPageKey {
  readonly id: string;
  readonly limit: number;
  readonly after: Position | null;
}

/** Pages for many anchors in as few round trips as there are distinct page sizes. */
export async function pagesByAnchor(db: Db, anchor: Q.Anchor, keys: readonly AnchoredPageKey[]): Promise<StatementRecord[][]> {
  const results: StatementRecord[][] = keys.map(() => []);
  const byLimit = new Map<number, number[]>();
  keys.forEach((key, i) => byLimit.set(key.limit, [...(byLimit.get(key.limit) ?? []), i]));
  for (const [limit, indexes] of byLimit) {
    const batch = indexes.map((i) => {
      const key = keys[i] as AnchoredPageKey;
      return { id: key.id, afterKey: key.after === null ? null : String(key.after[0]) };
    });
    const rows = await db.read(cypher(Q.PAGES_BY_ANCHOR[anchor], { keys: batch, limit }));
    for (const row of rows) {
      const original = indexes[row.i as number];
      if (original !== undefined) results[original] = row.rows as StatementRecord[];
    }
  }
  return results;
}

export async function countsByAnchor(db: Db, anchor: Q.Anchor, ids: readonly string[]): Promise<Map<string, number>> {
  return toMap(await db.read(cypher(Q.COUNTS_BY_ANCHOR[anchor], { ids })), 'n');
}
