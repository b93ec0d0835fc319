/**
 * The Node and Entity interfaces and the five entity types. They share one shape and one
 * set of queries, so they share this folder (one folder per type would be five copies).
 * Field resolvers for relationships live in entity.resolver.ts.
 */
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { DATE_PRECISIONS, inWords, ORGANIZATION_KINDS, PLACE_KINDS, POLICY_STATUSES, type EntityType, type NodeType } from '../../vocabulary';

/** Every record a resolver returns carries its GraphQL type name: interfaces resolve their types by it (src/schema.ts). */
export interface Typed {
  readonly __typename: NodeType;
}

@InterfaceType({
  description: 'Anything with a stable id of the form `<type>:<slug>`.',
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A date as the article gives it: its words, and the calendar date where certain.' })
export class DateInfo {
  @Field(() => String, { nullable: true, description: 'ISO date; the first day of the week, month or year for coarser precisions.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'The words of the text: "Monday", "next week".' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: `${inWords(DATE_PRECISIONS)}.` })
  precision!: string | null;
}

@InterfaceType({
  implements: Node,
  description: 'A person, organization, place, policy or event that statements are made by or about.',
})
export abstract class Entity extends Node {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'Other names the articles use: "Waltz", "National Security Adviser Mike Waltz".' })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;
}

export interface EntityRecord extends Typed {
  readonly __typename: EntityType;
  readonly id: string;
  readonly name: string;
  readonly aliases: string[];
  readonly description: string | null;
  readonly kind: string | null;
  readonly status: string | null;
  readonly date: DateInfo | null;
  /** Statements made by the entity; for ordering "most quoted". */
  readonly statementCount?: number;
  /** A person's roles, when the query that found the person brought them along. */
  readonly roles?: readonly RoleRow[];
}

@ObjectType({ implements: [Node, Entity] })
export class Person extends Entity {}

@ObjectType({ description: 'A position a person holds or held, with when, where the article or a public record says.' })
export class Role {
  @Field()
  title!: string;

  /** The article calls the role former (former is then true while no end date says otherwise). */
  calledFormer!: boolean;

  @Field(() => DateInfo, { nullable: true, description: 'When the person took the role; null when unknown.' })
  start!: DateInfo | null;

  @Field(() => DateInfo, { nullable: true, description: 'The last day the role was held; null while held or when unknown.' })
  end!: DateInfo | null;

  organizationId!: string | null;
  placeId!: string | null;
}

@ObjectType({ implements: [Node, Entity] })
export class Organization extends Entity {
  @Field(() => String, { description: `${inWords(ORGANIZATION_KINDS)}.` })
  kind!: string;
}

@ObjectType({ implements: [Node, Entity] })
export class Place extends Entity {
  @Field(() => String, { description: `${inWords(PLACE_KINDS)}.` })
  kind!: string;
}

@ObjectType({ implements: [Node, Entity] })
export class Policy extends Entity {
  @Field(() => String, { description: `${inWords(POLICY_STATUSES)}, as of the latest article.` })
  status!: string;

  @Field(() => DateInfo, { nullable: true })
  date!: DateInfo | null;
}

@ObjectType({ implements: [Node, Entity] })
export class Event extends Entity {
  @Field(() => DateInfo, { nullable: true })
  date!: DateInfo | null;
}

/** The fields beyond `id` and `name` (`kind`, `status` and `date` belong to some types only). */
export const ENTITY_EXTRA_FIELDS = ['aliases', 'description', 'kind', 'status', 'date'] as const;
export type EntityExtraField = (typeof ENTITY_EXTRA_FIELDS)[number];

/**
 * An entity brought along with statements without the fields the selection did not ask
 * for (statement.cypher.ts): most listings show a speaker's id and name only. Each missing
 * field loads the whole entity when it is reached anyway (entity.resolver.ts), and a header
 * is never filed in the entity loader, which promises whole records.
 */
export type EntityHeader = Omit<EntityRecord, EntityExtraField> & Partial<Pick<EntityRecord, EntityExtraField>>;

/** Whether the entity carries every field; `aliases` is never null in a whole record. */
export const isWholeEntity = (entity: EntityHeader): entity is EntityRecord => entity.aliases !== undefined;

/** A role as the roles query returns it: with its organization and place. */
export type RoleRow = Role & { readonly organization: EntityRecord | null; readonly place: EntityRecord | null };
