/**
 * Writing edits (inside the transaction of the write they record) and reading a node's
 * history as a connection.
 */
import { cypher } from '../../db/cypher';
import type { Db, WriteTx } from '../../db/gateway';
import type { Position } from '../connection';
import { inGroups, valueById } from '../loader';
import * as Q from './edit.cypher';
import { editTime, newEditId } from './edit.ids';
import { toEdit, type Edit, type EditInput, type EditRow } from './edit.type';

export { editTime } from './edit.ids';

/** Records `edit` in the write's transaction and returns it as readers will see it. */
export async function recordEdit(tx: WriteTx, edit: EditInput, at = editTime()): Promise<Edit> {
  const id = newEditId();
  await tx.run(
    cypher(Q.RECORD_EDIT, {
      id,
      at,
      who: edit.who,
      action: edit.action,
      arguments: JSON.stringify(edit.arguments),
      changes: JSON.stringify(edit.changes),
      reason: edit.reason,
      statements: edit.targets.statements ?? [],
      articles: edit.targets.articles ?? [],
      entities: edit.targets.entities ?? [],
    }),
  );
  return { id, at, who: edit.who, action: edit.action, arguments: edit.arguments, changes: [...edit.changes], reason: edit.reason };
}

/** One page of one node's history: `limit` rows (a page and one more) after `after`. */
export interface HistoryPageKey {
  readonly id: string;
  readonly limit: number;
  readonly after: Position | null;
}

/** Pages of many nodes' histories, one per key in key order, in one round trip per distinct page size. */
export function historyPages(db: Db, kind: Q.TargetKind, keys: readonly HistoryPageKey[]): Promise<Edit[][]> {
  return inGroups(
    keys,
    (key) => String(key.limit),
    async (group) => {
      const pages = group.map(({ id, after }) => ({ id, afterAt: after === null ? null : String(after[0]), afterId: after === null ? null : after[1] }));
      const rows = await db.read(cypher(Q.HISTORY_PAGES[kind], { pages, limit: (group[0] as HistoryPageKey).limit }));
      return rows.map((row) => [row.i as number, (row.edits as EditRow[]).map(toEdit)] as const);
    },
    () => [],
  );
}

/** How many edits each node has, by id; ids that name no node are left out. */
export async function historyCounts(db: Db, kind: Q.TargetKind, ids: readonly string[]): Promise<Map<string, number>> {
  return valueById(await db.read(cypher(Q.HISTORY_COUNTS[kind], { ids })), 'n');
}
