/** Every Cypher text of the edit history; edits stay linked to nodes a retraction or merge retired. */
import { eitherLabel } from './retired.cypher';

/** The labels a target of each kind may carry: live, or retired by a retraction or merge. */
export const TARGET_LABELS = {
  statements: ['Statement', 'RetractedStatement'],
  articles: ['Article', 'RetractedArticle'],
  entities: ['Entity', 'MergedEntity'],
} as const;
export type TargetKind = keyof typeof TARGET_LABELS;

const linkTargets = (kind: TargetKind): string => `
CALL (e) {
  UNWIND $${kind} AS target
  ${eitherLabel('t', TARGET_LABELS[kind][0], TARGET_LABELS[kind][1], 'target', 'target')}
  CREATE (e)-[:CHANGED]->(t)
}`;

/** One edit, linked to every node it changed. */
export const RECORD_EDIT = `
CREATE (e:Edit {id: $id, at: $at, who: $who, action: $action, arguments: $arguments, changes: $changes, reason: $reason})
WITH e
${linkTargets('statements')}
${linkTargets('articles')}
${linkTargets('entities')}
RETURN e.id AS id`;

/** One edit per row, each linked to its (live) article: what a batch of ingested documents records. */
export const RECORD_INGEST_EDITS = `CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (a:Article {id: row.article})
CREATE (e:Edit {id: row.id, at: $batch.at, who: $batch.who, action: 'ingest', arguments: row.arguments, changes: '[]'})
CREATE (e)-[:CHANGED]->(a)`;

const EDIT_FIELDS = `{id: e.id, at: e.at, who: e.who, action: e.action, arguments: e.arguments, changes: e.changes, reason: e.reason}`;

/**
 * A page of edits for each of many nodes (`$pages`: `{id, afterAt, afterId}`, the cursor
 * null for a first page), newest first with ties by id, descending; row `i` answers
 * `$pages[i]`, and an id that names no node has no row. All pages are of one size: LIMIT
 * takes no value from a row.
 */
const historyPages = (kind: TargetKind): string => `
UNWIND range(0, size($pages) - 1) AS i
WITH i, $pages[i] AS page
${eitherLabel('t', TARGET_LABELS[kind][0], TARGET_LABELS[kind][1], 'page.id', 'page')}
CALL (t, page) {
  MATCH (t)<-[:CHANGED]-(e:Edit)
  WHERE page.afterAt IS NULL OR e.at < page.afterAt OR (e.at = page.afterAt AND e.id < page.afterId)
  WITH e ORDER BY e.at DESC, e.id DESC LIMIT toInteger($limit)
  RETURN collect(${EDIT_FIELDS}) AS edits
}
RETURN i, edits`;

/** How many edits each node of `$ids` has; an id that names no node has no row. */
const historyCounts = (kind: TargetKind): string => `
UNWIND $ids AS id
${eitherLabel('t', TARGET_LABELS[kind][0], TARGET_LABELS[kind][1], 'id', 'id')}
RETURN id, COUNT { (t)<-[:CHANGED]-(:Edit) } AS n`;

export const HISTORY_PAGES: Readonly<Record<TargetKind, string>> = {
  statements: historyPages('statements'),
  articles: historyPages('articles'),
  entities: historyPages('entities'),
};

export const HISTORY_COUNTS: Readonly<Record<TargetKind, string>> = {
  statements: historyCounts('statements'),
  articles: historyCounts('articles'),
  entities: historyCounts('entities'),
};
