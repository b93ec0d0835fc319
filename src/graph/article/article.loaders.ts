import type DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { primeEntities, type EntityLoaders } from '../entity/entity.loaders';
import type { EntityRecord } from '../entity/entity.type';
import { idLoader, type Makers } from '../loader';
import * as repo from './article.repository';
import type { ArticleRecord, ArticleRevisionRecord } from './article.type';

export interface ArticleLoaders {
  readonly article: DataLoader<string, ArticleRecord | null>;
  /** Articles' publishers, for articles brought along without them (ArticleHeader). */
  readonly publisher: DataLoader<string, EntityRecord | null>;
  readonly mentions: DataLoader<string, string[]>;
  readonly revisions: DataLoader<string, ArticleRevisionRecord[]>;
}

/** A request's article loaders, each made when first used (context.ts); publishers found are filed in the entity loader. */
export const ARTICLE_LOADERS: Makers<ArticleLoaders, Db, ArticleLoaders & Pick<EntityLoaders, 'entity'>> = {
  article: (db) => idLoader<ArticleRecord | null>((ids) => repo.articlesById(db, ids), null),
  publisher: (db, loaders) =>
    idLoader<EntityRecord | null>(async (ids) => {
      const found = await repo.publishers(db, ids);
      primeEntities(loaders.entity, [...found.values()]);
      return found;
    }, null),
  mentions: (db) => idLoader((ids) => repo.mentions(db, ids), []),
  revisions: (db) => idLoader((ids) => repo.revisions(db, ids), []),
};
