/**
 * Thin resolvers for exploration and dashboards: arguments are checked against the bounds
 * in analytics.input.ts, then each operation is one repository call.
 */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { badInput } from '../../errors';
import { parseId } from '../ids';
import { ENTITY_TYPES } from '../../vocabulary';
import { checkStatementFilter } from '../statement/statement.fetch';
import { StatementFilter } from '../statement/statement.type';
import { bounded, PATHS_LIMITS, SEARCH_LIMITS, searchText, SERIES_LIMITS, TIMELINE_LIMITS } from './analytics.input';
import * as repo from './analytics.repository';
import { AttributionBucket, AttributionDimension, AttributionSeries, Interval, Path, SearchHit, TimelineItem } from './analytics.type';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [SearchHit], {
    description: `Entities, statements and articles whose names, aliases, words or titles hold any word of \`text\`, best first. The text is taken literally (Lucene operators and wildcards have no effect); at most ${SEARCH_LIMITS.maxTextLength} characters; first 1..${SEARCH_LIMITS.maxFirst}.`,
  })
  search(
    @Arg('text') text: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: SEARCH_LIMITS.defaultFirst }) first?: number,
  ): Promise<SearchHit[]> {
    return repo.search(ctx.db, searchText(text), bounded('first', first, 1, SEARCH_LIMITS.maxFirst, SEARCH_LIMITS.defaultFirst));
  }

  @Query(() => [Path], {
    description: `The shortest connections between two entities through statements, roles, places, policies and events (never through articles, nor through a hub: an entity or statement with more than ${PATHS_LIMITS.maxDegree} such relationships, though either end may be one), no node twice, shortest first, ties by the ids along the path; [] when none is within maxHops. maxHops 1..${PATHS_LIMITS.maxHops}, first 1..${PATHS_LIMITS.maxFirst}; an id that names no entity is NOT_FOUND.`,
  })
  paths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Ctx() ctx: Context,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: PATHS_LIMITS.defaultMaxHops }) maxHops?: number,
    @Arg('first', () => Int, { nullable: true, defaultValue: PATHS_LIMITS.defaultFirst }) first?: number,
  ): Promise<Path[]> {
    parseId(from, ENTITY_TYPES, 'from');
    parseId(to, ENTITY_TYPES, 'to');
    if (from === to) throw badInput(`from and to must be two different entities; received ${JSON.stringify(from)} for both`, { argument: 'to' });
    const hops = bounded('maxHops', maxHops, 1, PATHS_LIMITS.maxHops, PATHS_LIMITS.defaultMaxHops);
    return repo.paths(ctx.db, from, to, hops, bounded('first', first, 1, PATHS_LIMITS.maxFirst, PATHS_LIMITS.defaultFirst));
  }

  @Query(() => [TimelineItem], {
    description: `Events, policies and statements, oldest first (undated last), or only those involving \`entity\`: for a person, organization or place the events it took part in or that took place there, the policies it imposed or is targeted by, and the statements it made or that are about it; for a policy or event, itself and the statements about it. first 1..${TIMELINE_LIMITS.maxFirst}.`,
  })
  timeline(
    @Ctx() ctx: Context,
    @Arg('entity', () => ID, { nullable: true }) entity?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: TIMELINE_LIMITS.defaultFirst }) first?: number,
  ): Promise<TimelineItem[]> {
    const scope = entity === undefined || entity === null ? null : { id: entity, type: parseId(entity, ENTITY_TYPES, 'entity') };
    return repo.timeline(ctx.db, scope, bounded('first', first, 1, TIMELINE_LIMITS.maxFirst, TIMELINE_LIMITS.defaultFirst));
  }

  @Query(() => [AttributionBucket], {
    description: 'How many statements each speaker, topic, reporting outlet, kind or article has, among those the filter selects; most first, then by label.',
  })
  attribution(
    @Arg('groupBy', () => AttributionDimension) groupBy: AttributionDimension,
    @Ctx() ctx: Context,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter,
  ): Promise<AttributionBucket[]> {
    return repo.attribution(ctx.db, groupBy, checkStatementFilter(filter));
  }

  @Query(() => [AttributionSeries], {
    description: `Attention over time: for each of the \`top\` (1..${SERIES_LIMITS.maxTop}) largest groups of the statements the filter selects, then "other" for the rest together, a point per interval (UTC days, ISO weeks, months) with the count and its share of all the statements the filter selects in that interval. Every interval of the window (the filter's since..until, else from the first dated statement to the last) is present, 0 where there is nothing; undated statements are left out. At most ${SERIES_LIMITS.maxPoints} intervals.`,
  })
  attributionSeries(
    @Arg('groupBy', () => AttributionDimension) groupBy: AttributionDimension,
    @Arg('interval', () => Interval) interval: Interval,
    @Ctx() ctx: Context,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter,
    @Arg('top', () => Int, { nullable: true, defaultValue: SERIES_LIMITS.defaultTop }) top?: number,
  ): Promise<AttributionSeries[]> {
    return repo.attributionSeries(ctx.db, groupBy, interval, checkStatementFilter(filter), bounded('top', top, 1, SERIES_LIMITS.maxTop, SERIES_LIMITS.defaultTop));
  }
}
