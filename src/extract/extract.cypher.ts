/**
 * The one read the extractor makes: the gazetteer. Every entity whose name or alias is one
 * of the candidate names found in the text (capitalised runs: people, organisations,
 * places, and policies or events named in full), every policy or event whose name or alias
 * is one of the text's lower-case word runs ("intelligence pause"), the policies and events
 * the full-text index finds for the text's word pairs ("intelligence sharing"), and every
 * person who currently holds a role titled as the text titles someone without a name
 * ("the CIA director"), found from the organisation or place the title names. Values
 * travel only as parameters; the full-text query is made of quoted letter-and-digit words.
 */
import { entityTypeOf } from '../db/cypher';

export const GAZETTEER = `
CALL {
  UNWIND $names AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(e:Entity)
  RETURN e
  UNION
  UNWIND $phrases AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(e:Entity)
  WHERE e:Policy OR e:Event
  RETURN e
  UNION
  WITH $topicQuery AS query
  WHERE query <> ''
  CALL db.index.fulltext.queryNodes('search', query, {limit: toInteger($topicLimit)}) YIELD node AS e
  WITH e
  WHERE e:Policy OR e:Event
  RETURN e
  UNION
  UNWIND $roleKeys AS role
  MATCH (:NameKey {key: role.key})-[:NAMES]->(:Entity)<-[h:HOLDS_ROLE]-(e:Person)
  WHERE toLower(h.title) = role.title AND NOT coalesce(h.former, false)
  RETURN e
}
WITH DISTINCT e
RETURN e.id AS id,
       ${entityTypeOf('e')} AS type,
       e.name AS name,
       coalesce(e.aliases, []) AS aliases,
       e.kind AS kind,
       e.description AS description,
       [(e)-[h:HOLDS_ROLE]->() WHERE NOT coalesce(h.former, false) | h.title] AS titles
ORDER BY id`;
