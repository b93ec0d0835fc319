/**
 * Thin resolvers for the research network: arguments are checked against the bounds in
 * network.input.ts, then each is one repository call.
 */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { checkStatementFilter } from '../statement/statement.fetch';
import { StatementFilter } from '../statement/statement.type';
import { NETWORK, networkArgs, networkFirst } from './network.input';
import * as repo from './network.repository';
import { Network, NetworkDimension, NetworkRanking } from './network.type';

const BOUNDS = `The filter may select at most ${NETWORK.maxStatements} statements (else LIMIT_EXCEEDED, limit maxStatements); minWeight 1..${NETWORK.maxMinWeight}; a filter id that names nothing is NOT_FOUND.`;

@Resolver()
export class NetworkResolver {
  @Query(() => Network, {
    description: `Who speaks about what (ABOUT), who is carried by which outlet (REPORTED_BY) and who is quoted beside whom (CO_QUOTED), among the statements the filter selects: weighted edges with a few statements each as evidence. The heaviest \`first\` edges (1..${NETWORK.maxFirst}); \`truncated\` says when there were more. ${BOUNDS}`,
  })
  network(
    @Ctx() ctx: Context,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter,
    @Arg('by', () => [NetworkDimension], { nullable: true, description: 'Default: all three.' }) by?: NetworkDimension[],
    @Arg('minWeight', () => Int, { nullable: true, defaultValue: NETWORK.defaultMinWeight }) minWeight?: number,
    @Arg('first', () => Int, { nullable: true, defaultValue: NETWORK.defaultFirst }) first?: number,
  ): Promise<Network> {
    const args = networkArgs(by, minWeight);
    return repo.network(ctx.db, checkStatementFilter(filter), args, networkFirst(first));
  }

  @Query(() => NetworkRanking, {
    description: `Speakers and topics ranked by weighted degree and PageRank, and the communities (Louvain) of the same network \`network\` answers, computed over all of it: a network of more than ${NETWORK.maxRankedEdges} edges is LIMIT_EXCEEDED (limit maxRankedEdges), never ranked in part. ${BOUNDS}`,
  })
  networkRanking(
    @Ctx() ctx: Context,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter,
    @Arg('by', () => [NetworkDimension], { nullable: true, description: 'Default: all three.' }) by?: NetworkDimension[],
    @Arg('minWeight', () => Int, { nullable: true, defaultValue: NETWORK.defaultMinWeight }) minWeight?: number,
  ): Promise<NetworkRanking> {
    return repo.networkRanking(ctx.db, checkStatementFilter(filter), networkArgs(by, minWeight));
  }
}
