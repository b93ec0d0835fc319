/**
 * The Cypher texts of the change sequence (README.md in this folder). Every write
 * transaction that changes statements ends by stamping them: it takes the next numbers of
 * the one `(:ChangeSequence {name: 'statements'})` node, one number per statement, and
 * sets them as the statements' `changeSeq`. The node's write lock is held until the
 * transaction ends, so sequences are handed out in commit order; readers find changes by
 * the `changeSeq` range indexes (schema/constraints.cypher), under the live label, the
 * retracted one, and that of the tombstone a deleted statement leaves.
 *
 * The counter node also carries an `epoch`, a random id given when the node is made: a
 * database emptied or replaced under a running server shows a new one (or none), so the
 * feed can tell a new sequence from the old one even when it has already passed the old value.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { articleById } from '../editorial/retired.cypher';
import { filterParams, filterPredicates, STATEMENT_PROJECTION, type StatementFilterValues } from '../statement/statement.cypher';

/**
 * Tombstones of deleted statements are kept for this many sequences after their own, then
 * pruned; a subscription asking to resume from before what was pruned must start over.
 * A bulk load takes one sequence per statement, so this is a few large loads.
 */
export const DELETIONS_KEPT_FOR = 1_000_000;
/** The oldest tombstones one stamp prunes at most, so a stamp stays short while it holds the counter. */
const PRUNED_PER_STAMP = 10_000;

/**
 * The last sequence handed out (0 before the first change), the counter's epoch (null
 * before the first change, or on a counter made before epochs), and the highest sequence
 * of a pruned tombstone (0 while none was pruned).
 */
export const CURRENT_SEQUENCE = `
OPTIONAL MATCH (c:ChangeSequence {name: 'statements'})
RETURN coalesce(c.value, 0) AS sequence, c.epoch AS epoch, coalesce(c.prunedUpTo, 0) AS prunedUpTo`;

/**
 * Numbers statements `found` (a list, in order) base+1..base+n and files the ids of
 * `created` as created at their number. The property read on the right of the first SET
 * makes Neo4j take the node's write lock before it reads the value, so two transactions
 * never get the same numbers; the statements' own locks were taken before it (REMOVE), so
 * a stamp waits for statements while holding the sequence only when another writer holds
 * them, never the other way round. Then the oldest tombstones past DELETIONS_KEPT_FOR go,
 * and the counter remembers the highest it pruned (`prunedUpTo`): every tombstone at or
 * below it is gone, as they go oldest first.
 */
const STAMP_FOUND = `
MERGE (c:ChangeSequence {name: 'statements'})
SET c.value = coalesce(c.value, 0) + size(found), c.epoch = coalesce(c.epoch, randomUUID())
WITH c, found, c.value - size(found) AS base
CALL (c) {
  MATCH (old:DeletedStatement) WHERE old.changeSeq <= c.value - ${DELETIONS_KEPT_FOR}
  WITH old ORDER BY old.changeSeq LIMIT ${PRUNED_PER_STAMP}
  WITH collect(old) AS pruned
  WITH pruned, [x IN pruned | x.changeSeq][-1] AS upTo
  FOREACH (x IN pruned | DETACH DELETE x)
  SET c.prunedUpTo = coalesce(upTo, c.prunedUpTo)
}
UNWIND range(0, size(found) - 1) AS i
WITH found[i] AS s, base + i + 1 AS sequence
SET s.changeSeq = sequence, s.createdSeq = CASE WHEN s.id IN $batch.created THEN sequence ELSE s.createdSeq END
RETURN max(sequence) AS sequence`;

/**
 * Statements `$batch.ids`, live or retracted, and `$batch.live`, which the caller knows to
 * be live statements (an ingest's statements it created, updated or gave evidence to: each
 * is one index seek instead of a subquery per id), numbered together in id order. An id of
 * `$batch.ids` that names neither is a statement
 * the transaction deleted (writers stamp only statements they read or wrote in it: a
 * re-ingest that dropped the last evidence of one, a merge that collapsed one into
 * another): it gets a tombstone, `(:DeletedStatement {statementId})`, stamped like a
 * statement, so subscribers hear of the deletion in its place in the sequence. The values
 * come in one map (src/db/cypher.ts batchQuery), so batches of every size share one plan.
 */
export const STAMP_STATEMENTS = `CYPHER replan=skip
CALL () {
  UNWIND $batch.live AS id
  MATCH (s:Statement {id: id})
  RETURN s
  UNION ALL
  UNWIND $batch.ids AS id
  CALL (id) {
    MATCH (s:Statement {id: id}) RETURN s
    UNION
    MATCH (s:RetractedStatement {id: id}) RETURN s
    UNION
    WITH id WHERE NOT EXISTS { MATCH (:Statement {id: id}) } AND NOT EXISTS { MATCH (:RetractedStatement {id: id}) }
    MERGE (s:DeletedStatement {statementId: id})
    RETURN s
  }
  RETURN s
}
WITH s ORDER BY coalesce(s.id, s.statementId)
REMOVE s.changeSeq
WITH collect(s) AS found
${STAMP_FOUND}`;

/** Every statement with evidence in article `$article`, each live or retracted, the article too: what a retraction or restoration changes. */
export const STAMP_ARTICLE_STATEMENTS = `
${articleById('$article', '')}
MATCH (s)-[:APPEARS_IN]->(a) WHERE s:Statement OR s:RetractedStatement
WITH s ORDER BY s.id
REMOVE s.changeSeq
WITH collect(s) AS found
${STAMP_FOUND}`;

/** The live statements entity `$id` said, is the topic of or reported: what merging it away changes. */
export const ENTITY_STATEMENT_IDS = `
MATCH (:Entity {id: $id})-[:SAID|ABOUT|REPORTED_BY]-(s:Statement)
RETURN collect(DISTINCT s.id) AS ids`;

/** Statements and tombstones with a sequence in (`after`, `upto`], whatever their label, as variable `s`. */
const CHANGED_IN_RANGE = `CALL () {
  MATCH (s:Statement) WHERE s.changeSeq > toInteger($after) AND s.changeSeq <= toInteger($upto) RETURN s
  UNION
  MATCH (s:RetractedStatement) WHERE s.changeSeq > toInteger($after) AND s.changeSeq <= toInteger($upto) RETURN s
  UNION
  MATCH (s:DeletedStatement) WHERE s.changeSeq > toInteger($after) AND s.changeSeq <= toInteger($upto) RETURN s
}`;

/** Texts by the shape of the filter (which fields it gives), a few dozen at most. */
const changeTexts = new Map<string, string>();

/**
 * The statements with a sequence in (`after`, `upto`] that the filter selects, in sequence
 * order, at most `limit`: each with its sequence, the sequence it was created at (null
 * before the change sequence existed), whether it is retracted or deleted, its id, and the
 * statement (null when deleted). A tombstone passes every filter: the links the filter
 * would look at went with the statement, and a subscriber that never held it lets it pass.
 */
export function translateChanges(filter: StatementFilterValues, after: number, upto: number, limit: number): CypherQuery {
  const where = filterPredicates(filter);
  const key = where.join('\n');
  let text = changeTexts.get(key);
  if (text === undefined) {
    text = `
${CHANGED_IN_RANGE}
${where.length > 0 ? `WITH s WHERE s:DeletedStatement OR (${where.join('\n  AND ')})\n` : ''}WITH s ORDER BY s.changeSeq LIMIT toInteger($limit)
RETURN s.changeSeq AS sequence, s.createdSeq AS createdSeq, s:RetractedStatement AS retracted, coalesce(s.id, s.statementId) AS id,
  CASE WHEN s:DeletedStatement THEN null ELSE ${STATEMENT_PROJECTION} END AS statement`;
    changeTexts.set(key, text);
  }
  return cypher(text, { ...filterParams(filter), after, upto, limit });
}
