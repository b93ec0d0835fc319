/** Every Cypher text for articles. */
import { ENTITY_PROJECTION } from '../entity/entity.cypher';
import { articleById, retractionOf } from '../editorial/retired.cypher';

const ARTICLE_FIELDS = `
  __typename: 'Article', id: a.id, title: a.title, url: a.url, publishedAt: a.publishedAt,
  retracted: ${retractionOf('a', 'RetractedArticle')}`;

/**
 * The publisher of article `a`. An article is not a dense node, so Neo4j finds its one
 * PUBLISHED_BY link by walking all its links, an APPEARS_IN for each of its statements:
 * most of what a statement by id cost Neo4j beyond the floor's query (docs/bench-findings.md,
 * "a statement by id reads its article's publisher only when asked").
 */
const PUBLISHER_ID = 'publisherId: [(a)-[:PUBLISHED_BY]->(p:Organization) | p.id][0]';

export const ARTICLE_PROJECTION = `{${ARTICLE_FIELDS},\n  ${PUBLISHER_ID}, text: a.text\n}`;

/**
 * An article as other queries bring it along: without its text, the largest value in the
 * graph (kilobytes, against a few bytes for a statement's other details), which comes only
 * when the client selected it; and without its publisher, whose link costs a walk of the
 * article's links. `Article.text` and `Article.publisher` load them when asked.
 */
export const ARTICLE_HEADER_PROJECTION = `{${ARTICLE_FIELDS}\n}`;

/**
 * An article as a statement's evidence shows it most often (a lookup's span and article):
 * its id and title. `Article.url`, `publishedAt` and `retracted` load the rest when asked
 * (ARTICLE_HEADER_FIELDS); the lookahead asks for ARTICLE_HEADER_PROJECTION when it sees them.
 */
export const ARTICLE_TITLE_PROJECTION = `{__typename: 'Article', id: a.id, title: a.title}`;

/** Each article's publisher, for articles brought along without it; an article without one has no row. */
export const PUBLISHERS = `
UNWIND $ids AS id
${articleById('id', 'id')}
CALL (a) {
  MATCH (a)-[:PUBLISHED_BY]->(e:Organization)
  RETURN e LIMIT 1
}
RETURN id, ${ENTITY_PROJECTION} AS publisher`;

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
