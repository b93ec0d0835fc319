/**
 * The Cypher texts of mergeEntities. Relationship types are written into the texts from the
 * fixed list below, never from input; values travel as parameters.
 */
import { ENTITY_TYPES } from '../../vocabulary';

/** Both entities, with their types, when both are live entities (no row otherwise). */
export const MERGE_PAIR = `
OPTIONAL MATCH (f:Entity {id: $from})
OPTIONAL MATCH (i:Entity {id: $into})
OPTIONAL MATCH (m:MergedEntity {id: $from})-[:MERGED_INTO]->(already:Entity)
RETURN [l IN labels(f) WHERE l IN $types][0] AS fromType, [l IN labels(i) WHERE l IN $types][0] AS intoType, already.id AS alreadyInto`;

export const ENTITY_TYPE_NAMES = [...ENTITY_TYPES];

/**
 * Every relationship type an entity can have, and the property that tells two of one type
 * between the same nodes apart (a person holds several roles at one organization by title).
 */
export const ENTITY_RELATIONSHIPS: readonly { readonly type: string; readonly key?: string }[] = [
  { type: 'SAID' },
  { type: 'ABOUT' },
  { type: 'REPORTED_BY' },
  { type: 'MENTIONS' },
  { type: 'PUBLISHED_BY' },
  { type: 'HOLDS_ROLE', key: 'title' },
  { type: 'BASED_IN' },
  { type: 'PART_OF' },
  { type: 'IMPOSED_BY' },
  { type: 'TARGETS' },
  { type: 'PARTICIPATED_IN' },
  { type: 'TOOK_PLACE_IN' },
  { type: 'PRECEDED' },
  { type: 'LED_TO' },
  { type: 'NAMES' },
  // An external identifier names one entity: the one merged into, from now on.
  { type: 'IDENTIFIES' },
  { type: 'CHANGED' },
  { type: 'MERGED_INTO' },
];

const moveOne = ({ type, key }: { type: string; key?: string }): string => {
  const props = key === undefined ? '' : ` {${key}: r.${key}}`;
  return `CALL (f, i) {
  MATCH (f)-[r:${type}]->(x) WHERE x <> i
  MERGE (i)-[n:${type}${props}]->(x) SET n += properties(r)
}
CALL (f, i) {
  MATCH (x)-[r:${type}]->(f) WHERE x <> i
  MERGE (x)-[n:${type}${props}]->(i) SET n += properties(r)
}`;
};

/**
 * Every relationship of `from` copied onto `into` (a link between the two is dropped: an
 * entity is not part of or based in itself), then `from`'s removed; its names join
 * `into`'s aliases; `from` keeps its id as a MergedEntity pointing at `into`, so its id
 * resolves for readers. Returns how many relationships of a type not in the list `from`
 * had (they would be lost: the caller rolls back when there are any).
 */
export const MOVE_ENTITY = `
MATCH (f:Entity {id: $from})
MATCH (i:Entity {id: $into})
WITH f, i, COUNT { (f)-[r]-() WHERE NOT type(r) IN $types } AS unknown
${ENTITY_RELATIONSHIPS.map(moveOne).join('\n')}
CALL (f) { MATCH (f)-[r]-() DELETE r }
SET i.aliases = reduce(acc = coalesce(i.aliases, []), a IN [f.name] + coalesce(f.aliases, []) |
      CASE WHEN a IN acc OR a = i.name THEN acc ELSE acc + a END)
SET i.aliasText = reduce(t = '', a IN i.aliases | t + a + ' | ')
REMOVE f:${['Entity', ...ENTITY_TYPES].join(':')}
SET f:MergedEntity, f.mergedAt = $at, f.mergedReason = $reason
CREATE (f)-[:MERGED_INTO]->(i)
RETURN unknown`;

export const MOVED_TYPES = ENTITY_RELATIONSHIPS.map((r) => r.type);

/**
 * Each group of \`into\`'s statements that have one quote key once \`from\`'s are re-keyed
 * (\`<speaker>|<words>\`) collapses into its least id, which gains the others' evidence,
 * topics, outlets, quotes and edits. The keys themselves change only afterwards
 * (REKEY_STATEMENTS): a quote key is unique, so two statements never hold one, not even
 * for the moment between re-keying and collapsing. Returns each collapsed statement with
 * the one it went into.
 */
export const COLLAPSE_STATEMENTS = `
MATCH (:Entity {id: $into})-[:SAID]->(s:Statement) WHERE s.quoteKey IS NOT NULL
WITH s, CASE WHEN s.quoteKey STARTS WITH $from + '|' THEN $into + substring(s.quoteKey, size($from)) ELSE s.quoteKey END AS key
ORDER BY s.id
WITH key, collect(s) AS same WHERE size(same) > 1
WITH head(same) AS keeper, tail(same) AS others
UNWIND others AS d
CALL (d, keeper) {
  MATCH (d)-[r:APPEARS_IN]->(a) MERGE (keeper)-[n:APPEARS_IN]->(a) SET n += properties(r)
}
CALL (d, keeper) {
  MATCH (d)-[r:ABOUT]->(x) MERGE (keeper)-[n:ABOUT]->(x) ON CREATE SET n += properties(r)
}
CALL (d, keeper) {
  MATCH (d)-[r:REPORTED_BY]->(x) MERGE (keeper)-[n:REPORTED_BY]->(x) ON CREATE SET n += properties(r)
}
CALL (d, keeper) {
  MATCH (d)-[:QUOTED_IN]->(x) WHERE x <> keeper MERGE (keeper)-[:QUOTED_IN]->(x)
}
CALL (d, keeper) {
  MATCH (x)-[:QUOTED_IN]->(d) WHERE x <> keeper MERGE (x)-[:QUOTED_IN]->(keeper)
}
CALL (d, keeper) {
  MATCH (x:Edit)-[:CHANGED]->(d) MERGE (x)-[:CHANGED]->(keeper)
}
WITH d.id AS collapsed, keeper.id AS into, d
DETACH DELETE d
RETURN collapsed, into`;


/** The quote keys of the statements \`from\` said, now \`into\`'s, after COLLAPSE_STATEMENTS. */
export const REKEY_STATEMENTS = `
MATCH (:Entity {id: $into})-[:SAID]->(s:Statement)
WHERE s.quoteKey STARTS WITH $from + '|'
SET s.quoteKey = $into + substring(s.quoteKey, size($from))`;
