import type DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { badInput } from '../../errors';
import { idLoader } from '../loader';
import * as repo from './article.repository';
import type { ArticleRecord } from './article.type';

export interface ArticleLoaders {
  readonly article: DataLoader<string, ArticleRecord | null>;
  readonly mentions: DataLoader<string, string[]>;
}

/** The article with this id, which the graph links to: its absence is an error, not a null. */
export async function linkedArticle(loaders: Pick<ArticleLoaders, 'article'>, id: string): Promise<ArticleRecord> {
  const article = await loaders.article.load(id);
  if (article === null) throw badInput(`article ${id} is missing`);
  return article;
}

export function createArticleLoaders(db: Db): ArticleLoaders {
  return {
    article: idLoader<ArticleRecord | null>((ids) => repo.articlesById(db, ids), null),
    mentions: idLoader((ids) => repo.mentions(db, ids), []),
  };
}
