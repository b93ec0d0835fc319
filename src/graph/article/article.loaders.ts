import type DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { idLoader } from '../loader';
import * as repo from './article.repository';
import type { ArticleRecord } from './article.type';

export interface ArticleLoaders {
  readonly article: DataLoader<string, ArticleRecord | null>;
  readonly mentions: DataLoader<string, string[]>;
}

export function createArticleLoaders(db: Db): ArticleLoaders {
  return {
    article: idLoader<ArticleRecord | null>((ids) => repo.articlesById(db, ids), null),
    mentions: idLoader((ids) => repo.mentions(db, ids), []),
  };
}
