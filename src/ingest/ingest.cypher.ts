/**
 * Every Cypher text the writer runs. Each takes its values as parameters; batches go in as
 * lists and are unwound, so one document is a fixed number of round trips whatever its size.
 */

/** Which of these ids exist, with their labels and stored content hashes. */
export const EXISTING_NODES = `
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (s:Statement {id: id})
OPTIONAL MATCH (a:Article {id: id})
WITH id, coalesce(e, s, a) AS n
WHERE n IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.contentHash AS hash`;

/** Entities that already own one of these normalised names, per type. */
export const NAME_KEY_MATCHES = `
UNWIND $keys AS k
MATCH (:NameKey {key: k.key})-[:NAMES]->(e:Entity)
WHERE k.label IN labels(e)
RETURN k.key AS key, k.label AS label, collect(DISTINCT e.id) AS ids`;

/** Statements already in the graph with the same speaker and normalised words. */
export const QUOTE_KEY_MATCHES = `
UNWIND $keys AS key
MATCH (s:Statement {quoteKey: key})
RETURN key, min(s.id) AS id`;

export const MERGE_ARTICLE = `
MERGE (a:Article {id: $article.id})
SET a.title = $article.title, a.text = $article.text, a.url = $article.url,
    a.publishedAt = $article.publishedAt, a.publishedKey = coalesce($article.publishedAt, ''),
    a.contentHash = $article.hash`;

/** Runs after the entities are written: the publisher may be defined by this document. */
export const LINK_PUBLISHER = `
MATCH (a:Article {id: $article})
OPTIONAL MATCH (a)-[old:PUBLISHED_BY]->()
DELETE old
WITH DISTINCT a
OPTIONAL MATCH (p:Organization {id: $publisher})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (a)-[:PUBLISHED_BY]->(p))`;

/**
 * An entity merged in from another document (`row.merged`: its id was resolved to an
 * existing entity by name) keeps the graph's name, description and attributes and only
 * adds its names as aliases.
 */
const mergeEntity = (label: string, attributes: string): string => `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:${label}
SET n.name = coalesce(n.name, row.name),
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
    n.contentHash = CASE WHEN row.merged THEN n.contentHash ELSE row.hash END
FOREACH (_ IN CASE WHEN row.merged THEN [] ELSE [1] END |
  SET n.description = row.description${attributes})
SET n.aliasText = reduce(t = '', a IN n.aliases | t + a + ' | ')
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)`;

export const MERGE_PEOPLE = mergeEntity('Person', '');
export const MERGE_ORGANIZATIONS = mergeEntity('Organization', ', n.kind = row.kind');
export const MERGE_PLACES = mergeEntity('Place', ', n.kind = row.kind');
export const MERGE_POLICIES = mergeEntity(
  'Policy',
  ', n.status = row.status, n.dateText = row.date.text, n.date = row.date.date, n.datePrecision = row.date.precision',
);
export const MERGE_EVENTS = mergeEntity(
  'Event',
  ', n.dateText = row.date.text, n.date = row.date.date, n.datePrecision = row.date.precision',
);

/**
 * A role is keyed by its title: the document's role with a title replaces the person's
 * role of that title (its organization or place may have changed). A person merged in
 * from another document (`row.merged`) only gains titles the graph did not know.
 */
export const MERGE_ROLES = `
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (t:Entity {id: coalesce(row.organization, row.place)})
WITH p, t, row
WHERE NOT (row.merged AND EXISTS { (p)-[:HOLDS_ROLE {title: row.title}]->() })
OPTIONAL MATCH (p)-[old:HOLDS_ROLE {title: row.title}]->(other)
WHERE other <> t
DELETE old
WITH DISTINCT p, t, row
MERGE (p)-[h:HOLDS_ROLE {title: row.title}]->(t)
SET h.former = row.former, h.place = row.place, h.organization = row.organization, h.ordinal = row.ordinal`;

/** Typed links between two entities: (from)-[type]->(to). */
const link = (type: string): string => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[:${type}]->(b)`;

export const LINK_BASED_IN = link('BASED_IN');
export const LINK_PART_OF = link('PART_OF');
export const LINK_IMPOSED_BY = link('IMPOSED_BY');
export const LINK_TARGETS = link('TARGETS');
export const LINK_PARTICIPATED_IN = link('PARTICIPATED_IN');
export const LINK_TOOK_PLACE_IN = link('TOOK_PLACE_IN');
export const LINK_PRECEDED = link('PRECEDED');
export const LINK_LED_TO = link('LED_TO');

/**
 * A statement this article owns gets its content set and stale links removed; one shared
 * with an earlier article (`row.shared`) only gains this article as evidence.
 */
export const MERGE_STATEMENTS = `
UNWIND $rows AS row
MATCH (a:Article {id: $article})
MATCH (speaker:Entity {id: row.speaker})
MERGE (s:Statement {id: row.id})
FOREACH (_ IN CASE WHEN row.shared THEN [] ELSE [1] END |
  SET s.kind = row.kind, s.text = row.text, s.venue = row.venue, s.quoteKey = row.quoteKey,
      s.dateText = row.date.text, s.date = row.date.date, s.datePrecision = row.date.precision,
      s.sortKey = row.sortKey, s.contentHash = row.hash)
MERGE (speaker)-[:SAID]->(s)
MERGE (s)-[ev:APPEARS_IN]->(a)
SET ev.start = row.start, ev.end = row.end, ev.sentence = row.sentence, ev.sentenceStart = row.sentenceStart, ev.ordinal = row.ordinal
WITH s, row, speaker
WHERE NOT row.shared
OPTIONAL MATCH (s)-[old:ABOUT|REPORTED_BY|QUOTED_IN]->(x)
WHERE (type(old) = 'ABOUT' AND NOT x.id IN row.about)
   OR (type(old) = 'REPORTED_BY' AND NOT x.id IN row.reportedBy)
   OR (type(old) = 'QUOTED_IN' AND (row.quotedIn IS NULL OR x.id <> row.quotedIn))
DELETE old
WITH DISTINCT s, speaker
OPTIONAL MATCH (s)<-[oldSpeaker:SAID]-(other)
WHERE other <> speaker
DELETE oldSpeaker`;

export const LINK_ABOUT = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statement})
MATCH (e:Entity {id: row.entity})
MERGE (s)-[r:ABOUT]->(e)
SET r.ordinal = row.ordinal`;

export const LINK_REPORTED_BY = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statement})
MATCH (o:Organization {id: row.entity})
MERGE (s)-[r:REPORTED_BY]->(o)
SET r.ordinal = row.ordinal`;

export const LINK_QUOTED_IN = `
UNWIND $rows AS row
MATCH (inner:Statement {id: row.from})
MATCH (outer:Statement {id: row.to})
MERGE (inner)-[:QUOTED_IN]->(outer)`;

/**
 * Evidence of this article for statements its document no longer has is removed; a
 * statement left with no evidence at all is deleted. Returns the ids that lost evidence.
 */
export const REMOVE_DROPPED_STATEMENTS = `
MATCH (s:Statement)-[ev:APPEARS_IN]->(:Article {id: $article})
WHERE NOT s.id IN $kept
DELETE ev
WITH s, s.id AS id
CALL {
  WITH s
  WITH s WHERE NOT EXISTS { (s)-[:APPEARS_IN]->() }
  DETACH DELETE s
}
RETURN id`;

/** The article mentions exactly these entities (what it defines or references, by default). */
export const LINK_MENTIONS = `
MATCH (a:Article {id: $article})
OPTIONAL MATCH (a)-[old:MENTIONS]->(e:Entity)
WHERE NOT e.id IN $ids
DELETE old
WITH DISTINCT a
UNWIND $ids AS id
MATCH (e:Entity {id: id})
MERGE (a)-[:MENTIONS]->(e)`;
