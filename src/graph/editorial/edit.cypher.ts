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
export const RECORD_INGEST_EDITS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CREATE (e:Edit {id: row.id, at: $at, who: $who, action: 'ingest', arguments: row.arguments, changes: '[]'})
CREATE (e)-[:CHANGED]->(a)`;

const EDIT_FIELDS = `{id: e.id, at: e.at, who: e.who, action: e.action, arguments: e.arguments, changes: e.changes, reason: e.reason}`;

/**
 * A page of one node's edits, newest first (ties by id, descending), after the cursor
 * (\`$afterAt\`, \`$afterId\`; null for the first page).
 */
const historyPage = (kind: TargetKind): string => `
${eitherLabel('t', TARGET_LABELS[kind][0], TARGET_LABELS[kind][1], '$id', '')}
MATCH (t)<-[:CHANGED]-(e:Edit)
WHERE $afterAt IS NULL OR e.at < $afterAt OR (e.at = $afterAt AND e.id < $afterId)
WITH e ORDER BY e.at DESC, e.id DESC LIMIT toInteger($limit)
RETURN ${EDIT_FIELDS} AS edit`;

const historyCount = (kind: TargetKind): string => `
${eitherLabel('t', TARGET_LABELS[kind][0], TARGET_LABELS[kind][1], '$id', '')}
RETURN COUNT { (t)<-[:CHANGED]-(:Edit) } AS n`;

export const HISTORY_PAGES: Readonly<Record<TargetKind, string>> = {
  statements: historyPage('statements'),
  articles: historyPage('articles'),
  entities: historyPage('entities'),
};

export const HISTORY_COUNTS: Readonly<Record<TargetKind, string>> = {
  statements: historyCount('statements'),
  articles: historyCount('articles'),
  entities: historyCount('entities'),
};
