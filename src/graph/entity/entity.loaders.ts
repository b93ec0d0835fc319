import type DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { idLoader, madeOnUse, makersByName, type Makers } from '../loader';
import { RELATIONS, type Relation } from './entity.cypher';
import * as repo from './entity.repository';
import { isWholeEntity, type EntityHeader, type EntityRecord, type Role, type RoleRow } from './entity.type';
import type { ExternalIdentifier } from './identifier.type';

export interface EntityLoaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  /** `entity`, a person with their roles brought along (and filed in `roles`), for a selection that asks for them. */
  readonly entityWithRoles: DataLoader<string, EntityRecord | null>;
  readonly roles: DataLoader<string, Role[]>;
  readonly identifiers: DataLoader<string, ExternalIdentifier[]>;
  readonly related: Readonly<Record<Relation, DataLoader<string, EntityRecord[]>>>;
}

type RelatedLoaders = Readonly<Record<Relation, DataLoader<string, EntityRecord[]>>>;

const relatedLoaders = madeOnUse<RelatedLoaders, Db>(
  makersByName(Object.keys(RELATIONS) as Relation[], (relation, db: Db) => idLoader((ids) => repo.related(db, relation, ids), [])),
);

/** A request's entity loaders, each made when first used (context.ts); roles and entities with roles file what they bring in `entity` and `roles`. */
export const ENTITY_LOADERS: Makers<EntityLoaders, Db> = {
  entity: (db) => idLoader<EntityRecord | null>((ids) => repo.entitiesById(db, ids), null),
  roles: (db, loaders) =>
    idLoader<Role[]>(async (ids) => {
      const rows = await repo.rolesByPerson(db, ids);
      for (const role of [...rows.values()].flat()) primeEntities(loaders.entity, [role.organization, role.place]);
      return new Map([...rows].map(([id, list]) => [id, list.map(toRole)]));
    }, []),
  entityWithRoles: (db, loaders) =>
    idLoader<EntityRecord | null>(async (ids) => {
      const found = await repo.entitiesWithRolesById(db, ids);
      for (const e of found.values()) {
        loaders.entity.prime(e.id, e);
        if (e.__typename === 'Person') primeRoles(loaders, e.id, e.roles ?? []);
      }
      return found;
    }, null),
  identifiers: (db) => idLoader<ExternalIdentifier[]>((ids) => repo.identifiersByEntity(db, ids), []),
  related: relatedLoaders,
};

const toRole = ({ title, calledFormer, start, end, organizationId, placeId }: RoleRow): Role => ({ title, calledFormer, start, end, organizationId, placeId });

/** Roles that arrived with another answer (a statement's speaker), and the entities they name. */
export function primeRoles(loaders: Pick<EntityLoaders, 'entity' | 'roles'>, person: string, rows: readonly RoleRow[]): void {
  for (const role of rows) primeEntities(loaders.entity, [role.organization, role.place]);
  loaders.roles.prime(person, rows.map(toRole));
}

/**
 * Entities that arrived with another answer need no trip of their own later in the
 * request. Headers are left out: the loader promises whole records.
 */
export function primeEntities(loader: DataLoader<string, EntityRecord | null>, entities: readonly (EntityHeader | null)[]): void {
  for (const e of entities) if (e !== null && isWholeEntity(e)) loader.prime(e.id, e);
}
