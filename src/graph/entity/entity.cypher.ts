/**
 * Every Cypher text for entities. Labels and relationship types in these texts come from
 * the fixed lists below, never from input; values travel as parameters.
 */

import { ENTITY_TYPES, type EntityType } from '../../vocabulary';
import { entityTypeOf } from '../../db/cypher';
import { entityOrMergedInto } from '../editorial/retired.cypher';

/** The GraphQL type of entity `e`: its label among the entity types. */

/** Projects entity `e` onto the EntityRecord shape. */
export const entityProjection = (e: string): string => `{
  __typename: ${entityTypeOf(e)},
  id: ${e}.id, name: ${e}.name, aliases: coalesce(${e}.aliases, []), description: ${e}.description,
  kind: ${e}.kind, status: ${e}.status,
  date: CASE WHEN ${e}.date IS NULL AND ${e}.dateText IS NULL THEN null
        ELSE {date: ${e}.date, text: ${e}.dateText, precision: ${e}.datePrecision} END
}`;

export const ENTITY_PROJECTION = entityProjection('e');

/** Entity `e` as an EntityHeader: its type, id and name. */
export const ENTITY_HEADER_PROJECTION = `{__typename: ${entityTypeOf('e')}, id: e.id, name: e.name}`;

/** A merged entity's id gives the entity it was merged into. */
export const ENTITIES_BY_ID = `
UNWIND $ids AS id
${entityOrMergedInto('id', 'id')}
RETURN id, ${ENTITY_PROJECTION} AS entity`;

/**
 * One page of a label's entities in id order, after the cursor's id. The first page is
 * "after ''": one range predicate the planner can read off the id index in order
 * (`$after IS NULL OR ...` would hide the range and sort the whole label per page).
 */
export const LIST_BY_LABEL: Readonly<Record<EntityType, string>> = Object.fromEntries(
  ENTITY_TYPES.map((label) => [
    label,
    `
MATCH (e:${label})
WHERE e.id > coalesce($after, '')
WITH e ORDER BY e.id LIMIT toInteger($limit)
RETURN ${ENTITY_PROJECTION} AS entity`,
  ]),
) as Record<EntityType, string>;

export const COUNT_BY_LABEL: Readonly<Record<EntityType, string>> = Object.fromEntries(
  ENTITY_TYPES.map((label) => [label, `MATCH (e:${label}) RETURN count(e) AS n`]),
) as Record<EntityType, string>;

/** People ordered by how many statements they made, most first; ties by id. */
export const PEOPLE_BY_STATEMENT_COUNT = `
MATCH (e:Person)
WITH e, COUNT { (e)-[:SAID]->(:Statement) } AS n
WHERE $afterCount IS NULL OR n < $afterCount OR (n = $afterCount AND e.id > $afterId)
WITH e, n ORDER BY n DESC, e.id LIMIT toInteger($limit)
WITH n, ${ENTITY_PROJECTION} AS entity
RETURN entity {.*, statementCount: n} AS entity`;

/** A role's start or end as a DateInfo; null when neither its date nor its words are known. */
const roleDate = (role: string, end: 'start' | 'end'): string =>
  `CASE WHEN ${role}.${end}Date IS NULL AND ${role}.${end}Text IS NULL THEN null
        ELSE {date: ${role}.${end}Date, text: ${role}.${end}Text, precision: ${role}.${end}Precision} END`;

/**
 * The roles of person `p` with their organization and place, so that asking for them
 * costs no further trip; an expression, so a statement's speaker can bring them along.
 */
export const rolesOf = (p: string): string => `COLLECT {
  MATCH (${p})-[role:HOLDS_ROLE]->()
  OPTIONAL MATCH (roleOrganization:Entity {id: role.organization})
  OPTIONAL MATCH (rolePlace:Entity {id: role.place})
  WITH role, roleOrganization, rolePlace ORDER BY role.ordinal, role.title
  RETURN {title: role.title, calledFormer: coalesce(role.former, false),
          start: ${roleDate('role', 'start')}, end: ${roleDate('role', 'end')},
          organizationId: role.organization, placeId: role.place,
          organization: CASE WHEN roleOrganization IS NULL THEN null ELSE ${entityProjection('roleOrganization')} END,
          place: CASE WHEN rolePlace IS NULL THEN null ELSE ${entityProjection('rolePlace')} END}
}`;

/** Entities by id, a person with their roles: for a lookup whose selection asks for the roles. */
export const ENTITIES_WITH_ROLES_BY_ID = `
UNWIND $ids AS id
${entityOrMergedInto('id', 'id')}
WITH id, e, ${ENTITY_PROJECTION} AS entity
RETURN id, entity {.*, roles: ${rolesOf('e')}} AS entity`;

export const ROLES_BY_PERSON = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, ${rolesOf('p')} AS roles`;

/** Relationships between entities a field can follow, with their direction. */
export const RELATIONS = {
  policyActors: '(a)-[:IMPOSED_BY]->(b)',
  policyTargets: '(a)-[:TARGETS]->(b)',
  eventParticipants: '(a)<-[:PARTICIPATED_IN]-(b)',
  eventPlace: '(a)-[:TOOK_PLACE_IN]->(b)',
  placePartOf: '(a)-[:PART_OF]->(b)',
  organizationPlace: '(a)-[:BASED_IN]->(b)',
  ledTo: '(a)-[:LED_TO]->(b)',
  ledFrom: '(a)<-[:LED_TO]-(b)',
  preceded: '(a)-[:PRECEDED]->(b)',
  followed: '(a)<-[:PRECEDED]-(b)',
  participatedIn: '(a)-[:PARTICIPATED_IN]->(b)',
} as const;
export type Relation = keyof typeof RELATIONS;

export const RELATED: Readonly<Record<Relation, string>> = Object.fromEntries(
  Object.entries(RELATIONS).map(([name, pattern]) => [
    name,
    `
UNWIND $ids AS id
MATCH (a:Entity {id: id})
MATCH ${pattern.replace('(b)', '(e:Entity)')}
WITH id, e ORDER BY e.name, e.id
RETURN id, collect(${ENTITY_PROJECTION}) AS entities`,
  ]),
) as Record<Relation, string>;

/** Each entity's external identifiers, by scheme then value. */
export const IDENTIFIERS_BY_ENTITY = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, COLLECT {
  MATCH (x:ExternalId)-[:IDENTIFIES]->(e)
  RETURN {scheme: x.scheme, value: x.value, url: x.url} AS identifier ORDER BY x.scheme, x.value
} AS identifiers`;

/** The entity an external identifier names (its key: vocabulary.ts identifierKey); no row when none. */
export const ENTITY_BY_IDENTIFIER = `
MATCH (:ExternalId {key: $key})-[:IDENTIFIES]->(e:Entity)
RETURN ${ENTITY_PROJECTION} AS entity`;
