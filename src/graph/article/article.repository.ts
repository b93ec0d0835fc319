import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import { toConnection, type Connection, type Position } from '../connection';
import { valueById } from '../loader';
import type { EntityRecord } from '../entity/entity.type';
import * as Q from './article.cypher';
import type { ArticleRecord, ArticleRevisionRecord } from './article.type';

export async function articlesById(db: Db, ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
  return valueById(await db.read(cypher(Q.ARTICLES_BY_ID, { ids })), 'article');
}

/** Each article's publisher; an article without one is not in the map. */
export async function publishers(db: Db, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  return valueById(await db.read(cypher(Q.PUBLISHERS, { ids })), 'publisher');
}

export async function revisions(db: Db, ids: readonly string[]): Promise<Map<string, ArticleRevisionRecord[]>> {
  return valueById(await db.read(cypher(Q.REVISIONS, { ids })), 'revisions');
}

export async function mentions(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  return valueById(await db.read(cypher(Q.MENTIONS, { ids })), 'entities');
}

export async function articlePage(db: Db, first: number, after: Position | null): Promise<Connection<ArticleRecord>> {
  const rows = await db.read(
    cypher(Q.ARTICLE_PAGE, {
      afterPublished: after === null ? null : String(after[0]),
      afterId: after === null ? null : after[1],
      limit: first + 1,
    }),
  );
  return toConnection(
    'Article',
    rows.map((r) => r.article as ArticleRecord),
    first,
    (a) => [a.publishedAt ?? '', a.id],
    async () => (await db.read(cypher(Q.ARTICLE_COUNT)))[0]?.n as number,
  );
}
