/**
 * The Cypher texts of corrections and retractions. Each mutation runs its reads and writes
 * in one write transaction (src/graph/editorial/*.ts), so what it checked is what it changes.
 */
import { seriesLinksOf } from '../analytics/series-links.cypher';
import { articleById, statementById } from './retired.cypher';

/** A statement as a correction sees it, retracted or not, with every article it appears in. */
export const STATEMENT_FOR_CORRECTION = `
${statementById('$id', '')}
RETURN s:RetractedStatement AS retracted, s.kind AS kind, s.text AS text, s.venue AS venue,
  [(s)<-[:SAID]-(e:Entity) | e.id][0] AS speaker,
  [(s)-[r:ABOUT]->(e:Entity) | [r.ordinal, e.id]] AS about,
  [(s)-[r:REPORTED_BY]->(e:Organization) | [r.ordinal, e.id]] AS reportedBy,
  [(s)-[:QUOTED_IN]->(o) | o.id][0] AS quotedIn,
  [(s)-[r:APPEARS_IN]->(a:Article) | {id: a.id, title: a.title, text: a.text, start: r.start, end: r.end}] AS evidence`;

/** Whether `$quotedIn` is a live statement sharing an article with `$id`. */
export const QUOTED_IN_TARGET = `
OPTIONAL MATCH (o:Statement {id: $quotedIn})
RETURN o IS NOT NULL AS exists,
  o IS NOT NULL AND EXISTS { (o)-[:APPEARS_IN]->(:Article)<-[:APPEARS_IN]-(:Statement {id: $id}) } AS sameArticle`;

/** Another statement with this quote key, which a correction would make a duplicate of. */
export const QUOTE_KEY_HOLDER = `
MATCH (o:Statement {quoteKey: $quoteKey})
WHERE o.id <> $id
RETURN o.id AS id LIMIT 1`;

/** Sets a statement's corrected fields and replaces its links with the corrected ones (their series copies too: series-links.cypher.ts). */
export const APPLY_CORRECTION = `
MATCH (s:Statement {id: $id})
SET s.kind = $kind, s.venue = $venue, s.quoteKey = $quoteKey
WITH s
CALL (s) { MATCH (s)<-[old:SAID]-() DELETE old }
CALL (s) { MATCH (s)-[old:ABOUT|REPORTED_BY|QUOTED_IN]->() DELETE old }
CALL (s) { MATCH (e:Entity {id: $speaker}) MERGE (e)-[:SAID]->(s) }
CALL (s) {
  UNWIND range(0, size($about) - 1) AS i
  MATCH (e:Entity {id: $about[i]})
  MERGE (s)-[r:ABOUT]->(e) SET r.ordinal = i
}
CALL (s) {
  UNWIND range(0, size($reportedBy) - 1) AS i
  MATCH (e:Organization {id: $reportedBy[i]})
  MERGE (s)-[r:REPORTED_BY]->(e) SET r.ordinal = i
}
CALL (s) { MATCH (o:Statement {id: $quotedIn}) MERGE (s)-[:QUOTED_IN]->(o) }
${seriesLinksOf('s')}
RETURN s.id AS id`;

/** An article's state: live, retracted, or absent (no row). */
export const ARTICLE_STATE = `
${articleById('$id', '')}
RETURN a:RetractedArticle AS retracted`;

/**
 * The article leaves the live graph, and with it every statement it was the last live
 * evidence of (whose ABOUT links then carry no day for series); both keep why and when. Returns the statements retracted with it.
 */
export const RETRACT_ARTICLE = `
MATCH (a:Article {id: $id})
REMOVE a:Article
SET a:RetractedArticle, a.retractedAt = $at, a.retractedReason = $reason
WITH a
CALL (a) {
  MATCH (s:Statement)-[:APPEARS_IN]->(a)
  WHERE NOT EXISTS { (s)-[:APPEARS_IN]->(:Article) }
  REMOVE s:Statement
  SET s:RetractedStatement, s.retractedAt = $at, s.retractedReason = $reason
  WITH s
  ${seriesLinksOf('s')}
  RETURN collect(s.id) AS statements
}
RETURN statements`;

/** The article and every statement retracted with it (they have no other evidence) come back. */
export const RESTORE_ARTICLE = `
MATCH (a:RetractedArticle {id: $id})
REMOVE a:RetractedArticle, a.retractedAt, a.retractedReason
SET a:Article
WITH a
CALL (a) {
  MATCH (s:RetractedStatement)-[:APPEARS_IN]->(a)
  REMOVE s:RetractedStatement, s.retractedAt, s.retractedReason
  SET s:Statement
  WITH s
  ${seriesLinksOf('s')}
  RETURN collect(s.id) AS statements
}
RETURN statements`;
