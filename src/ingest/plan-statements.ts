/**
 * The second half of a plan (plan.ts): a document's statements, once the first half
 * (plan-entities.ts) has resolved its entities and the batch's quote keys are read. Which
 * quotes join a statement another article has, which statements are new to the graph, what
 * evidence the document gives and takes away, and every row the writer (write.ts) sends for it.
 */
import type { Row } from '../db/gateway';
import { identifierKey, type EntityType } from '../vocabulary';
import { CREATED_STATEMENT, type CreatedStatementField } from './ingest.cypher';
import type { Overlay } from './overlay';
import { hash, NO_DATE, type EntityPlan } from './plan-entities';
import type { IngestResult } from './result';
import type { NormalizedDocument, NormalizedStatement } from './validate';

/** One document's writes as rows of the writer's queries, and what it will report. */
export interface Plan {
  readonly article: string;
  readonly result: IngestResult & { removed: string[]; revision?: number };
  readonly articleRow: Row;
  /** The stored article becomes a revision before this document's text replaces it; null when it does not. */
  readonly revision: Row | null;
  /** The entities it writes that the graph or an earlier document of the batch has (MERGE), and those new to both (CREATE). */
  readonly entityRows: Readonly<Record<EntityType, Row[]>>;
  readonly newEntityRows: Readonly<Record<EntityType, Row[]>>;
  readonly articleExisted: boolean;
  readonly publisher: Row | null;
  readonly roles: Row[];
  /** One list per relationship, in the order of LINKS. */
  readonly links: readonly Row[][];
  /** Each external identifier of the document's entities, on the entity it resolved to. */
  readonly identifiers: Row[];
  /** The document's statements as one row: its article, and the statements in order. */
  readonly statements: Row | null;
  /** As `statements`, for the statements it owns that are new to the graph, each a list of CREATED_STATEMENT's values (CREATE_STATEMENTS). */
  readonly created: Row | null;
  /** The ids of those: their links are new too. */
  readonly fresh: ReadonlySet<string>;
  /** Owned statements the graph already had: their stale links go. */
  readonly stale: Row[];
  /** Per statement with any but those of `created`, in order: the entities it is about (the ordinal is the position). */
  readonly about: Row[];
  readonly reportedBy: Row[];
  readonly quoted: Row[];
  readonly kept: string[];
  readonly mentions: string[];
  /** People whose roles this document writes. */
  readonly rolePersons: ReadonlySet<string>;
  /** Statements it writes as their owner (content, links, speaker). */
  readonly owned: ReadonlySet<string>;
  /** Statements it writes in any way, or takes evidence from. */
  readonly touched: ReadonlySet<string>;
}

/** The relationships between entities a document states, in the order the writer links them. */
export const LINKS = ['BASED_IN', 'PART_OF', 'IMPOSED_BY', 'TARGETS', 'PARTICIPATED_IN', 'TOOK_PLACE_IN', 'PRECEDED', 'LED_TO'] as const;

/** Every id of `ids` resolved, each once. */
const resolveAllWith = (resolve: (id: string) => string, ids: readonly string[] | undefined): string[] => [...new Set((ids ?? []).map(resolve))];

/** The stance of each link of resolveAllWith(resolve, about), in its order: the first given for an entity two ids resolve to. */
function stancesOf(resolve: (id: string) => string, about: readonly string[], stances: NormalizedStatement['stances']): NormalizedStatement['stances'] {
  const byEntity = new Map<string, NormalizedStatement['stances'][number]>();
  about.forEach((id, i) => {
    if (!byEntity.has(resolve(id))) byEntity.set(resolve(id), stances[i] ?? { stance: 'UNCLEAR', confidence: null });
  });
  return [...byEntity.values()];
}

export function planStatements(first: EntityPlan, overlay: Overlay): Plan {
  const { doc, resolve, tally } = first;
  const article = doc.article.id;
  const { sid, evidenceAdded } = sharedQuotes(first, overlay);
  const rows = statementRows(first, sid, overlay);
  const { owned, touched, kept } = recordStatements(rows, article, overlay);
  const roles = roleRows(doc, resolve);
  const isFresh = (r: StatementRow): boolean => !r.existed && !r.shared;
  const fresh = rows.filter(isFresh);
  const merged = rows.filter((r) => !isFresh(r));
  const day = doc.article.publishedAt === null ? null : doc.article.publishedAt.slice(0, 10);
  return {
    article,
    result: {
      article,
      created: tally.created,
      updated: tally.updated,
      unchanged: tally.unchanged,
      merged: first.merged,
      evidenceAdded: [...new Set(evidenceAdded)],
      removed: [],
      statements: doc.statements.length,
      entities: doc.entities.length,
    },
    articleRow: first.articleRow,
    revision: first.replaces ? { article, replacedAt: new Date().toISOString() } : null,
    entityRows: first.entityRows,
    newEntityRows: first.newEntityRows,
    articleExisted: first.articleExisted,
    publisher: doc.article.publisher ? { article, publisher: resolve(doc.article.publisher) } : null,
    roles,
    links: linkRows(doc, resolve),
    identifiers: doc.entities.flatMap((e) =>
      (e.identifiers ?? []).map((i) => ({ entity: resolve(e.id), key: identifierKey(i.scheme, i.value), scheme: i.scheme, value: i.value, url: i.url })),
    ),
    statements: merged.length === 0 ? null : { article, statements: merged.map(statementWrite) },
    created: fresh.length === 0 ? null : { article, statements: fresh.map((r) => createdStatement(r, r.date.date ?? day)) },
    fresh: new Set(fresh.map((r) => r.id)),
    stale: rows.flatMap((r) =>
      r.existed && !r.shared ? [{ id: r.id, speaker: r.speaker, about: r.about, reportedBy: r.reportedBy, quotedIn: r.quotedIn }] : [],
    ),
    about: merged.flatMap((r) => (r.about.length > 0 ? [{ statement: r.id, entities: r.about, stances: r.stances }] : [])),
    reportedBy: merged.flatMap((r) => (r.reportedBy.length > 0 ? [{ statement: r.id, entities: r.reportedBy }] : [])),
    quoted: rows.flatMap((r) => (r.quotedIn ? [{ from: r.id, to: r.quotedIn }] : [])),
    kept,
    mentions: [...new Set((doc.mentions ?? [...doc.entities.map((e) => e.id), ...doc.external.keys()]).map(resolve))],
    rolePersons: new Set(roles.map((r) => r.person)),
    owned,
    touched,
  };
}

/** Quotes already in the graph (same speaker, same normalised words) gain evidence instead of a statement. */
function sharedQuotes(first: EntityPlan, overlay: Overlay): { sid: (id: string) => string; evidenceAdded: string[] } {
  const statementId = new Map<string, string>();
  const evidenceAdded: string[] = [];
  for (const [i, s] of first.doc.statements.entries()) {
    const key = first.quoteKeys[i] ?? null;
    const found = key === null ? undefined : overlay.sameQuote(key);
    statementId.set(s.id, found ?? s.id);
    if (found !== undefined && found !== s.id) evidenceAdded.push(found);
  }
  return { sid: (id) => statementId.get(id) ?? id, evidenceAdded };
}

type StatementRow = ReturnType<typeof statementRows>[number];

/** Each statement with its references resolved, its content hash, and whether the graph had it. */
function statementRows(first: EntityPlan, sid: (id: string) => string, overlay: Overlay) {
  const { doc, resolve } = first;
  const article = doc.article.id;
  const sortPrefix = `${doc.article.publishedAt ?? '0000-00-00'}|${article}|`;
  return doc.statements.map((s, i) => {
    const id = sid(s.id);
    const row = {
      id,
      kind: s.kind,
      text: s.text,
      speaker: resolve(s.speaker),
      venue: s.venue,
      about: resolveAllWith(resolve, s.about),
      stances: stancesOf(resolve, s.about, s.stances),
      reportedBy: resolveAllWith(resolve, s.reportedBy),
      quotedIn: s.quotedIn ? sid(s.quotedIn) : null,
      date: s.date ?? NO_DATE,
      quoteKey: first.quoteKeys[i] ?? null,
    };
    const contentHash = hash(row);
    const existed = id === s.id && first.tally.count(id, overlay.nodes.get(id), contentHash);
    return {
      ...row,
      existed,
      start: s.start,
      end: s.end,
      sentence: s.sentence,
      sentenceStart: s.sentenceStart,
      ordinal: s.ordinal,
      sortKey: `${sortPrefix}${String(s.ordinal).padStart(6, '0')}`,
      hash: contentHash,
      article,
      shared: id !== s.id,
    };
  });
}

/**
 * The graph after this document's statements: content and keys of those it owns, its
 * evidence, and the evidence it no longer gives (a statement left with none is deleted).
 */
function recordStatements(rows: readonly StatementRow[], article: string, overlay: Overlay): { owned: Set<string>; touched: Set<string>; kept: string[] } {
  const owned = new Set<string>();
  const touched = new Set<string>();
  for (const r of rows) {
    if (!r.shared) {
      overlay.setStatement(r.id, r.hash, r.quoteKey);
      owned.add(r.id);
    }
    overlay.addEvidence(r.id, article);
    touched.add(r.id);
  }
  const kept = [...new Set(rows.map((r) => r.id))];
  for (const id of overlay.appearingIn(article)) {
    if (touched.has(id)) continue;
    overlay.dropEvidence(id, article);
    touched.add(id);
  }
  return { owned, touched, kept };
}

/** Only what MERGE_STATEMENTS reads: every value sent is packed by the driver and unpacked by Neo4j. */
const statementWrite = (r: StatementRow): Row => ({
  id: r.id,
  shared: r.shared,
  speaker: r.speaker,
  kind: r.kind,
  text: r.text,
  venue: r.venue,
  quoteKey: r.quoteKey,
  date: r.date,
  sortKey: r.sortKey,
  hash: r.hash,
  start: r.start,
  end: r.end,
  sentence: r.sentence,
  sentenceStart: r.sentenceStart,
  ordinal: r.ordinal,
});

/** What CREATE_STATEMENTS writes for a statement new to the graph, at the positions of CREATED_STATEMENT. */
function createdStatement(r: StatementRow, day: string | null): unknown[] {
  const values: Record<CreatedStatementField, unknown> = {
    id: r.id,
    speaker: r.speaker,
    kind: r.kind,
    text: r.text,
    venue: r.venue,
    quoteKey: r.quoteKey,
    dateText: r.date.text,
    date: r.date.date,
    datePrecision: r.date.precision,
    sortKey: r.sortKey,
    hash: r.hash,
    day,
    start: r.start,
    end: r.end,
    sentence: r.sentence,
    sentenceStart: r.sentenceStart,
    ordinal: r.ordinal,
    about: r.about,
    stances: r.stances.map((s) => s.stance),
    confidences: r.stances.map((s) => s.confidence),
    reportedBy: r.reportedBy,
  };
  return CREATED_STATEMENT.map((field) => values[field]);
}

function roleRows(doc: NormalizedDocument, resolve: (id: string) => string) {
  return doc.entities.flatMap((e) =>
    e.type === 'Person'
      ? (e.roles ?? []).map((r, ordinal) => ({
          person: resolve(e.id),
          title: r.title,
          organization: r.organization ? resolve(r.organization) : null,
          place: r.place ? resolve(r.place) : null,
          former: r.former === true,
          since: r.start ?? NO_DATE,
          until: r.end ?? NO_DATE,
          ordinal,
          merged: resolve(e.id) !== e.id,
        }))
      : [],
  );
}

/** The rows of each relationship in LINKS, in that order. */
function linkRows(doc: NormalizedDocument, resolve: (id: string) => string): Row[][] {
  const sequence = (relation: 'PRECEDED' | 'LED_TO'): Row[] => doc.sequences.filter((s) => s.relation === relation).map((s) => ({ from: s.from, to: s.to }));
  const rows: Record<(typeof LINKS)[number], Row[]> = {
    BASED_IN: doc.entities.flatMap((e) => (e.type === 'Organization' && e.place ? [{ from: resolve(e.id), to: resolve(e.place) }] : [])),
    PART_OF: doc.entities.flatMap((e) => (e.type === 'Place' && e.partOf ? [{ from: resolve(e.id), to: resolve(e.partOf) }] : [])),
    IMPOSED_BY: doc.entities.flatMap((e) => (e.type === 'Policy' ? resolveAllWith(resolve, e.actors).map((to) => ({ from: e.id, to })) : [])),
    TARGETS: doc.entities.flatMap((e) => (e.type === 'Policy' ? resolveAllWith(resolve, e.targets).map((to) => ({ from: e.id, to })) : [])),
    PARTICIPATED_IN: doc.entities.flatMap((e) => (e.type === 'Event' ? resolveAllWith(resolve, e.participants).map((from) => ({ from, to: e.id })) : [])),
    TOOK_PLACE_IN: doc.entities.flatMap((e) => (e.type === 'Event' && e.place ? [{ from: e.id, to: resolve(e.place) }] : [])),
    PRECEDED: sequence('PRECEDED'),
    LED_TO: sequence('LED_TO'),
  };
  return LINKS.map((link) => rows[link]);
}
