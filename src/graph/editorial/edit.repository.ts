/**
 * Writing edits (inside the transaction of the write they record) and reading a node's
 * history as a connection.
 */
import { cypher } from '../../db/cypher';
import type { Db, WriteTx } from '../../db/gateway';
import { toConnection, type Connection, type Position } from '../connection';
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

export async function historyPage(db: Db, kind: Q.TargetKind, id: string, first: number, after: Position | null): Promise<Connection<Edit>> {
  const rows = await db.read(
    cypher(Q.HISTORY_PAGES[kind], {
      id,
      afterAt: after === null ? null : String(after[0]),
      afterId: after === null ? null : after[1],
      limit: first + 1,
    }),
  );
  return toConnection(
    'Edit',
    rows.map((r) => toEdit(r.edit as EditRow)),
    first,
    (e) => [e.at, e.id],
    async () => ((await db.read(cypher(Q.HISTORY_COUNTS[kind], { id })))[0]?.n as number | undefined) ?? 0,
  );
}
