import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../enum';
import { Statement, type StatementHeader } from '../statement/statement.type';

export const StatementChangeKind = graphqlEnum(
  ['CREATED', 'UPDATED', 'RETRACTED', 'DELETED'] as const,
  'StatementChangeKind',
  'CREATED: new since the sequence the subscription started after; UPDATED: changed (corrected, its speaker merged, evidence gained or lost, its article restored); RETRACTED: taken out of the live graph with its article; DELETED: gone from the graph (its article re-ingested without it, or merged into an identical statement), so `statement` is null and `statementId` names it. A DELETED change reaches every subscription whatever its filter: what the filter would have looked at went with the statement.',
);
export type StatementChangeKind = keyof typeof StatementChangeKind;

/** One change as the feed delivers it: the statement as it is at its latest sequence. */
export interface StatementChangeRecord {
  readonly sequence: string;
  readonly change: StatementChangeKind;
  /** Null when DELETED; `deletedId` then names it. */
  readonly statement: StatementHeader | null;
  readonly deletedId?: string;
}

@ObjectType({ description: 'A statement as a write left it, with the sequence of that write.' })
export class StatementChange {
  @Field({ description: 'Where this change stands in commit order: pass it as afterSequence to resume after it.' })
  sequence!: string;

  @Field(() => StatementChangeKind)
  change!: StatementChangeKind;

  /** Resolved by LiveResolver from `statement` or `deletedId`. */
  @Field(() => ID, { description: 'The id of the statement changed; for a DELETED one, all that is left of it.' })
  statementId!: string;

  @Field(() => Statement, { nullable: true, description: 'The statement as the change left it; null when it was DELETED.' })
  statement!: StatementHeader | null;
}
