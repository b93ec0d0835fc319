/**
 * The one read the extractor makes: the gazetteer. Every person and organisation whose
 * name or alias is one of the candidate names found in the text (through the NameKey index
 * that ingest maintains), and every person whose current role title is one of the titles
 * the text uses without a name ("the CIA director"). Values travel only as parameters.
 */

export const GAZETTEER = `
CALL {
  UNWIND $names AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(e:Entity)
  WHERE e:Person OR e:Organization
  RETURN e
  UNION
  MATCH (e:Person)-[h:HOLDS_ROLE]->()
  WHERE size($titles) > 0 AND toLower(h.title) IN $titles AND NOT coalesce(h.former, false)
  RETURN e
}
WITH DISTINCT e
RETURN e.id AS id,
       CASE WHEN e:Person THEN 'Person' ELSE 'Organization' END AS type,
       e.name AS name,
       coalesce(e.aliases, []) AS aliases,
       e.kind AS kind,
       [(e)-[h:HOLDS_ROLE]->() WHERE NOT coalesce(h.former, false) | h.title] AS titles
ORDER BY id`;
