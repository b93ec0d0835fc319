/**
 * What an ABOUT link carries for series. A series over one topic counts the statements about
 * it by speaker and day; read from the statements, that is the statement node and its SAID
 * chain per statement, which no query shape avoids (docs/bench-findings.md, "a series over a
 * topic reads its ABOUT links only"). So each ABOUT link `(s)-[r:ABOUT]->(topic)` keeps
 * copies of what those series ask of `s`:
 *
 * - `r.speaker`: the id of the entity that SAID `s` (null when it has none);
 * - `r.day`: `s.day` while `s` is live (a Statement), null when it is undated or retracted,
 *   so a series reads neither the statement's label nor its day.
 *
 * Every write that creates an ABOUT link, or changes a statement's speaker, day or
 * retraction, sets them in the same transaction, with the fragments here: ingest
 * (src/ingest/ingest.cypher.ts), corrections and retractions (editorial.cypher.ts), entity
 * merges (merge.ts). Stores written before them get them at start-up (src/db/constraints.ts).
 * They are the graph's own bookkeeping: exports and the API never show them.
 */

/** The id of the speaker of statement `s`. */
export const speakerIdOf = (s: string): string => `[(speakerNode:Entity)-[:SAID]->(${s}) | speakerNode.id][0]`;

/** `s.day` while `s` is live, else null: the `day` its ABOUT links carry. */
export const liveDayOf = (s: string): string => `CASE WHEN ${s}:Statement THEN ${s}.day END`;

/** Sets the day every ABOUT link of statement `s` carries, after its day changed (a CALL subquery). */
export const aboutDaysOf = (s: string): string => `CALL (${s}) {
  MATCH (${s})-[r:ABOUT]->()
  SET r.day = ${liveDayOf(s)}
}`;

/** Sets what every ABOUT link of statement `s` carries (a CALL subquery); `s` may be live or retracted. */
export const seriesLinksOf = (s: string): string => `CALL (${s}) {
  WITH ${s}, ${speakerIdOf(s)} AS speaker, ${liveDayOf(s)} AS day
  MATCH (${s})-[r:ABOUT]->()
  SET r.speaker = speaker, r.day = day
}`;

/** After an entity merge: the links of every statement `$into` said (from now on, all of `$from`'s too). */
export const SERIES_LINKS_OF_SPEAKER = `
MATCH (:Entity {id: $into})-[:SAID]->(s)
${seriesLinksOf('s')}`;

/**
 * One batch of the start-up migration: the next `$limit` statements under `label` by id
 * after `$after`, their links set. Returns the last id, null when there were none.
 */
const seriesLinksPage = (label: 'Statement' | 'RetractedStatement'): string => `
MATCH (s:${label}) WHERE s.id > $after
WITH s ORDER BY s.id LIMIT toInteger($limit)
${seriesLinksOf('s')}
RETURN max(s.id) AS last, count(s) AS n`;

export const SERIES_LINKS_PAGES = {
  Statement: seriesLinksPage('Statement'),
  RetractedStatement: seriesLinksPage('RetractedStatement'),
} as const;

/**
 * Whether any ABOUT link lacks its speaker: every statement has one (ingest requires it, and
 * `npm run check` verifies it), so such a link was written before the links carried them.
 * Stops at the first; on a store that has them all it reads every ABOUT link, once a start-up.
 */
export const SERIES_LINKS_MISSING = `
RETURN EXISTS { MATCH ()-[r:ABOUT]->() WHERE r.speaker IS NULL } AS missing`;

/**
 * ABOUT links whose copies disagree with their statement, up to `$limit` of them: none, as
 * long as every write keeps them (the tests ask this after each kind of write).
 */
export const STALE_SERIES_LINKS = `
MATCH (s)-[r:ABOUT]->(x)
WITH s, r, x, ${speakerIdOf('s')} AS speaker, ${liveDayOf('s')} AS day
WHERE coalesce(r.speaker, '') <> coalesce(speaker, '') OR coalesce(r.day, '') <> coalesce(day, '')
RETURN s.id AS statement, x.id AS about, r.speaker AS speaker, speaker AS expectedSpeaker, r.day AS day, day AS expectedDay
ORDER BY statement, about LIMIT toInteger($limit)`;
