/** Every Cypher text the exporter runs: whole-graph reads, paged by id. */
import { entityTypeOf } from '../db/cypher';

/** A role's start or end (`h.startDate`, `h.startText`, ...) as a document's date, null when unknown. */
const roleDate = (end: 'start' | 'end'): string =>
  `CASE WHEN h.${end}Date IS NULL AND h.${end}Text IS NULL THEN null ELSE {text: h.${end}Text, date: h.${end}Date, precision: h.${end}Precision} END`;

/** Entities with everything a document needs to recreate them, a page at a time. */
export const ENTITY_PAGE = `
MATCH (e:Entity)
WHERE e.id > $after
WITH e ORDER BY e.id LIMIT toInteger($limit)
RETURN e.id AS id,
  ${entityTypeOf('e')} AS type,
  e.name AS name, coalesce(e.aliases, []) AS aliases, e.description AS description,
  e.kind AS kind, e.status AS status,
  CASE WHEN e.date IS NULL AND e.dateText IS NULL THEN null
       ELSE {text: e.dateText, date: e.date, precision: e.datePrecision} END AS date,
  [(e)-[h:HOLDS_ROLE]->() | {title: h.title, organization: h.organization, place: h.place, former: h.former, ordinal: h.ordinal,
    start: ${roleDate('start')}, end: ${roleDate('end')}}] AS roles,
  [(e)-[:BASED_IN|TOOK_PLACE_IN]->(p:Place) | p.id][0] AS place,
  [(e)-[:PART_OF]->(p:Place) | p.id][0] AS partOf,
  [(e)-[:IMPOSED_BY]->(x:Entity) | x.id] AS actors,
  [(e)-[:TARGETS]->(x:Entity) | x.id] AS targets,
  [(e)<-[:PARTICIPATED_IN]-(x:Entity) | x.id] AS participants,
  [(x:ExternalId)-[:IDENTIFIES]->(e) | {scheme: x.scheme, value: x.value, url: x.url}] AS identifiers`;

export const SEQUENCES = `
MATCH (a:Entity)-[r:PRECEDED|LED_TO]->(b:Entity)
RETURN a.id AS from, b.id AS to, type(r) AS relation
ORDER BY from, to, relation`;

/** Articles with their statements in document order, a page at a time. */
export const EXPORTED_ARTICLES_PAGE = `
MATCH (a:Article)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
CALL {
  WITH a
  MATCH (s:Statement)-[ev:APPEARS_IN]->(a)
  WITH s, ev ORDER BY ev.ordinal, ev.start
  RETURN collect({
    id: s.id, kind: s.kind, text: s.text, start: ev.start, end: ev.end, venue: s.venue,
    speaker: [(sp:Entity)-[:SAID]->(s) | sp.id][0],
    about: [(s)-[r:ABOUT]->(x:Entity) | [r.ordinal, x.id, r.stance, r.stanceConfidence]],
    reportedBy: [(s)-[r:REPORTED_BY]->(x:Organization) | [r.ordinal, x.id]],
    quotedIn: [(s)-[:QUOTED_IN]->(o:Statement) | o.id][0],
    date: CASE WHEN s.date IS NULL AND s.dateText IS NULL THEN null
          ELSE {text: s.dateText, date: s.date, precision: s.datePrecision} END
  }) AS statements
}
RETURN a.id AS id, a.title AS title, a.text AS text, a.url AS url, a.publishedAt AS publishedAt,
  [(a)-[:PUBLISHED_BY]->(p:Organization) | p.id][0] AS publisher,
  [(a)-[:MENTIONS]->(e:Entity) | e.id] AS mentions,
  statements`;
