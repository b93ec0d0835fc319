import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import { toConnection, type Connection, type Position } from '../connection';
import * as Q from './article.cypher';
import type { ArticleRecord } from './article.type';

export async function articlesById(db: Db, ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
  const rows = await db.read(cypher(Q.ARTICLES_BY_ID, { ids }));
  return new Map(rows.map((r) => [r.id as string, r.article as ArticleRecord]));
}

export async function mentions(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db.read(cypher(Q.MENTIONS, { ids }));
  return new Map(rows.map((r) => [r.id as string, r.entities as string[]]));
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
