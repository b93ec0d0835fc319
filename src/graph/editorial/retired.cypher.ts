/**
 * A retracted article or statement, and a merged entity, change label (RetractedArticle,
 * RetractedStatement, MergedEntity), so that every list, count, search and aggregate, which
 * match on the live labels (Article, Statement, Entity), leaves them out with no filter of
 * their own. Reads by id find them under either label, each through its own id index
 * (schema/constraints.cypher), with the fragments here; statements by id, the hottest of
 * those reads, look under the live label first and ask the retracted only for the ids it
 * did not have (src/graph/statement/statement.repository.ts statementsById).
 */

/** Node `v` with id `idExpr` under the live label or the retired one, as a CALL subquery importing `imported`. */
export const eitherLabel = (v: string, live: string, retired: string, idExpr: string, imported: string): string => `CALL (${imported}) {
  MATCH (${v}:${live} {id: ${idExpr}}) RETURN ${v}
  UNION
  MATCH (${v}:${retired} {id: ${idExpr}}) RETURN ${v}
}`;

/** A statement or article by id, retracted or not. */
export const statementById = (idExpr: string, imported: string): string => eitherLabel('s', 'Statement', 'RetractedStatement', idExpr, imported);
export const articleById = (idExpr: string, imported: string): string => eitherLabel('a', 'Article', 'RetractedArticle', idExpr, imported);

/** Why and when node `v` was retracted; null while it is live. */
export const retractionOf = (v: string, retired: string): string =>
  `CASE WHEN ${v}:${retired} THEN {reason: ${v}.retractedReason, at: ${v}.retractedAt} END`;

/** Entity `e` for the id `idExpr`: the entity itself, or the one a merged id resolves to. */
export const entityOrMergedInto = (idExpr: string, imported: string): string => `CALL (${imported}) {
  MATCH (e:Entity {id: ${idExpr}}) RETURN e
  UNION
  MATCH (:MergedEntity {id: ${idExpr}})-[:MERGED_INTO]->(e:Entity) RETURN e
}`;

/**
 * Ids an editor took out of the live graph, which ingest must not write again: retracted
 * articles (`into` null) and merged entities (`into` the entity they resolve to). The ingest
 * writer runs it, with its values in one map as its own queries (src/db/cypher.ts batchQuery).
 */
export const RETIRED_IDS = `CYPHER replan=skip
UNWIND $batch.articles AS id
MATCH (a:RetractedArticle {id: id})
RETURN a.id AS id, null AS into
UNION ALL
UNWIND $batch.entities AS id
MATCH (m:MergedEntity {id: id})-[:MERGED_INTO]->(e:Entity)
RETURN m.id AS id, e.id AS into`;
