// Applied at every start-up (idempotent: IF NOT EXISTS). One statement per `;`.
// Every node label has a unique id; the Entity label spans the five entity types so
// that `node(id)` and id references resolve with one index seek whatever the type.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
// Entity resolution: every normalised name or alias is a NameKey node pointing at its entity.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE;
// An external identifier (scheme and value, src/vocabulary.ts identifierKey) is one node that
// IDENTIFIES one entity: ingest resolves entities by it before their id or name.
CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (n:ExternalId) REQUIRE n.key IS UNIQUE;
// A quote (speaker and normalised words) is one statement, however many articles carry it
// (src/ingest/plan.ts shares it). Stores from before this constraint had a plain index of
// that name, which would stand in its way; if such a store holds duplicates the constraint
// cannot be made, and src/db/constraints.ts puts the plain index back (npm run check lists them).
DROP INDEX statement_quote_key IF EXISTS;
CREATE CONSTRAINT statement_quote_key_unique IF NOT EXISTS FOR (n:Statement) REQUIRE n.quoteKey IS UNIQUE;
// Ingest's lock buckets (src/ingest/lock.ts): unique, so two transactions cannot both create one.
CREATE CONSTRAINT ingest_lock IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.bucket IS UNIQUE;
CREATE INDEX statement_kind IF NOT EXISTS FOR (n:Statement) ON (n.kind);
CREATE INDEX statement_sort IF NOT EXISTS FOR (n:Statement) ON (n.sortKey);
// Date windows and date-ordered pages: the statement's day, then its sortKey (set by ingest).
CREATE INDEX statement_day_key IF NOT EXISTS FOR (n:Statement) ON (n.dayKey);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
// Article pages, newest first: publishedAt, or '' when undated (set by ingest).
CREATE INDEX article_published_key IF NOT EXISTS FOR (n:Article) ON (n.publishedKey);
CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Person|Organization|Place|Policy|Event|Statement|Article) ON EACH [n.name, n.aliasText, n.text, n.title];
// Editorial control (src/graph/editorial): retracted and merged nodes keep their ids, found by id
// under their own labels; an edit is found by its id and through CHANGED from what it changed.
CREATE INDEX retracted_article_id IF NOT EXISTS FOR (n:RetractedArticle) ON (n.id);
CREATE INDEX retracted_statement_id IF NOT EXISTS FOR (n:RetractedStatement) ON (n.id);
CREATE INDEX merged_entity_id IF NOT EXISTS FOR (n:MergedEntity) ON (n.id);
CREATE CONSTRAINT edit_id IF NOT EXISTS FOR (n:Edit) REQUIRE n.id IS UNIQUE;
// The change sequence of statements (src/graph/live): one counter node, and each statement's
// last sequence under its live or retracted label, read by range.
CREATE CONSTRAINT change_sequence_name IF NOT EXISTS FOR (n:ChangeSequence) REQUIRE n.name IS UNIQUE;
CREATE INDEX statement_change_seq IF NOT EXISTS FOR (n:Statement) ON (n.changeSeq);
CREATE INDEX retracted_statement_change_seq IF NOT EXISTS FOR (n:RetractedStatement) ON (n.changeSeq);
// A statement deleted outright leaves a tombstone under its own label (by statementId, not id,
// so no lookup by id ever finds it), read by range like the others and pruned oldest first.
CREATE CONSTRAINT deleted_statement_id IF NOT EXISTS FOR (n:DeletedStatement) REQUIRE n.statementId IS UNIQUE;
CREATE INDEX deleted_statement_change_seq IF NOT EXISTS FOR (n:DeletedStatement) ON (n.changeSeq);
