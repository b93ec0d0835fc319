import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../enum';
import { Statement, type StatementHeader } from '../statement/statement.type';

export const StatementChangeKind = graphqlEnum(
  ['CREATED', 'UPDATED', 'RETRACTED'] as const,
  'StatementChangeKind',
  'CREATED: new since the sequence the subscription started after; UPDATED: changed (corrected, its speaker merged, evidence gained or lost, its article restored); RETRACTED: taken out of the live graph with its article.',
);
export type StatementChangeKind = keyof typeof StatementChangeKind;

/** One change as the feed delivers it: the statement as it is at its latest sequence. */
export interface StatementChangeRecord {
  readonly sequence: string;
  readonly change: StatementChangeKind;
  readonly statement: StatementHeader;
}

@ObjectType({ description: 'A statement as a write left it, with the sequence of that write.' })
export class StatementChange {
  @Field({ description: 'Where this change stands in commit order: pass it as afterSequence to resume after it.' })
  sequence!: string;

  @Field(() => StatementChangeKind)
  change!: StatementChangeKind;

  @Field(() => Statement)
  statement!: StatementHeader;
}
