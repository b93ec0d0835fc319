/**
 * A Cypher text with its parameters: what translation produces and the gateway runs.
 * User values only ever travel in `params`.
 */
import { ENTITY_TYPES } from '../vocabulary';

export interface CypherQuery {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One record of an answer, by the names its RETURN gives. */
export type Row = Record<string, unknown>;

/** The entity type (one of the vocabulary's ENTITY_TYPES) of node `node`, read from its labels. */
export const entityTypeOf = (node: string): string => `[l IN labels(${node}) WHERE l IN [${ENTITY_TYPES.map((t) => `'${t}'`).join(', ')}]][0]`;

export function cypher(text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { cypher: text, params };
}

/**
 * A query whose values travel in one map parameter, `$batch`: the writer's queries
 * (src/ingest/ingest.cypher.ts) and the stamp, edit record and retired-id check the writer
 * runs with them.
 *
 * Neo4j keys each cached plan on the query text and on the type of every parameter, and for
 * a list or a string parameter also on its size class (empty, one, up to ten, up to a
 * hundred, and so on by powers of ten). A batch whose lists fall in other classes than the
 * last one's is planned from scratch, and each of those plans is planned once more, with
 * compiled expressions, after it has run a few times. The writer's rehearsal
 * (src/ingest/rehearsal.ts) writes the story, whose lists are short, so with lists as
 * parameters of their own a bulk load (a hundred documents, thousands of rows) planned every
 * writer query again in its first batches, and a single ingest whose lists crossed a class
 * did too. A map parameter has no size class: every batch, the rehearsal's included, shares
 * one plan per query.
 */
export function batchQuery(text: string, values: Readonly<Record<string, unknown>>): CypherQuery {
  return cypher(text, { batch: values });
}
