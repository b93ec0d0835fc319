/**
 * The writer's queries (ingest.cypher.ts) take their values in one map parameter, `$batch`.
 *
 * Neo4j keys each cached plan on the query text and on the type of every parameter, and for
 * a list or a string parameter also on its size class (empty, one, up to ten, up to a
 * hundred, and so on by powers of ten). A batch whose lists fall in other classes than the
 * last one's is planned from scratch, and each of those plans is planned once more, with
 * compiled expressions, after it has run a few times. The rehearsal (rehearsal.ts) writes
 * the story, whose lists are short, so with lists as parameters of their own a bulk load
 * (a hundred documents, thousands of rows) planned every writer query again in its first
 * batches, and a single ingest whose lists crossed a class did too. A map parameter has no
 * size class: every batch, the rehearsal's included, shares one plan per query.
 */
import { cypher, type CypherQuery } from '../db/cypher';

export function batchQuery(text: string, values: Readonly<Record<string, unknown>>): CypherQuery {
  return cypher(text, { batch: values });
}
