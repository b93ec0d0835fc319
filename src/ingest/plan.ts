/**
 * What each document of a batch means against the graph: which of its entities are merged
 * into ones already there, which of its quotes join a statement another article has, what
 * it creates, updates or leaves unchanged, and the rows the writer's queries take for it.
 * Documents are planned in order against the overlay (overlay.ts), which each plan updates,
 * so document k is planned against the graph as documents 0..k-1 would have left it.
 *
 * A plan has two halves: entities first for every document, then statements, because
 * finding shared quotes needs the quote keys of the whole batch read in one query.
 */
import { createHash } from 'node:crypto';
import { batchQuery } from './batch-query';
import type { Row, WriteTx } from '../db/gateway';
import type { Problem } from '../errors';
import { identifierKey, type EntityType } from '../vocabulary';
import { addTo, Overlay, resolutionKeys, resolvedByName, type ArticleState, type NodeState } from './overlay';
import * as Q from './ingest.cypher';
import type { ConflictProblem, IngestResult } from './result';
import { nameKey } from './text';
import type { EntityInput } from './document';
import type { NormalizedDocument, NormalizedStatement } from './validate';

/** One document's writes as rows of the writer's queries, and what it will report. */
export interface Plan {
  readonly article: string;
  readonly result: IngestResult & { removed: string[]; revision?: number };
  readonly articleRow: Row;
  /** The stored article becomes a revision before this document's text replaces it; null when it does not. */
  readonly revision: Row | null;
  readonly entityRows: Readonly<Record<EntityType, Row[]>>;
  readonly articleExisted: boolean;
  readonly publisher: Row | null;
  readonly roles: Row[];
  /** One list per relationship, in the order of LINKS. */
  readonly links: readonly Row[][];
  /** Each external identifier of the document's entities, on the entity it resolved to. */
  readonly identifiers: Row[];
  /** The document's statements as one row: its article, and the statements in order. */
  readonly statements: Row | null;
  /** As `statements`, for the statements it owns that are new to the graph (CREATE_STATEMENTS). */
  readonly created: Row | null;
  /** The ids of those: their links are new too. */
  readonly fresh: ReadonlySet<string>;
  /** Owned statements the graph already had: their stale links go. */
  readonly stale: Row[];
  /** Per statement with any, in order: the entities it is about (the ordinal is the position). */
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

/** The entity types in the order their queries run, which is also the order results list them in. */
export const ENTITY_WRITE_ORDER: readonly EntityType[] = ['Place', 'Organization', 'Person', 'Policy', 'Event'];

/** The relationships between entities a document states, in the order the writer links them. */
export const LINKS = ['BASED_IN', 'PART_OF', 'IMPOSED_BY', 'TARGETS', 'PARTICIPATED_IN', 'TOOK_PLACE_IN', 'PRECEDED', 'LED_TO'] as const;

const NO_DATE = { text: null, date: null, precision: null };

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

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The ids a document writes, filed by how each compares with what the graph held. */
class Tally {
  readonly created: string[] = [];
  readonly updated: string[] = [];
  readonly unchanged: string[] = [];

  /** Files `id`; true when the graph had it. */
  count(id: string, before: NodeState | undefined, contentHash: string): boolean {
    if (!before) this.created.push(id);
    else if (before.hash === contentHash) this.unchanged.push(id);
    else this.updated.push(id);
    return before !== undefined;
  }
}

/** The first half of a plan: everything but statements, which need the batch's quote keys. */
interface EntityPlan {
  readonly doc: NormalizedDocument;
  readonly resolve: (id: string) => string;
  readonly merged: { from: string; into: string }[];
  readonly tally: Tally;
  readonly articleRow: Row;
  /** Whether the graph had the article before this document: only then can it have links to take away. */
  readonly articleExisted: boolean;
  /** Whether this document replaces the article's stored text (which is kept as a revision). */
  readonly replaces: boolean;
  readonly entityRows: Record<EntityType, Row[]>;
  /** Each statement's quote key (quoteKeyOf), in order, with references resolved. */
  readonly quoteKeys: readonly (string | null)[];
}

/** How a batch is written. */
export interface WriteOptions {
  /**
   * A document whose article id the graph holds with another text replaces it, the old
   * text kept as a revision; without it such a document is refused (CONFLICT).
   */
  readonly replace?: boolean;
}

/**
 * Plans every valid document (`null` marks one the validator rejected) in order; a document
 * whose references neither the graph nor an earlier document holds is rejected here, and so
 * is one whose article id the graph holds with another text, unless `options.replace`.
 */
export async function planBatch(
  tx: WriteTx,
  docs: readonly (NormalizedDocument | null)[],
  options: WriteOptions = {},
): Promise<{ plans: Plan[]; rejected: Map<number, Problem[]> }> {
  const valid = docs.filter((d): d is NormalizedDocument => d !== null);
  // Keyed with each speaker as its document names it, the quote keys are known before the
  // plan and read with the first reads; only a speaker resolved to another id makes a key
  // that has to be read after the entities are planned.
  const overlay = await Overlay.read(tx, valid, valid.flatMap((d) => quoteKeysOf(d.statements, (id) => id).flatMap((key) => key ?? [])));
  const rejected = new Map<number, Problem[]>();
  const firstHalves: (EntityPlan | null)[] = docs.map((doc, i) => {
    if (doc === null) return null;
    const planned = planEntities(doc, overlay, options.replace === true);
    if ('problems' in planned) {
      rejected.set(i, planned.problems);
      return null;
    }
    return planned;
  });
  await overlay.readQuotes(tx, firstHalves.flatMap((p) => (p ? p.quoteKeys.flatMap((key) => key ?? []) : [])));
  const plans = firstHalves.flatMap((p) => (p ? [planStatements(p, overlay)] : []));
  return { plans, rejected };
}

/**
 * The references of documents the validator rejected (`unresolved`, by index), checked as
 * planBatch checks a valid document's (against the graph and the entities of the valid
 * documents before it), so a document's author sees every problem at once.
 */
export async function unresolvedReferenceProblems(
  tx: WriteTx,
  docs: readonly (NormalizedDocument | null)[],
  unresolved: ReadonlyMap<number, NormalizedDocument['external']>,
): Promise<Map<number, Problem[]>> {
  const problems = new Map<number, Problem[]>();
  if (unresolved.size === 0) return problems;
  const entities = [...new Set([...unresolved.values()].flatMap((external) => [...external.keys()]))];
  const nodes = new Map<string, { label: string }>();
  for (const r of await tx.run(batchQuery(Q.EXISTING_NODES, { entities, articles: [], statements: [] }))) nodes.set(r.id as string, { label: r.label as string });
  docs.forEach((doc, i) => {
    const external = unresolved.get(i);
    if (external !== undefined) {
      const found = externalProblems(external, nodes);
      if (found.length > 0) problems.set(i, found);
    }
    for (const entity of doc?.entities ?? []) if (!nodes.has(entity.id)) nodes.set(entity.id, { label: entity.type });
  });
  return problems;
}

/**
 * Each statement's quote key: `<speaker>|<normalised words>`, null for a paraphrase. The
 * graph holds one statement per key (a unique constraint), and one article's evidence of a
 * statement is one span, so a document that repeats a quote keys its n-th repetition
 * `<key>#<n>`: it stays a statement of its own, shared with another article's n-th.
 */
function quoteKeysOf(statements: readonly NormalizedStatement[], resolve: (id: string) => string): (string | null)[] {
  const seen = new Map<string, number>();
  return statements.map((s) => {
    if (s.kind === 'INDIRECT') return null;
    const key = `${resolve(s.speaker)}|${nameKey(s.text)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

// The first half: entities

function planEntities(doc: NormalizedDocument, overlay: Overlay, replace: boolean): EntityPlan | { problems: Problem[] } {
  const problems = externalProblems(doc.external, overlay.nodes);
  if (problems.length > 0) return { problems };
  const stored = overlay.articles.get(doc.article.id);
  const replaces = stored !== undefined && stored.text !== doc.article.text;
  if (replaces && !replace) return { problems: [articleConflict(stored, doc.article)] };
  const byIdentifier = identifierMerges(doc, overlay);
  if ('problems' in byIdentifier) return byIdentifier;
  const merged = [...byIdentifier.merged, ...nameMerges(doc, overlay, new Set(byIdentifier.merged.map((m) => m.from)))];
  const alias = new Map(merged.map((m) => [m.from, m.into]));
  const resolve = (id: string): string => alias.get(id) ?? id;
  const quoteKeys = quoteKeysOf(doc.statements, resolve);
  if (replaces) {
    const rewritten = rewrittenQuotes(doc, quoteKeys, overlay);
    if (rewritten.length > 0) return { problems: rewritten };
  }

  // Classified against the graph as it was before this document, then changed for the next.
  const tally = new Tally();
  const changes: [string, NodeState][] = [];
  const classify = (id: string, label: string, contentHash: string): void => {
    tally.count(id, overlay.nodes.get(id), contentHash);
    changes.push([id, { label, hash: contentHash }]);
  };
  const articleHash = hash(doc.article);
  const articleExisted = overlay.nodes.has(doc.article.id);
  classify(doc.article.id, 'Article', articleHash);
  const { entityRows, nameKeys } = entityRowsOf(doc, resolve, classify);
  for (const [id, state] of changes) overlay.nodes.set(id, state);
  for (const [key, id] of nameKeys) addTo(overlay.names, key, id);
  for (const e of doc.entities) overlay.identify(resolve(e.id), e.type, e.identifiers);
  const { title, text, url, publisher } = doc.article;
  overlay.articles.set(doc.article.id, { title, text, url, publisher: publisher === null ? null : resolve(publisher) });

  return { doc, resolve, merged, tally, articleRow: { ...doc.article, hash: articleHash }, articleExisted, replaces, entityRows, quoteKeys };
}

/** What names an article in a CONFLICT: its title, its publisher and url where known, and how its text begins. */
const describe = (a: ArticleState): string => {
  const opening = a.text.length > 60 ? `${a.text.slice(0, 57)}...` : a.text;
  return [JSON.stringify(a.title), a.publisher, a.url, `text beginning ${JSON.stringify(opening)}`].filter((part) => part !== null).join(', ');
};

function articleConflict(stored: ArticleState, incoming: NormalizedDocument['article']): ConflictProblem {
  return {
    code: 'CONFLICT',
    path: 'article.id',
    message:
      `${incoming.id} already holds another article's text: the graph has ${describe(stored)}; this document has ${describe(incoming)}. ` +
      'Nothing was written. Give the document its own article.id (or url), or ingest it with replace (--replace) to make its text the ' +
      "article's, the stored text kept as a revision",
  };
}

/** The words of a quote key: what its evidence's offsets hold in every article that has it. */
const wordsOf = (quoteKey: string): string => quoteKey.slice(quoteKey.indexOf('|') + 1).replace(/#\d+$/, '');

/**
 * A replacing document's quotes that would give a statement other articles also quote new
 * words: their evidence would then point at words that are not the statement's. The statement
 * keeps its id (derived from its span in this article), so the replace is refused instead.
 */
function rewrittenQuotes(doc: NormalizedDocument, quoteKeys: readonly (string | null)[], overlay: Overlay): ConflictProblem[] {
  return doc.statements.flatMap((s, i): ConflictProblem[] => {
    const state = overlay.statements.get(s.id);
    const key = quoteKeys[i] ?? null;
    // A paraphrase (no key) where a quote was would leave the others' quote evidence on a paraphrase.
    if (state === undefined || state.quoteKey === null || (key !== null && wordsOf(state.quoteKey) === wordsOf(key))) return [];
    const others = [...state.articles].filter((a) => a !== doc.article.id);
    if (others.length === 0) return [];
    return [
      {
        code: 'CONFLICT',
        path: `statements[${i}]`,
        message: `${s.id} is also quoted by ${others.join(', ')} with other words than this document's ${JSON.stringify(s.text)} at its span; replacing the text would make their evidence wrong`,
      },
    ];
  });
}

/** References the document does not define must already be in the graph, with the right type. */
function externalProblems(external: NormalizedDocument['external'], nodes: ReadonlyMap<string, { readonly label: string }>): Problem[] {
  const problems: Problem[] = [];
  for (const [id, ref] of external) {
    const found = nodes.get(id);
    if (!found) problems.push({ path: ref.path, message: `expected an entity defined in this document or already in the graph; ${id} is neither` });
    else if (!ref.types.includes(found.label as EntityType)) problems.push({ path: ref.path, message: `expected a ${ref.types.join(' or ')}; ${id} is a ${found.label}` });
  }
  return problems;
}

/**
 * Entity resolution by external identifier, which comes before id and name: an entity of the
 * document whose identifier already names an entity of the graph is that entity. Refused
 * (CONFLICT) when its identifiers name two entities, or one of another type, or one other
 * than the entity its own id already names in the graph: one identifier would then name two
 * entities, and whether they are one is for mergeEntities to say, not for ingest to guess.
 */
function identifierMerges(doc: NormalizedDocument, overlay: Overlay): { merged: { from: string; into: string }[] } | { problems: ConflictProblem[] } {
  const merged: { from: string; into: string }[] = [];
  const problems: ConflictProblem[] = [];
  doc.entities.forEach((entity, i) => {
    const owners = new Map<string, { key: string; label: string }>();
    for (const { scheme, value } of entity.identifiers ?? []) {
      const key = identifierKey(scheme, value);
      const owner = overlay.identifiers.get(key);
      if (owner !== undefined && !owners.has(owner.id)) owners.set(owner.id, { key, label: owner.label });
    }
    const conflict = (message: string): void => {
      problems.push({
        code: 'CONFLICT',
        path: `entities[${i}].identifiers`,
        message: `${message}. Nothing was written: merge the entities with mergeEntities, or correct the identifiers`,
      });
    };
    if (owners.size > 1) conflict(`${entity.id}'s identifiers name ${owners.size} entities of the graph: ${[...owners].map(([id, o]) => `${o.key} names ${id}`).join(', ')}`);
    const [found] = [...owners];
    if (owners.size !== 1 || found === undefined || found[0] === entity.id) return;
    const [into, { key, label }] = found;
    if (label !== entity.type) conflict(`${key} names ${into}, a ${label}; ${entity.id} is a ${entity.type}`);
    else if (overlay.nodes.has(entity.id)) conflict(`${key} names ${into}; ${entity.id} is another entity of the graph`);
    else merged.push({ from: entity.id, into });
  });
  return problems.length > 0 ? { problems } : { merged };
}

/** Whether `candidate` has Wikidata ids and none of them is one of `entity`'s: then it is another entity of the same name. */
function otherWikidata(entity: EntityInput, candidate: string, overlay: Overlay): boolean {
  const own = (entity.identifiers ?? []).filter((i) => i.scheme === 'WIKIDATA').map((i) => i.value);
  const theirs = overlay.wikidataOf.get(candidate);
  return own.length > 0 && theirs !== undefined && theirs.size > 0 && !own.some((q) => theirs.has(q));
}

/**
 * Entity resolution by name, for entities whose id is new and that no identifier resolved
 * (`resolved`): only an unambiguous match merges, and never into an entity whose Wikidata id
 * is another than the entity's.
 */
function nameMerges(doc: NormalizedDocument, overlay: Overlay, resolved: ReadonlySet<string>): { from: string; into: string }[] {
  const merged: { from: string; into: string }[] = [];
  for (const entity of doc.entities) {
    if (overlay.nodes.has(entity.id) || resolved.has(entity.id) || !resolvedByName(entity)) continue;
    const candidates = new Set(
      resolutionKeys(entity)
        .flatMap((key) => [...(overlay.names.get(`${entity.type}|${key}`) ?? [])])
        .filter((id) => !otherWikidata(entity, id, overlay)),
    );
    const [into] = [...candidates];
    // Two candidates mean the name is shared, not known.
    if (candidates.size === 1 && into !== undefined && into !== entity.id) merged.push({ from: entity.id, into });
  }
  return merged;
}

/** The rows of each entity type's query, and the name keys the entities will own. */
function entityRowsOf(
  doc: NormalizedDocument,
  resolve: (id: string) => string,
  classify: (id: string, label: string, contentHash: string) => void,
): { entityRows: Record<EntityType, Row[]>; nameKeys: [string, string][] } {
  const entityRows = Object.fromEntries(ENTITY_WRITE_ORDER.map((type) => [type, [] as Row[]])) as Record<EntityType, Row[]>;
  const nameKeys: [string, string][] = [];
  for (const type of ENTITY_WRITE_ORDER) {
    for (const e of doc.entities) {
      if (e.type !== type) continue;
      const id = resolve(e.id);
      const names = [e.name, ...(e.aliases ?? [])];
      const keys = [...new Set(names.map(nameKey).filter((k) => k.length > 0))];
      const contentHash = hash({ ...e, id });
      if (id === e.id) classify(id, type, contentHash);
      for (const key of keys) nameKeys.push([`${type}|${key}`, id]);
      entityRows[type].push({
        id,
        name: e.name,
        aliases: id === e.id ? e.aliases ?? [] : names,
        description: e.description ?? null,
        keys,
        kind: 'kind' in e ? e.kind ?? null : null,
        status: 'status' in e ? e.status ?? null : null,
        date: 'date' in e && e.date ? e.date : NO_DATE,
        merged: id !== e.id,
        hash: contentHash,
      });
    }
  }
  return { entityRows, nameKeys };
}

// The second half: statements

function planStatements(first: EntityPlan, overlay: Overlay): Plan {
  const { doc, resolve, tally } = first;
  const article = doc.article.id;
  const { sid, evidenceAdded } = sharedQuotes(first, overlay);
  const rows = statementRows(first, sid, overlay);
  const { owned, touched, kept } = recordStatements(rows, article, overlay);
  const roles = roleRows(doc, resolve);
  const per = (pick: (r: StatementRow) => readonly string[]): Row[] =>
    rows.flatMap((r) => (pick(r).length > 0 ? [{ statement: r.id, entities: pick(r) }] : []));
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
    articleExisted: first.articleExisted,
    publisher: doc.article.publisher ? { article, publisher: resolve(doc.article.publisher) } : null,
    roles,
    links: linkRows(doc, resolve),
    identifiers: doc.entities.flatMap((e) =>
      (e.identifiers ?? []).map((i) => ({ entity: resolve(e.id), key: identifierKey(i.scheme, i.value), scheme: i.scheme, value: i.value, url: i.url })),
    ),
    statements: merged.length === 0 ? null : { article, statements: merged.map(statementWrite) },
    created: fresh.length === 0 ? null : { article, statements: fresh.map((r) => ({ ...statementWrite(r), day: r.date.date ?? day })) },
    fresh: new Set(fresh.map((r) => r.id)),
    stale: rows.flatMap((r) =>
      r.existed && !r.shared ? [{ id: r.id, speaker: r.speaker, about: r.about, reportedBy: r.reportedBy, quotedIn: r.quotedIn }] : [],
    ),
    about: rows.flatMap((r) => (r.about.length > 0 ? [{ statement: r.id, entities: r.about, stances: r.stances }] : [])),
    reportedBy: per((r) => r.reportedBy),
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
