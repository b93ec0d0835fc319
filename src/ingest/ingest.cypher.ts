import { aboutDaysOf, liveDayOf, speakerIdOf } from '../graph/analytics/series-links.cypher';

/**
 * Every Cypher text the writer runs. Each takes its values as parameters; batches go in as
 * lists and are unwound, and every row names the article it belongs to (`row.article`), so
 * a whole batch of documents is a fixed number of round trips whatever its size.
 *
 * What is new to the graph (an article, a statement, their links, an entity new to the graph
 * and to the batch) is written with CREATE, what may already be there with MERGE: the plan
 * (plan.ts) knows which is which, and a MERGE looks for the pattern and locks both ends
 * before it creates it.
 */

/**
 * Every query of the writer starts with this: Neo4j plans a query again when the counts
 * of the graph have drifted since it was planned, which during a bulk load, whose every
 * batch grows them, is every few seconds for each of these queries; they find what they
 * touch by id (unique index seeks), and their plans do not depend on those counts.
 *
 * Their values come in one map parameter, `$batch` (src/db/cypher.ts batchQuery), never as lists of
 * their own, for the same reason: Neo4j keys a cached plan on the size class of each list
 * parameter, so the rehearsal's plans would not serve a batch of another size (see there).
 */
const KEEP_PLAN = 'CYPHER replan=skip';

/**
 * Exclusive locks on lock buckets (lock.ts), in the order given: the write takes the node's
 * lock whether or not the value changes, and holds it until the transaction ends.
 */
export const TAKE_LOCKS = `${KEEP_PLAN}
UNWIND $batch.buckets AS bucket
MERGE (l:IngestLock {bucket: bucket})
SET l.held = true`;

/**
 * Which of these ids exist, with their labels and stored content hashes; for a statement
 * also its quote key and every article it appears in, so the writer can follow, in memory,
 * how a batch moves its evidence (and when a statement loses the last of it); for an article
 * what tells it apart from another with its id (its text, and for messages its title,
 * publisher and url). The ids come sorted by kind (their prefix says which), so each is one
 * index seek.
 */
export const EXISTING_NODES = `${KEEP_PLAN}
UNWIND $batch.entities AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.contentHash AS hash, null AS quoteKey, null AS articles, null AS article
UNION ALL
UNWIND $batch.articles AS id
MATCH (n:Article {id: id})
RETURN n.id AS id, 'Article' AS label, n.contentHash AS hash, null AS quoteKey, null AS articles,
  {title: n.title, text: n.text, url: n.url, publisher: [(n)-[:PUBLISHED_BY]->(p:Organization) | p.id][0]} AS article
UNION ALL
UNWIND $batch.statements AS id
MATCH (n:Statement {id: id})
RETURN n.id AS id, 'Statement' AS label, n.contentHash AS hash, n.quoteKey AS quoteKey, [(n)-[:APPEARS_IN]->(x:Article) | x.id] AS articles, null AS article`;

/**
 * The statements that appear in these (existing) articles, with their quote keys and every
 * article each appears in: what re-ingesting one of them may take evidence away from.
 */
export const ARTICLE_STATEMENTS = `${KEEP_PLAN}
UNWIND $batch.articles AS article
MATCH (s:Statement)-[:APPEARS_IN]->(:Article {id: article})
RETURN article, s.id AS id, s.quoteKey AS quoteKey, [(s)-[:APPEARS_IN]->(x:Article) | x.id] AS articles`;

/**
 * Entities that already own one of these normalised names, per type, each with its Wikidata
 * ids: an entity that has another one than the document's is another entity of that name.
 */
export const NAME_KEY_MATCHES = `${KEEP_PLAN}
UNWIND $batch.keys AS k
MATCH (:NameKey {key: k.key})-[:NAMES]->(e:Entity)
WHERE k.label IN labels(e)
WITH k, e, [(x:ExternalId)-[:IDENTIFIES]->(e) WHERE x.scheme = 'WIKIDATA' | x.value] AS wikidata
RETURN k.key AS key, k.label AS label, collect(DISTINCT e.id) AS ids, collect(DISTINCT {id: e.id, wikidata: wikidata}) AS owners`;

/** The entity each of these identifiers (`:ExternalId {key}`, vocabulary.ts identifierKey) names, with its type. */
export const IDENTIFIER_OWNERS = `${KEEP_PLAN}
UNWIND $batch.keys AS key
MATCH (:ExternalId {key: key})-[:IDENTIFIES]->(e:Entity)
RETURN key, e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS label`;

/**
 * Each row's identifier names its entity (the plan has made sure it names no other). Ingest
 * only ever adds identifiers; mergeEntities moves them to the entity merged into.
 */
export const MERGE_IDENTIFIERS = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (e:Entity {id: row.entity})
MERGE (x:ExternalId {key: row.key})
ON CREATE SET x.scheme = row.scheme, x.value = row.value, x.url = row.url
MERGE (x)-[:IDENTIFIES]->(e)`;

/**
 * Statements already in the graph with the same speaker and normalised words: all of them
 * (the writer picks the least id, as it would have with only the graph to go by, after
 * leaving out what earlier documents of the batch deleted or re-keyed), with their articles.
 */
export const QUOTE_KEY_MATCHES = `${KEEP_PLAN}
UNWIND $batch.keys AS key
MATCH (s:Statement {quoteKey: key})
RETURN key, s.id AS id, [(s)-[:APPEARS_IN]->(x:Article) | x.id] AS articles`;

/**
 * Runs before MERGE_ARTICLES overwrites them: the stored title, text, url, date and publisher
 * of each article a document replaces (`replace`, plan.ts) become its next revision.
 */
export const REVISE_ARTICLES = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (a:Article {id: row.article})
WITH a, row, COUNT { (a)-[:HAS_REVISION]->(:ArticleRevision) } AS earlier
CREATE (a)-[:HAS_REVISION]->(:ArticleRevision {
  number: earlier + 1, title: a.title, text: a.text, url: a.url, publishedAt: a.publishedAt,
  publisher: [(a)-[:PUBLISHED_BY]->(p:Organization) | p.id][0], contentHash: a.contentHash, replacedAt: row.replacedAt})
RETURN row.article AS article, earlier + 1 AS revision`;

export const MERGE_ARTICLES = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.text = row.text, a.url = row.url,
    a.publishedAt = row.publishedAt, a.publishedKey = coalesce(row.publishedAt, ''),
    a.contentHash = row.hash`;

/**
 * An article new to the graph, with its publisher link. Runs after the entities are written,
 * as LINK_PUBLISHERS does: the publisher may be defined by the same document.
 */
export const CREATE_ARTICLES = `${KEEP_PLAN}
UNWIND $batch.rows AS row
CREATE (a:Article {id: row.id, title: row.title, text: row.text, url: row.url,
    publishedAt: row.publishedAt, publishedKey: coalesce(row.publishedAt, ''), contentHash: row.hash})
WITH a, row
OPTIONAL MATCH (p:Organization {id: row.publisher})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (a)-[:PUBLISHED_BY]->(p))`;

/** An article written before loses its publisher link before the document's own is made. */
export const UNLINK_PUBLISHERS = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (:Article {id: row.article})-[old:PUBLISHED_BY]->()
DELETE old`;

/** Runs after the entities are written: the publisher may be defined by the same document. */
export const LINK_PUBLISHERS = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (a:Article {id: row.article})
MATCH (p:Organization {id: row.publisher})
MERGE (a)-[:PUBLISHED_BY]->(p)`;

/** An entity type's own properties, each with the value of the row (`row`) it is written from. */
type Attributes = Readonly<Record<string, string>>;

const PLACE_OR_ORGANIZATION: Attributes = { kind: 'row.kind' };
const DATED: Attributes = { dateText: 'row.date.text', date: 'row.date.date', datePrecision: 'row.date.precision' };

/** The search text of an entity's aliases (`aliases`, a list expression). */
const aliasText = (aliases: string): string => `reduce(t = '', a IN ${aliases} | t + a + ' | ')`;

/**
 * An entity merged in from another document (`row.merged`: its id was resolved to an
 * existing entity by name) keeps the graph's name, description and attributes and only
 * adds its names as aliases.
 */
const mergeEntity = (label: string, attributes: Attributes): string => `${KEEP_PLAN}
UNWIND $batch.rows AS row
MERGE (n:Entity {id: row.id})
SET n:${label}
SET n.name = coalesce(n.name, row.name),
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
    n.contentHash = CASE WHEN row.merged THEN n.contentHash ELSE row.hash END
FOREACH (_ IN CASE WHEN row.merged THEN [] ELSE [1] END |
  SET n.description = row.description${Object.entries(attributes).map(([key, value]) => `, n.${key} = ${value}`).join('')})
SET n.aliasText = ${aliasText('n.aliases')}
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)`;

/**
 * An entity new to the graph (the plan found no node of its id, and no earlier document of the
 * batch wrote one), as mergeEntity would write it: no lookup of the node and none of its name
 * links. Its aliases are its document's, which the validator gave each once and none its name.
 * Runs before its type's mergeEntity, by which a later document of the batch may update it.
 */
const createEntity = (label: string, attributes: Attributes): string => `${KEEP_PLAN}
UNWIND $batch.rows AS row
CREATE (n:Entity:${label} {id: row.id, name: row.name, aliases: row.aliases, aliasText: ${aliasText('row.aliases')}, contentHash: row.hash,
    description: row.description${Object.entries(attributes).map(([key, value]) => `, ${key}: ${value}`).join('')}})
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
CREATE (k)-[:NAMES]->(n)`;

export const MERGE_PEOPLE = mergeEntity('Person', {});
export const MERGE_ORGANIZATIONS = mergeEntity('Organization', PLACE_OR_ORGANIZATION);
export const MERGE_PLACES = mergeEntity('Place', PLACE_OR_ORGANIZATION);
export const MERGE_POLICIES = mergeEntity('Policy', { status: 'row.status', ...DATED });
export const MERGE_EVENTS = mergeEntity('Event', DATED);

export const CREATE_PEOPLE = createEntity('Person', {});
export const CREATE_ORGANIZATIONS = createEntity('Organization', PLACE_OR_ORGANIZATION);
export const CREATE_PLACES = createEntity('Place', PLACE_OR_ORGANIZATION);
export const CREATE_POLICIES = createEntity('Policy', { status: 'row.status', ...DATED });
export const CREATE_EVENTS = createEntity('Event', DATED);

/**
 * A role is keyed by its title: the document's role with a title replaces the person's
 * role of that title (its organization or place may have changed). A person merged in
 * from another document (`row.merged`) only gains titles the graph did not know.
 */
export const MERGE_ROLES = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (p:Person {id: row.person})
MATCH (t:Entity {id: coalesce(row.organization, row.place)})
WITH p, t, row
WHERE NOT (row.merged AND EXISTS { (p)-[:HOLDS_ROLE {title: row.title}]->() })
OPTIONAL MATCH (p)-[old:HOLDS_ROLE {title: row.title}]->(other)
WHERE other <> t
DELETE old
WITH DISTINCT p, t, row
MERGE (p)-[h:HOLDS_ROLE {title: row.title}]->(t)
SET h.former = row.former, h.place = row.place, h.organization = row.organization, h.ordinal = row.ordinal,
    h.startDate = row.since.date, h.startText = row.since.text, h.startPrecision = row.since.precision,
    h.endDate = row.until.date, h.endText = row.until.text, h.endPrecision = row.until.precision`;

/** Typed links between two entities: (from)-[type]->(to). */
const link = (type: string): string => `${KEEP_PLAN}
UNWIND $batch.rows AS row
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
 * A statement's day (its own date, else its earliest article's publication date) and
 * dayKey, which date windows and date-ordered pages read (src/graph/statement/statement.cypher.ts),
 * and the copy of the day its ABOUT links carry (src/graph/analytics/series-links.cypher.ts).
 */
const STATEMENT_DAY = `WITH s
SET s.day = coalesce(s.date, COLLECT {
  MATCH (s)-[:APPEARS_IN]->(x:Article) WHERE x.publishedAt IS NOT NULL RETURN left(x.publishedAt, 10) AS d ORDER BY d LIMIT 1
}[0])
SET s.dayKey = coalesce(s.day, '0000-00-00') + '|' + s.sortKey
WITH s
${aboutDaysOf('s')}`;

/** The day and dayKey of statements written before ingest set them (src/db/constraints.ts backfill). */
export const BACKFILL_STATEMENT_DAYS = `
MATCH (s:Statement) WHERE s.dayKey IS NULL
${STATEMENT_DAY}`;

/** One row per statement of each article row, with its article (`a`) and speaker (whose id is `speaker` of the row) matched. */
const eachStatementRow = (speaker: string): string => `UNWIND $batch.rows AS articleRow
MATCH (a:Article {id: articleRow.article})
UNWIND articleRow.statements AS row
MATCH (speaker:Entity {id: ${speaker}})`;

/**
 * One row per article, with its statements in order (`row.statements`), so the article is
 * looked up once. A statement its article owns gets its content set; one shared with an
 * earlier article (`statement.shared`) only gains this article as evidence.
 */
export const MERGE_STATEMENTS = `${KEEP_PLAN}
${eachStatementRow('row.speaker')}
MERGE (s:Statement {id: row.id})
FOREACH (_ IN CASE WHEN row.shared THEN [] ELSE [1] END |
  SET s.kind = row.kind, s.text = row.text, s.venue = row.venue, s.quoteKey = row.quoteKey,
      s.dateText = row.date.text, s.date = row.date.date, s.datePrecision = row.date.precision,
      s.sortKey = row.sortKey, s.contentHash = row.hash)
MERGE (speaker)-[:SAID]->(s)
MERGE (s)-[ev:APPEARS_IN]->(a)
SET ev.start = row.start, ev.end = row.end, ev.sentence = row.sentence, ev.sentenceStart = row.sentenceStart, ev.ordinal = row.ordinal
${STATEMENT_DAY}`;

/**
 * The values of one statement of CREATE_STATEMENTS, at these positions: its row is a list, not
 * a map, since a bulk load sends one for every statement it writes, and the driver packs each
 * key of a map as a string and type-checks it like a value. Topics (`about`) come with their
 * stances and confidences at the same positions, outlets (`reportedBy`) in order. The plan
 * builds the list (plan-statements.ts `createdStatement`); the Cypher reads it by name (`created`).
 */
export const CREATED_STATEMENT = [
  'id',
  'speaker',
  'kind',
  'text',
  'venue',
  'quoteKey',
  'dateText',
  'date',
  'datePrecision',
  'sortKey',
  'hash',
  'day',
  'start',
  'end',
  'sentence',
  'sentenceStart',
  'ordinal',
  'about',
  'stances',
  'confidences',
  'reportedBy',
] as const;

export type CreatedStatementField = (typeof CREATED_STATEMENT)[number];

/** A created statement's value in Cypher: `row[i]`, where `field` is at position i of CREATED_STATEMENT. */
const created = (field: CreatedStatementField): string => `row[${CREATED_STATEMENT.indexOf(field)}]`;

/**
 * The statements a document owns that are new to the graph, as MERGE_STATEMENTS would write
 * them, with their topics and outlets, each link's ordinal its position (rows of
 * CREATED_STATEMENT): their only evidence is this article, so their day is worked out by the
 * plan, and the speaker and day the ABOUT links carry (series-links.cypher.ts) are the ones
 * written here. Links made with the statement cost no second lookup of it. Runs before
 * MERGE_STATEMENTS, whose rows may give one of them more evidence (and then set its day and
 * its links' day again).
 */
export const CREATE_STATEMENTS = `${KEEP_PLAN}
${eachStatementRow(created('speaker'))}
CREATE (speaker)-[:SAID]->(s:Statement {id: ${created('id')}, kind: ${created('kind')}, text: ${created('text')}, venue: ${created('venue')},
    quoteKey: ${created('quoteKey')}, dateText: ${created('dateText')}, date: ${created('date')}, datePrecision: ${created('datePrecision')},
    sortKey: ${created('sortKey')}, contentHash: ${created('hash')}, day: ${created('day')},
    dayKey: coalesce(${created('day')}, '0000-00-00') + '|' + ${created('sortKey')}})
CREATE (s)-[:APPEARS_IN {start: ${created('start')}, end: ${created('end')}, sentence: ${created('sentence')},
    sentenceStart: ${created('sentenceStart')}, ordinal: ${created('ordinal')}}]->(a)
WITH s, row, speaker.id AS speakerId
CALL (s, row, speakerId) {
  UNWIND range(0, size(${created('about')}) - 1) AS ordinal
  MATCH (e:Entity {id: ${created('about')}[ordinal]})
  CREATE (s)-[:ABOUT {ordinal: ordinal, stance: ${created('stances')}[ordinal], stanceConfidence: ${created('confidences')}[ordinal],
    speaker: speakerId, day: ${created('day')}}]->(e)
}
CALL (s, row) {
  UNWIND range(0, size(${created('reportedBy')}) - 1) AS ordinal
  MATCH (o:Organization {id: ${created('reportedBy')}[ordinal]})
  CREATE (s)-[:REPORTED_BY {ordinal: ordinal}]->(o)
}`;

/**
 * Runs after MERGE_STATEMENTS, for the statements a document owns that the graph already
 * had: the topics, outlets, outer quote and speaker its document no longer gives them are
 * removed. (A statement new to the graph has none, so a bulk load of new articles skips this.)
 */
export const UNLINK_STALE_STATEMENTS = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (s:Statement {id: row.id})
MATCH (speaker:Entity {id: row.speaker})
OPTIONAL MATCH (s)-[old:ABOUT|REPORTED_BY|QUOTED_IN]->(x)
WHERE (type(old) = 'ABOUT' AND NOT x.id IN row.about)
   OR (type(old) = 'REPORTED_BY' AND NOT x.id IN row.reportedBy)
   OR (type(old) = 'QUOTED_IN' AND (row.quotedIn IS NULL OR x.id <> row.quotedIn))
DELETE old
WITH DISTINCT s, speaker
OPTIONAL MATCH (s)<-[oldSpeaker:SAID]-(other)
WHERE other <> speaker
DELETE oldSpeaker`;

/**
 * One row per statement with topics, for statements the graph already had (or that an
 * earlier document of the batch created): `row.entities` in order, each link's ordinal its
 * position there and its stance `row.stances` at that position (the statement is looked
 * up once, not once per topic), with the speaker and day that series read
 * (series-links.cypher.ts), also read once per statement: it runs after the statement's
 * speaker and day are written.
 */
export const LINK_ABOUT = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (s:Statement {id: row.statement})
WITH row, s, ${speakerIdOf('s')} AS speaker, ${liveDayOf('s')} AS day
UNWIND range(0, size(row.entities) - 1) AS ordinal
MATCH (e:Entity {id: row.entities[ordinal]})
MERGE (s)-[r:ABOUT]->(e)
SET r.ordinal = ordinal, r.stance = row.stances[ordinal].stance, r.stanceConfidence = row.stances[ordinal].confidence,
    r.speaker = speaker, r.day = day`;

/** As LINK_ABOUT, for the outlets that reported a statement. */
export const LINK_REPORTED_BY = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (s:Statement {id: row.statement})
UNWIND range(0, size(row.entities) - 1) AS ordinal
MATCH (o:Organization {id: row.entities[ordinal]})
MERGE (s)-[r:REPORTED_BY]->(o)
SET r.ordinal = ordinal`;

/** A statement quoted inside another; CREATE when the inner one is new to the graph. */
const linkQuotedIn = (verb: 'MERGE' | 'CREATE'): string => `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (inner:Statement {id: row.from})
MATCH (outer:Statement {id: row.to})
${verb} (inner)-[:QUOTED_IN]->(outer)`;

export const LINK_QUOTED_IN = linkQuotedIn('MERGE');
export const CREATE_QUOTED_IN = linkQuotedIn('CREATE');

/**
 * Evidence of each row's article for statements its document no longer has (`row.kept`
 * are the ones it has) is removed; a statement left with no evidence at all is deleted.
 * The evidence goes first for every row and the orphans after, so a statement dropped by
 * two articles of the batch is deleted once. Returns, per article, the ids that lost evidence.
 */
export const REMOVE_DROPPED_STATEMENTS = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (s:Statement)-[ev:APPEARS_IN]->(:Article {id: row.article})
WHERE NOT s.id IN row.kept
DELETE ev
WITH row.article AS article, s
WITH collect({article: article, id: s.id}) AS removed, collect(DISTINCT s) AS dropped
FOREACH (s IN [x IN dropped WHERE NOT EXISTS { (x)-[:APPEARS_IN]->() }] | DETACH DELETE s)
WITH removed
UNWIND removed AS r
RETURN r.article AS article, r.id AS id`;

/** An article written before stops mentioning what its document no longer does (`row.ids`). */
export const UNLINK_MENTIONS = `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (:Article {id: row.article})-[old:MENTIONS]->(e:Entity)
WHERE NOT e.id IN row.ids
DELETE old`;

/**
 * Each row's article mentions `row.ids` (what its document defines or references, by
 * default, each once); CREATE for an article new to the graph.
 */
const linkMentions = (verb: 'MERGE' | 'CREATE'): string => `${KEEP_PLAN}
UNWIND $batch.rows AS row
MATCH (a:Article {id: row.article})
UNWIND row.ids AS id
MATCH (e:Entity {id: id})
${verb} (a)-[:MENTIONS]->(e)`;

export const LINK_MENTIONS = linkMentions('MERGE');
export const CREATE_MENTIONS = linkMentions('CREATE');
