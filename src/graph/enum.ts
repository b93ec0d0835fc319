/**
 * A GraphQL enum made from one of the vocabulary's lists (src/vocabulary.ts), so the schema
 * and the code that checks documents cannot list different values.
 */
import { registerEnumType } from 'type-graphql';
import { ENTITY_TYPES } from '../vocabulary';

export function graphqlEnum<const T extends string>(values: readonly T[], name: string, description: string): { readonly [K in T]: K } {
  const members = Object.fromEntries(values.map((value) => [value, value])) as { readonly [K in T]: K };
  registerEnumType(members, { name, description });
  return members;
}

/** The five entity types, one enum for every argument and field that names one. */
export const EntityTypeName = graphqlEnum(ENTITY_TYPES, 'EntityTypeName', 'The type of an entity: Person, Organization, Place, Policy or Event.');
