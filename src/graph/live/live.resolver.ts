import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context';
import { StatementFilter } from '../statement/statement.type';
import { openChanges } from './changes';
import { currentSequence } from './live.repository';
import { StatementChange, type StatementChangeRecord } from './live.type';

@Resolver(() => StatementChange)
export class LiveResolver {
  @Subscription(() => StatementChange, {
    description:
      'New, changed or retracted statements matching the filter, and every deleted one, in commit order. Pass the last sequence you saw as afterSequence to resume without gaps or duplicates; a SEQUENCE_LOST error ends the subscription when that can no longer be promised (subscribe again without afterSequence).',
    subscribe: ({ args, context }) => openChanges(context as Context, args as { filter?: StatementFilter | null; afterSequence?: string | null }),
  })
  statementChanges(
    @Root() change: StatementChangeRecord,
    @Arg('filter', () => StatementFilter, { nullable: true }) _filter?: StatementFilter | null,
    @Arg('afterSequence', () => String, { nullable: true }) _afterSequence?: string | null,
  ): StatementChangeRecord {
    return change;
  }

  @FieldResolver(() => ID)
  statementId(@Root() change: StatementChangeRecord): string {
    return change.statement?.id ?? (change.deletedId as string);
  }

  @Query(() => String, { description: 'The sequence of the last committed statement change.' })
  statementSequence(@Ctx() ctx: Context): Promise<string> {
    return currentSequence(ctx.db).then(String);
  }
}
