/**
 * The Cypher texts of the change sequence (README.md in this folder). Every write
 * transaction that changes statements ends by stamping them: it takes the next numbers of
 * the one `(:ChangeSequence {name: 'statements'})` node, one number per statement, and
 * sets them as the statements' `changeSeq`. The node's write lock is held until the
 * transaction ends, so sequences are handed out in commit order; readers find changes by
 * the `changeSeq` range indexes (schema/constraints.cypher), under the live label and the
 * retracted one.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { articleById } from '../editorial/retired.cypher';
import { filterParams, filterPredicates, STATEMENT_PROJECTION, type StatementFilterValues } from '../statement/statement.cypher';

/** The last sequence handed out; 0 before the first change. */
export const CURRENT_SEQUENCE = `
OPTIONAL MATCH (c:ChangeSequence {name: 'statements'})
RETURN coalesce(c.value, 0) AS sequence`;

/**
 * Numbers statements `found` (a list, in order) base+1..base+n and files the ids of
 * `created` as created at their number. The property read on the right of the first SET
 * makes Neo4j take the node's write lock before it reads the value, so two transactions
 * never get the same numbers; the statements' own locks were taken before it (REMOVE), so
 * a stamp waits for statements while holding the sequence only when another writer holds
 * them, never the other way round.
 */
const STAMP_FOUND = `
MERGE (c:ChangeSequence {name: 'statements'})
SET c.value = coalesce(c.value, 0) + size(found)
WITH found, c.value - size(found) AS base
UNWIND range(0, size(found) - 1) AS i
WITH found[i] AS s, base + i + 1 AS sequence
SET s.changeSeq = sequence, s.createdSeq = CASE WHEN s.id IN $created THEN sequence ELSE s.createdSeq END
RETURN max(sequence) AS sequence`;

/** Statements `$ids` (sorted), live or retracted; ids of nothing are passed over. */
export const STAMP_STATEMENTS = `
UNWIND $ids AS id
CALL (id) {
  MATCH (s:Statement {id: id}) RETURN s
  UNION
  MATCH (s:RetractedStatement {id: id}) RETURN s
}
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

/** Statements with a sequence in (`after`, `upto`], whatever their label, as variable `s`. */
const CHANGED_IN_RANGE = `CALL () {
  MATCH (s:Statement) WHERE s.changeSeq > toInteger($after) AND s.changeSeq <= toInteger($upto) RETURN s
  UNION
  MATCH (s:RetractedStatement) WHERE s.changeSeq > toInteger($after) AND s.changeSeq <= toInteger($upto) RETURN s
}`;

/** Texts by the shape of the filter (which fields it gives), a few dozen at most. */
const changeTexts = new Map<string, string>();

/**
 * The statements with a sequence in (`after`, `upto`] that the filter selects, in sequence
 * order, at most `limit`: each with its sequence, the sequence it was created at (null
 * before the change sequence existed), whether it is retracted, and the statement.
 */
export function translateChanges(filter: StatementFilterValues, after: number, upto: number, limit: number): CypherQuery {
  const where = filterPredicates(filter);
  const key = where.join('\n');
  let text = changeTexts.get(key);
  if (text === undefined) {
    text = `
${CHANGED_IN_RANGE}
${where.length > 0 ? `WITH s WHERE ${where.join('\n  AND ')}\n` : ''}WITH s ORDER BY s.changeSeq LIMIT toInteger($limit)
RETURN s.changeSeq AS sequence, s.createdSeq AS createdSeq, s:RetractedStatement AS retracted, ${STATEMENT_PROJECTION} AS statement`;
    changeTexts.set(key, text);
  }
  return cypher(text, { ...filterParams(filter), after, upto, limit });
}
