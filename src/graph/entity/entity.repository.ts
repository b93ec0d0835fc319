import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import { toConnection, type Connection } from '../connection';
import { valueById } from '../loader';
import * as Q from './entity.cypher';
import type { EntityRecord, RoleRow } from './entity.type';
import type { ExternalIdentifier } from './identifier.type';
import { identifierKey, type EntityType, type IdentifierScheme } from '../../vocabulary';

export async function entitiesById(db: Db, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  return valueById(await db.read(cypher(Q.ENTITIES_BY_ID, { ids })), 'entity');
}

/** Entities by id, people with their roles (RoleRow, with organization and place). */
export async function entitiesWithRolesById(db: Db, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  return valueById(await db.read(cypher(Q.ENTITIES_WITH_ROLES_BY_ID, { ids })), 'entity');
}

/** Roles as read: their organization and place come along, to prime the entity loader. */
export async function rolesByPerson(db: Db, ids: readonly string[]): Promise<Map<string, RoleRow[]>> {
  return valueById(await db.read(cypher(Q.ROLES_BY_PERSON, { ids })), 'roles');
}

export async function related(db: Db, relation: Q.Relation, ids: readonly string[]): Promise<Map<string, EntityRecord[]>> {
  return valueById(await db.read(cypher(Q.RELATED[relation], { ids })), 'entities');
}

export async function listByLabel(db: Db, label: EntityType, first: number, after: string | null): Promise<Connection<EntityRecord>> {
  const rows = await db.read(cypher(Q.LIST_BY_LABEL[label], { after, limit: first + 1 }));
  return toConnection(
    label,
    rows.map((r) => r.entity as EntityRecord),
    first,
    (e) => [e.id, e.id],
    async () => (await db.read(cypher(Q.COUNT_BY_LABEL[label])))[0]?.n as number,
  );
}

export async function peopleByStatementCount(
  db: Db,
  first: number,
  after: readonly [string | number, string] | null,
): Promise<Connection<EntityRecord>> {
  const rows = await db.read(
    cypher(Q.PEOPLE_BY_STATEMENT_COUNT, {
      afterCount: after === null ? null : Number(after[0]),
      afterId: after === null ? null : after[1],
      limit: first + 1,
    }),
  );
  return toConnection(
    'PersonByStatements',
    rows.map((r) => r.entity as EntityRecord),
    first,
    (e) => [e.statementCount ?? 0, e.id],
    async () => (await db.read(cypher(Q.COUNT_BY_LABEL.Person)))[0]?.n as number,
  );
}

export async function identifiersByEntity(db: Db, ids: readonly string[]): Promise<Map<string, ExternalIdentifier[]>> {
  return valueById(await db.read(cypher(Q.IDENTIFIERS_BY_ENTITY, { ids })), 'identifiers');
}

export async function entityByIdentifier(db: Db, scheme: IdentifierScheme, value: string): Promise<EntityRecord | null> {
  const [row] = await db.read(cypher(Q.ENTITY_BY_IDENTIFIER, { key: identifierKey(scheme, value) }));
  return (row?.entity as EntityRecord | undefined) ?? null;
}
