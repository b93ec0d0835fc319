/** Every Cypher text for articles. */
import { articleById, retractionOf } from '../editorial/retired.cypher';

const ARTICLE_FIELDS = `
  __typename: 'Article', id: a.id, title: a.title, url: a.url, publishedAt: a.publishedAt,
  publisherId: [(a)-[:PUBLISHED_BY]->(p:Organization) | p.id][0],
  retracted: ${retractionOf('a', 'RetractedArticle')}`;

export const ARTICLE_PROJECTION = `{${ARTICLE_FIELDS}, text: a.text\n}`;

/**
 * An article without its text, for queries that bring articles along: the text is the
 * largest value in the graph (kilobytes, against a few bytes for a statement's other
 * details), so it comes only when the client selected it.
 */
export const ARTICLE_HEADER_PROJECTION = `{${ARTICLE_FIELDS}\n}`;

export const ARTICLES_BY_ID = `
UNWIND $ids AS id
${articleById('id', 'id')}
RETURN id, ${ARTICLE_PROJECTION} AS article`;

/**
 * Newest first; ties (and undated articles, last) by id. `publishedKey` is publishedAt, or
 * '' when undated, written by ingest and indexed: the range on it lets Neo4j read a page
 * off the index in order instead of sorting every article per page.
 */
export const ARTICLE_PAGE = `
MATCH (a:Article)
WHERE a.publishedKey <= coalesce($afterPublished, '\uffff')
  AND ($afterId IS NULL OR a.publishedKey < $afterPublished OR a.id > $afterId)
WITH a ORDER BY a.publishedKey DESC, a.id LIMIT toInteger($limit)
RETURN ${ARTICLE_PROJECTION} AS article`;

export const ARTICLE_COUNT = `MATCH (a:Article) RETURN count(a) AS n`;

/** Each article's earlier texts, oldest first (ingest keeps one when a document replaces the text: src/ingest/plan.ts). */
export const REVISIONS = `
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_REVISION]->(r:ArticleRevision)
WITH id, r ORDER BY r.number
RETURN id, collect(r {.number, .title, .text, .url, .publishedAt, .publisher, .replacedAt}) AS revisions`;

export const MENTIONS = `
UNWIND $ids AS id
MATCH (a:Article {id: id})-[:MENTIONS]->(e:Entity)
WITH id, e ORDER BY e.name, e.id
RETURN id, collect(e.id) AS entities`;
