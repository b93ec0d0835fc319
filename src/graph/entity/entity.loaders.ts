import type DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { idLoader } from '../loader';
import { RELATIONS, type Relation } from './entity.cypher';
import * as repo from './entity.repository';
import type { EntityRecord, Role } from './entity.type';

export interface EntityLoaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  readonly roles: DataLoader<string, Role[]>;
  readonly related: Readonly<Record<Relation, DataLoader<string, EntityRecord[]>>>;
}

export function createEntityLoaders(db: Db): EntityLoaders {
  const related = Object.fromEntries(
    (Object.keys(RELATIONS) as Relation[]).map((relation) => [relation, idLoader((ids) => repo.related(db, relation, ids), [])]),
  ) as Record<Relation, DataLoader<string, EntityRecord[]>>;
  return {
    entity: idLoader<EntityRecord | null>((ids) => repo.entitiesById(db, ids), null),
    roles: idLoader((ids) => repo.rolesByPerson(db, ids), []),
    related,
  };
}
