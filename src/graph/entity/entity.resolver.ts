/**
 * Thin resolvers for the five entity types: arguments are checked, then everything goes
 * through the request's loaders or the repository. The Entity interface's relationship
 * fields are resolved once here for every implementing type.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root, registerEnumType, type ClassType } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, ConnectionType, decodeCursor, pageSize, type Connection } from '../connection';
import { parseId } from '../ids';
import { ENTITY_TYPES, type EntityType } from '../../vocabulary';
import { fieldOrWhole } from '../loader';
import { selectedPaths } from '../lookahead';
import { anchoredStatements } from '../statement/statement.fetch';
import { StatementConnection, type StatementHeader } from '../statement/statement.type';
import type { Relation } from './entity.cypher';
import * as repo from './entity.repository';
import { isFormer, today } from './role-time';
import { DateInfo, Entity, Event, Organization, Person, Place, Policy, Role, type EntityHeader, type EntityRecord, type RoleRow } from './entity.type';

@ObjectType()
export class PersonConnection extends ConnectionType('Person', Person) {}
@ObjectType()
export class OrganizationConnection extends ConnectionType('Organization', Organization) {}
@ObjectType()
export class PlaceConnection extends ConnectionType('Place', Place) {}
@ObjectType()
export class PolicyConnection extends ConnectionType('Policy', Policy) {}
@ObjectType()
export class EventConnection extends ConnectionType('Event', Event) {}

export enum PersonOrder {
  ID = 'ID',
  STATEMENT_COUNT = 'STATEMENT_COUNT',
}
registerEnumType(PersonOrder, {
  name: 'PersonOrder',
  description: 'ID: by id. STATEMENT_COUNT: most quoted first ("most quoted" dashboards), ties by id.',
});

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver()
  aliases(@Root() entity: EntityHeader, @Ctx() ctx: Context): string[] | Promise<string[]> {
    return fieldOrWhole(entity, 'aliases', ctx.loaders.entity, 'entity');
  }

  @FieldResolver()
  description(@Root() entity: EntityHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(entity, 'description', ctx.loaders.entity, 'entity');
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements made BY this entity, in article order.' })
  statements(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
  ): Promise<Connection<StatementHeader>> {
    return anchoredStatements(ctx, info, 'said', entity.id, first, after);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements ABOUT this entity, in article order.' })
  mentionedIn(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
  ): Promise<Connection<StatementHeader>> {
    return anchoredStatements(ctx, info, 'about', entity.id, first, after);
  }

  @Query(() => Entity, { nullable: true, description: 'Any entity by id; null when no entity has it.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRecord | null> {
    parseId(id, ENTITY_TYPES);
    return entityLoader(ctx, info).load(id);
  }
}

/** A person looked up with their roles in the selection brings the roles along: one trip, not two. */
const entityLoader = (ctx: Context, info: GraphQLResolveInfo): Context['loaders']['entity'] =>
  selectedPaths(info).has('roles') ? ctx.loaders.entityWithRoles : ctx.loaders.entity;

const relatedField = (ctx: Context, relation: Relation, id: string): Promise<EntityRecord[]> => ctx.loaders.related[relation].load(id);

/** Order and causation, shared by policies and events (both can start or follow a chain). */
function sequenceFields<T extends object>(Type: ClassType<T>, Base: ClassType) {
  @Resolver(() => Type)
  class SequenceFields extends Base {
    @FieldResolver(() => [Entity], { description: 'Events and policies that came right before it.' })
    precededBy(@Root() node: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
      return relatedField(ctx, 'followed', node.id);
    }

    @FieldResolver(() => [Entity], { description: 'Events and policies that came right after it.' })
    followedBy(@Root() node: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
      return relatedField(ctx, 'preceded', node.id);
    }

    @FieldResolver(() => [Entity], { description: 'Events and policies that led to it.' })
    causedBy(@Root() node: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
      return relatedField(ctx, 'ledFrom', node.id);
    }

    @FieldResolver(() => [Entity], { description: 'Events and policies it led to.' })
    ledTo(@Root() node: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
      return relatedField(ctx, 'ledTo', node.id);
    }
  }
  return SequenceFields;
}

/**
 * `<type>(id)` and `<types>(first, after)` for one entity type. The five types differ only
 * in names, so one factory makes their root fields.
 */
function entityRootFields<T extends object>(Type: ClassType<T>, Conn: ClassType, label: EntityType, single: string, plural: string | null) {
  @Resolver(() => Type)
  class RootFields {
    @Query(() => Type, { name: single, nullable: true, description: `The ${label} with this id; null when there is none.` })
    async byId(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRecord | null> {
      parseId(id, [label]);
      const entity = await entityLoader(ctx, info).load(id);
      return entity?.__typename === label ? entity : null;
    }
  }
  if (plural === null) return RootFields;
  const listName = plural;

  @Resolver(() => Type)
  class ListFields extends RootFields {
    @Query(() => Conn, { name: listName, description: `Every ${label}, by id.` })
    list(
      @Ctx() ctx: Context,
      @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    ): Promise<Connection<EntityRecord>> {
      const size = pageSize(first);
      const position = decodeCursor(label, after);
      return repo.listByLabel(ctx.db, label, size, position === null ? null : String(position[1]));
    }
  }
  return ListFields;
}

@Resolver(() => Person)
export class PersonResolver extends entityRootFields(Person, PersonConnection, 'Person', 'person', null) {
  @FieldResolver(() => [Role], { description: 'Positions held, as of the article; former ones flagged.' })
  roles(@Root() person: EntityRecord, @Ctx() ctx: Context): readonly Role[] | Promise<readonly Role[]> {
    // Roles a statement's speaker brought along carry their organization and place too.
    return person.roles ?? ctx.loaders.roles.load(person.id);
  }

  @FieldResolver(() => [Event], { description: 'Events the person took part in.' })
  events(@Root() person: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    return relatedField(ctx, 'participatedIn', person.id);
  }

  @Query(() => PersonConnection, { description: 'People by id, or most quoted first with orderBy: STATEMENT_COUNT.' })
  people(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    @Arg('orderBy', () => PersonOrder, { nullable: true, defaultValue: PersonOrder.ID }) orderBy?: PersonOrder,
  ): Promise<Connection<EntityRecord>> {
    const size = pageSize(first);
    if (orderBy === PersonOrder.STATEMENT_COUNT) {
      return repo.peopleByStatementCount(ctx.db, size, decodeCursor('PersonByStatements', after));
    }
    const position = decodeCursor('Person', after);
    return repo.listByLabel(ctx.db, 'Person', size, position === null ? null : String(position[1]));
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Boolean, { description: 'True once its end date has passed; for a role without an end date, when the article calls it former.' })
  // Readonly<Role>, not the class: type-graphql would copy a root typed as a class into a new instance on every call (src/direct-resolvers.ts).
  former(@Root() role: Readonly<Role>): boolean {
    return isFormer(role, today());
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() role: Role | RoleRow, @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord | null> | null {
    if ('organization' in role) return role.organization;
    return role.organizationId === null ? null : ctx.loaders.entity.load(role.organizationId);
  }

  @FieldResolver(() => Place, { nullable: true })
  place(@Root() role: Role | RoleRow, @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord | null> | null {
    if ('place' in role) return role.place;
    return role.placeId === null ? null : ctx.loaders.entity.load(role.placeId);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver extends entityRootFields(Organization, OrganizationConnection, 'Organization', 'organization', 'organizations') {
  @FieldResolver()
  kind(@Root() org: EntityHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(org, 'kind', ctx.loaders.entity, 'entity');
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The country or place it belongs to.' })
  async place(@Root() org: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return (await relatedField(ctx, 'organizationPlace', org.id))[0] ?? null;
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements this outlet reported, in article order.' })
  reported(
    @Root() org: EntityRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
  ): Promise<Connection<StatementHeader>> {
    return anchoredStatements(ctx, info, 'reportedBy', org.id, first, after);
  }
}

@Resolver(() => Place)
export class PlaceResolver extends entityRootFields(Place, PlaceConnection, 'Place', 'place', 'places') {
  @FieldResolver()
  kind(@Root() place: EntityHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(place, 'kind', ctx.loaders.entity, 'entity');
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The larger place it lies in.' })
  async partOf(@Root() place: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return (await relatedField(ctx, 'placePartOf', place.id))[0] ?? null;
  }
}

@Resolver(() => Policy)
export class PolicyResolver extends sequenceFields(Policy, entityRootFields(Policy, PolicyConnection, 'Policy', 'policy', 'policies')) {
  @FieldResolver()
  status(@Root() policy: EntityHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(policy, 'status', ctx.loaders.entity, 'entity');
  }

  @FieldResolver(() => DateInfo, { nullable: true })
  date(@Root() policy: EntityHeader, @Ctx() ctx: Context): DateInfo | null | Promise<DateInfo | null> {
    return fieldOrWhole(policy, 'date', ctx.loaders.entity, 'entity');
  }

  @FieldResolver(() => [Entity], { description: 'Who imposed or proposes it.' })
  actors(@Root() policy: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    return relatedField(ctx, 'policyActors', policy.id);
  }

  @FieldResolver(() => [Entity], { description: 'Whom it applies to.' })
  targets(@Root() policy: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    return relatedField(ctx, 'policyTargets', policy.id);
  }
}

@Resolver(() => Event)
export class EventResolver extends sequenceFields(Event, entityRootFields(Event, EventConnection, 'Event', 'event', 'events')) {
  @FieldResolver(() => DateInfo, { nullable: true })
  date(@Root() event: EntityHeader, @Ctx() ctx: Context): DateInfo | null | Promise<DateInfo | null> {
    return fieldOrWhole(event, 'date', ctx.loaders.entity, 'entity');
  }

  @FieldResolver(() => [Entity], { description: 'People, organizations and places that took part.' })
  participants(@Root() event: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    return relatedField(ctx, 'eventParticipants', event.id);
  }

  @FieldResolver(() => Place, { nullable: true })
  async place(@Root() event: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return (await relatedField(ctx, 'eventPlace', event.id))[0] ?? null;
  }
}
