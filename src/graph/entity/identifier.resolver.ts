/**
 * `Entity.identifiers` and `entityByIdentifier`: thin resolvers over the entity repository.
 * A value that is not of its scheme's form is refused before anything is read.
 */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { badInput } from '../../errors';
import { identifierValueProblem, type IdentifierScheme as SchemeName } from '../../vocabulary';
import { Entity, type EntityHeader, type EntityRecord } from './entity.type';
import * as repo from './entity.repository';
import { ExternalIdentifier, IdentifierScheme } from './identifier.type';

@Resolver(() => Entity)
export class IdentifierResolver {
  @FieldResolver(() => [ExternalIdentifier], { description: 'Where the entity is known outside this graph (Wikidata, a page about it), by scheme then value; [] when no source confirmed one.' })
  identifiers(@Root() entity: EntityHeader, @Ctx() ctx: Context): Promise<ExternalIdentifier[]> {
    return ctx.loaders.identifiers.load(entity.id);
  }

  @Query(() => Entity, {
    nullable: true,
    description: 'The entity an external identifier names (entityByIdentifier(scheme: WIKIDATA, value: "Q22686")); null when none has it. A value not of its scheme\'s form is BAD_USER_INPUT.',
  })
  async entityByIdentifier(
    @Arg('scheme', () => IdentifierScheme) scheme: SchemeName,
    @Arg('value') value: string,
    @Ctx() ctx: Context,
  ): Promise<EntityRecord | null> {
    const problem = identifierValueProblem(scheme, value);
    if (problem !== null) throw badInput(`value: ${problem}`, { argument: 'value' });
    const entity = await repo.entityByIdentifier(ctx.db, scheme, value);
    if (entity !== null) ctx.loaders.entity.prime(entity.id, entity);
    return entity;
  }
}
