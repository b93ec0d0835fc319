/**
 * `duplicateCandidates`, and `possibleDuplicates` on an ingest's result. Reads are open, and
 * this one is too: it shows nothing a client cannot read already (names and aliases), it is
 * bounded (duplicates.repository.ts MAX_COMPARED, duplicates.ts MAX_BLOCK), and its answer is
 * kept while the graph is unchanged; an editor acts on it with mergeEntities, which needs the role.
 */
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { EntityType } from '../../vocabulary';
import { pageSize } from '../connection';
import { IngestResult } from '../mutation/ingest-article.type';
import { EntityTypeName } from '../enum';
import { duplicateCandidates, type Candidate } from './duplicates';
import { namedEntities } from './duplicates.repository';

@ObjectType({ description: 'Two entities of one type that may be one, with every reason; mergeEntities makes them one.' })
export class DuplicateCandidate {
  @Field(() => ID)
  a!: string;

  @Field(() => ID)
  b!: string;

  @Field(() => [String], { description: 'e.g. "nickname: Mike Waltz / Michael Waltz", "shortened name: Fox / Fox Business".' })
  reasons!: string[];
}

@Resolver()
export class DuplicatesResolver {
  @Query(() => [DuplicateCandidate], { description: 'Likely duplicate entities that ingest did not merge, by id of the first; of one type when given.' })
  async duplicateCandidates(
    @Ctx() ctx: Context,
    @Arg('type', () => EntityTypeName, { nullable: true }) type?: EntityType | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
  ): Promise<Candidate[]> {
    const limit = pageSize(first);
    const entities = await namedEntities(ctx.db);
    return duplicateCandidates(type ? entities.filter((e) => e.type === type) : entities).slice(0, limit);
  }
}

@Resolver(() => IngestResult)
export class IngestDuplicatesResolver {
  @FieldResolver(() => [DuplicateCandidate], { description: 'Entities this ingest created that look like ones the graph had (not merged: resolution needs an exact name).' })
  async possibleDuplicates(@Root() result: IngestResult, @Ctx() ctx: Context): Promise<Candidate[]> {
    const created = new Set(result.created);
    return duplicateCandidates(await namedEntities(ctx.db), created);
  }
}
