/**
 * mergeEntities: two nodes for one entity become one, in one write transaction
 * (merge.cypher.ts). Refused into itself, across types, and for ids that are not live
 * entities; a merged id keeps resolving to the entity it went into.
 */
import { cypher } from '../../db/cypher';
import type { Deadline, Neo4jGateway, RoundTrips } from '../../db/gateway';
import { badInput } from '../../errors';
import { ENTITY_TYPES } from '../../vocabulary';
import { SERIES_LINKS_OF_SPEAKER } from '../analytics/series-links.cypher';
import { parseId } from '../ids';
import { entityStatementIds, stampStatements } from '../live/live.repository';
import * as Q from './merge.cypher';
import { editTime, recordEdit } from './edit.repository';
import type { Edit } from './edit.type';

export interface MergeOutcome {
  readonly into: string;
  /** Statements that became the same quote as another of `into`'s and went into it. */
  readonly collapsed: { readonly from: string; readonly into: string }[];
  readonly edit: Edit;
}

export async function mergeEntities(
  gateway: Neo4jGateway,
  args: { from: string; into: string; reason: string; who: string },
  trips?: RoundTrips,
  deadline?: Deadline,
): Promise<MergeOutcome> {
  const { from, into } = args;
  parseId(from, ENTITY_TYPES, 'from');
  parseId(into, ENTITY_TYPES, 'into');
  if (from === into) throw badInput(`from and into must be two entities; both are ${from}`, { argument: 'into' });
  return gateway.write(async (tx) => {
    const [pair] = await tx.run(cypher(Q.MERGE_PAIR, { from, into, types: Q.ENTITY_TYPE_NAMES }));
    if (pair?.alreadyInto) throw badInput(`from must be a live entity; ${from} was already merged into ${pair.alreadyInto as string}`, { argument: 'from' });
    if (!pair?.fromType) throw badInput(`from must be the id of an entity; no entity has the id ${from}`, { argument: 'from' });
    if (!pair.intoType) throw badInput(`into must be the id of an entity; no entity has the id ${into}`, { argument: 'into' });
    if (pair.fromType !== pair.intoType) {
      throw badInput(`from and into must be of one type; ${from} is of type ${pair.fromType as string}, ${into} of type ${pair.intoType as string}`, { argument: 'into' });
    }
    const at = editTime();
    const touched = await entityStatementIds(tx, from);
    const [moved] = await tx.run(cypher(Q.MOVE_ENTITY, { from, into, at, reason: args.reason, types: Q.MOVED_TYPES }));
    // A relationship type the move does not know would have been dropped: the write is rolled back.
    if ((moved?.unknown as number) > 0) throw new Error(`${from} has relationships of a type mergeEntities does not move; nothing was written`);
    const collapsed = (await tx.run(cypher(Q.COLLAPSE_STATEMENTS, { from, into }))).map((r) => ({ from: r.collapsed as string, into: r.into as string }));
    await tx.run(cypher(Q.REKEY_STATEMENTS, { from, into }));
    // Statements `from` said, and those collapsed into others, now have `into` as speaker.
    await tx.run(cypher(SERIES_LINKS_OF_SPEAKER, { into }));
    collapsed.sort((a, b) => a.from.localeCompare(b.from));
    const edit = await recordEdit(
      tx,
      {
        who: args.who,
        action: 'mergeEntities',
        arguments: { from, into },
        changes: [
          { field: 'mergedInto', from: [from], to: [into] },
          ...(collapsed.length > 0 ? [{ field: 'statementsCollapsed', from: collapsed.map((c) => c.from), to: collapsed.map((c) => c.into) }] : []),
        ],
        reason: args.reason,
        targets: { entities: [into, from], statements: collapsed.map((c) => c.into) },
      },
      at,
    );
    await stampStatements(tx, [...touched, ...collapsed.map((c) => c.into)]);
    return { into, collapsed, edit };
  }, trips, deadline);
}
