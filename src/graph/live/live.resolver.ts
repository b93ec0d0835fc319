import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context';
import { StatementFilter } from '../statement/statement.type';
import { openChanges } from './changes';
import { currentSequence } from './live.repository';
import { StatementChange, type StatementChangeRecord } from './live.type';

@Resolver()
export class LiveResolver {
  @Subscription(() => StatementChange, {
    description:
      'New, changed or retracted statements matching the filter, in commit order. Pass the last sequence you saw as afterSequence to resume without gaps or duplicates.',
    subscribe: ({ args, context }) => openChanges(context as Context, args as { filter?: StatementFilter | null; afterSequence?: string | null }),
  })
  statementChanges(
    @Root() change: StatementChangeRecord,
    @Arg('filter', () => StatementFilter, { nullable: true }) _filter?: StatementFilter | null,
    @Arg('afterSequence', () => String, { nullable: true }) _afterSequence?: string | null,
  ): StatementChangeRecord {
    return change;
  }

  @Query(() => String, { description: 'The sequence of the last committed statement change.' })
  statementSequence(@Ctx() ctx: Context): Promise<string> {
    return currentSequence(ctx.db).then(String);
  }
}
