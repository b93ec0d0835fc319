import type DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { idLoader, type Makers } from '../loader';
import * as repo from './article.repository';
import type { ArticleRecord, ArticleRevisionRecord } from './article.type';

export interface ArticleLoaders {
  readonly article: DataLoader<string, ArticleRecord | null>;
  readonly mentions: DataLoader<string, string[]>;
  readonly revisions: DataLoader<string, ArticleRevisionRecord[]>;
}

/** A request's article loaders, each made when first used (context.ts). */
export const ARTICLE_LOADERS: Makers<ArticleLoaders, Db> = {
  article: (db) => idLoader<ArticleRecord | null>((ids) => repo.articlesById(db, ids), null),
  mentions: (db) => idLoader((ids) => repo.mentions(db, ids), []),
  revisions: (db) => idLoader((ids) => repo.revisions(db, ids), []),
};
