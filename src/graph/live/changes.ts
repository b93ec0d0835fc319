/**
 * Opening `statementChanges`: the checks a subscription passes before it is accepted (so a
 * bad one is refused at subscribe time, as a query would be), and the stream it then gets.
 */
import { GraphQLError } from 'graphql';
import type { Context } from '../../context';
import { badInput } from '../../errors';
import { filterParams } from '../statement/statement.cypher';
import { checkStatementFilter } from '../statement/statement.fetch';
import { requireKnownIds } from '../statement/statement.repository';
import type { StatementFilter } from '../statement/statement.type';
import type { StatementFeed } from './feed';
import { ChangeStream, sequenceLost } from './stream';

/**
 * A subscription's context (src/http/subscriptions.ts makes it): the process's feed, and a
 * request context that `renew` makes afresh for each change, so no change is answered from
 * another's loaders or response budget.
 */
export interface LiveContext extends Context {
  readonly live: StatementFeed;
  renew(): void;
  readonly log: (entry: Record<string, unknown>) => void;
}

const isLive = (ctx: Context): ctx is LiveContext => (ctx as Partial<LiveContext>).live !== undefined;

/** A sequence as clients pass it back: a decimal number no larger than the last handed out (`current`). */
export function parseSequence(value: string, current: number): number {
  if (!/^\d{1,15}$/.test(value)) throw badInput(`afterSequence must be a sequence as a change gave it (decimal digits); received ${JSON.stringify(value.slice(0, 40))}`, { argument: 'afterSequence' });
  const sequence = Number(value);
  if (sequence > current) throw badInput(`afterSequence must be a sequence already handed out; the last is ${current}, received ${sequence}`, { argument: 'afterSequence' });
  return sequence;
}

export async function openChanges(ctx: Context, args: { filter?: StatementFilter | null; afterSequence?: string | null }): Promise<ChangeStream> {
  if (!isLive(ctx)) {
    throw new GraphQLError('statementChanges is served over a WebSocket at /graphql (the graphql-transport-ws protocol of graphql-ws), not over HTTP.', {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  const filter = checkStatementFilter(args.filter);
  await requireKnownIds(ctx.db, filter);
  // Read before the counter, so a reset in between ends the stream rather than passing unseen.
  const generation = ctx.live.generation;
  const { sequence: current, prunedUpTo } = await ctx.live.current();
  const after = args.afterSequence === null || args.afterSequence === undefined ? current : parseSequence(args.afterSequence, current);
  if (after < prunedUpTo) throw sequenceLost('DELETIONS_PRUNED', after, prunedUpTo);
  return new ChangeStream(ctx.live, { filter, filterKey: JSON.stringify(filterParams(filter)), after, generation, onChange: () => ctx.renew(), retryMs: 250, log: ctx.log });
}
