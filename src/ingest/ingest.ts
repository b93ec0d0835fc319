/**
 * Writes validated article documents, one or a whole batch, in one write transaction.
 * Every id reference is checked inside that transaction, so a batch in which any document
 * fails writes nothing. Writing is idempotent: nodes are merged on ids, and a content hash
 * per node tells created, updated and unchanged apart.
 *
 * Entity resolution: an entity whose normalised name (text.ts `nameKey`) is already the
 * name or alias of exactly one entity of the same type is merged into it, and every
 * reference in the document is rewritten to the existing id. A quote whose speaker and
 * normalised words match a statement already in the graph becomes a second piece of
 * evidence for that statement instead of a new one.
 *
 * A batch comes out exactly as if its documents had been written one by one, in order, but
 * costs a handful of reads and a fixed set of UNWIND writes instead of twenty queries per
 * document. The writer first reads, once for the whole batch, what the graph holds for
 * every id, name key and quote key the batch mentions, and keeps that in an overlay it
 * updates in memory as it plans each document in turn: document k resolves names, finds
 * shared quotes and tells created from updated against the graph as documents 0..k-1 would
 * have left it. Then it writes the plans with each query's rows for all documents together.
 * Rows of one query run in document order; where a later document's rows would meet an
 * earlier one's in a way whose outcome depends on the order of the queries (the same
 * article twice, roles of the same person twice, a statement rewritten after another
 * document touched it), the batch is written in consecutive segments instead, each a fixed
 * set of queries, so the result is still that of the one-by-one order.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../db/cypher';
import type { Deadline, Neo4jGateway, RoundTrips, Row, WriteTx } from '../db/gateway';
import { invalidDocument, type Problem } from '../errors';
import type { EntityInput } from './document';
import type { EntityType } from '../vocabulary';
import * as Q from './ingest.cypher';
import { nameKey } from './text';
import { validateDocument, type NormalizedDocument, type NormalizedStatement } from './validate';

export interface IngestResult {
  readonly article: string;
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  /** Entities of the document linked to an existing entity instead of created. */
  readonly merged: { readonly from: string; readonly into: string }[];
  /** Statements that were already in the graph from another article and gained evidence. */
  readonly evidenceAdded: string[];
  /** Statements this article no longer has (in id order): its evidence is gone, and so is the statement if no other article has it. */
  readonly removed: string[];
  readonly statements: number;
  readonly entities: number;
}

/**
 * A batch that was not written: the problems of every rejected document, by its index in
 * the batch. Documents are judged as if loaded one by one with the rejected ones left out,
 * so the batch without them would be written as it stands.
 */
export class BatchRejected extends Error {
  constructor(readonly rejected: ReadonlyMap<number, readonly Problem[]>) {
    super(
      `batch rejected: ${[...rejected]
        .map(([i, problems]) => `document ${i}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
        .join('; ')}`,
    );
  }
}

/**
 * The names an entity may be matched by: its name, and aliases of two words or more. A
 * one-word alias ("Waltz", "Fox") names too many things to merge on, except an
 * organization's acronym ("CIA", "FT").
 */
function resolutionKeys(entity: EntityInput): string[] {
  const aliases = (entity.aliases ?? []).filter(
    (a) => a.trim().includes(' ') || (entity.type === 'Organization' && /^[A-Z]{2,6}$/.test(a.trim())),
  );
  return [...new Set([entity.name, ...aliases].map(nameKey).filter((k) => k.length > 0))];
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/**
 * Validates, then writes. Throws a BAD_USER_INPUT GraphQLError listing every problem. With
 * a deadline (the request's), the write is cancelled and rolled back when it passes.
 */
export async function ingestDocument(gateway: Neo4jGateway, input: unknown, trips?: RoundTrips, deadline?: Deadline): Promise<IngestResult> {
  try {
    const [result] = await writeDocuments(gateway, [input], trips, deadline);
    return result as IngestResult;
  } catch (error) {
    if (error instanceof BatchRejected) throw invalidDocument(error.rejected.get(0) ?? []);
    throw error;
  }
}

/**
 * Documents already through the validator, in order, ready for `writeDocuments`: a bulk
 * load validates the next batch while the current one is being written. Validation reads
 * nothing from the graph, so when it runs makes no difference to what it finds.
 */
export class ValidatedDocuments {
  readonly documents: (NormalizedDocument | null)[] = [];
  readonly rejected = new Map<number, readonly Problem[]>();

  static of(inputs: readonly unknown[]): ValidatedDocuments {
    const validated = new ValidatedDocuments();
    for (const input of inputs) validated.add(input);
    return validated;
  }

  /** Validates one more document; its index is the number added before it. */
  add(input: unknown): void {
    const validation = validateDocument(input);
    if (!validation.ok) this.rejected.set(this.documents.length, validation.problems);
    this.documents.push(validation.ok ? validation.document : null);
  }

  get size(): number {
    return this.documents.length;
  }
}

/**
 * Validates every document (unless they come validated), then writes them all in one write
 * transaction, in order, and returns one result per document. Throws BatchRejected, having
 * written nothing, when any document is invalid or references what neither the graph nor
 * an earlier document holds.
 */
export async function writeDocuments(
  gateway: Neo4jGateway,
  inputs: readonly unknown[] | ValidatedDocuments,
  trips?: RoundTrips,
  deadline?: Deadline,
): Promise<IngestResult[]> {
  const validated = inputs instanceof ValidatedDocuments ? inputs : ValidatedDocuments.of(inputs);
  const { documents: docs, rejected } = validated;
  // Without a valid document there is nothing to check against the graph.
  if (docs.every((d) => d === null)) throw new BatchRejected(rejected);
  return gateway.write(async (tx) => {
    const planned = await planBatch(tx, docs);
    const problems = new Map([...rejected, ...planned.rejected].sort(([a], [b]) => a - b));
    if (problems.size > 0) throw new BatchRejected(problems);
    const plans = planned.plans;
    const pipeline = new WritePipeline(tx);
    const fills: ((answers: Row[][]) => void)[] = [];
    for (const segment of segments(plans)) fills.push(await writeSegment(pipeline, segment));
    const answers = await pipeline.finish();
    for (const fill of fills) fill(answers);
    return plans.map((p) => p.result);
  }, trips, deadline);
}

// ---------------------------------------------------------------------------------------------
// What the graph holds, as the document being planned would find it

interface NodeState {
  readonly label: string;
  readonly hash: string | null;
}

interface StatementState {
  quoteKey: string | null;
  /** Every article the statement appears in. */
  readonly articles: Set<string>;
}

const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
};

/**
 * The graph as far as a batch needs to see it: filled from the batch's reads, then changed
 * by each planned document as its writes will change the graph. Everything a document's
 * plan depends on is here: which ids exist (label, content hash), which entities own a name
 * key, which statements own a quote key, and which articles each statement appears in.
 */
class Overlay {
  readonly nodes = new Map<string, NodeState>();
  /** `<label>|<name key>` → entity ids. Name keys are only ever added. */
  readonly names = new Map<string, Set<string>>();
  readonly statements = new Map<string, StatementState>();
  /** Quote key → statement ids that had it when read or written (check `statements` for the current key). */
  private readonly quotes = new Map<string, Set<string>>();
  /** Article → statements appearing in it; complete for every article of the batch. */
  private readonly evidence = new Map<string, Set<string>>();

  /** A statement as the graph holds it; read facts never overwrite what the batch changed. */
  knowStatement(id: string, quoteKey: string | null, articles: readonly string[]): void {
    if (this.statements.has(id)) return;
    this.statements.set(id, { quoteKey, articles: new Set(articles) });
    if (quoteKey !== null) addTo(this.quotes, quoteKey, id);
    for (const article of articles) addTo(this.evidence, article, id);
  }

  /** The statement a quote with this key joins: the least id, as `min(s.id)` in Cypher gives it. */
  sameQuote(key: string): string | undefined {
    let least: string | undefined;
    for (const id of this.quotes.get(key) ?? []) {
      if (this.statements.get(id)?.quoteKey === key && (least === undefined || id < least)) least = id;
    }
    return least;
  }

  setStatement(id: string, contentHash: string, quoteKey: string | null): void {
    this.nodes.set(id, { label: 'Statement', hash: contentHash });
    const state = this.statements.get(id);
    if (state) state.quoteKey = quoteKey;
    else this.statements.set(id, { quoteKey, articles: new Set() });
    if (quoteKey !== null) addTo(this.quotes, quoteKey, id);
  }

  addEvidence(statement: string, article: string): void {
    this.statements.get(statement)?.articles.add(article);
    addTo(this.evidence, article, statement);
  }

  appearingIn(article: string): string[] {
    return [...(this.evidence.get(article) ?? [])];
  }

  /** Takes the article's evidence away; a statement left with none is deleted. */
  dropEvidence(statement: string, article: string): void {
    this.evidence.get(article)?.delete(statement);
    const state = this.statements.get(statement);
    state?.articles.delete(article);
    if (state === undefined || state.articles.size === 0) {
      this.statements.delete(statement);
      this.nodes.delete(statement);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Planning

/** One document's writes as rows of the writer's queries, and what it will report. */
interface Plan {
  readonly article: string;
  readonly result: IngestResult & { removed: string[] };
  readonly articleRow: Row;
  readonly entityRows: Readonly<Record<EntityType, Row[]>>;
  readonly articleExisted: boolean;
  readonly publisher: Row | null;
  readonly roles: Row[];
  readonly links: readonly Row[][];
  /** The document's statements as one row: its article, and the statements in order. */
  readonly statements: Row | null;
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
const ENTITY_QUERIES: readonly (readonly [EntityType, string])[] = [
  ['Place', Q.MERGE_PLACES],
  ['Organization', Q.MERGE_ORGANIZATIONS],
  ['Person', Q.MERGE_PEOPLE],
  ['Policy', Q.MERGE_POLICIES],
  ['Event', Q.MERGE_EVENTS],
];

const LINK_QUERIES = [
  Q.LINK_BASED_IN,
  Q.LINK_PART_OF,
  Q.LINK_IMPOSED_BY,
  Q.LINK_TARGETS,
  Q.LINK_PARTICIPATED_IN,
  Q.LINK_TOOK_PLACE_IN,
  Q.LINK_PRECEDED,
  Q.LINK_LED_TO,
] as const;

/** The first half of a plan: everything but statements, which need the batch's quote keys. */
interface EntityPlan {
  readonly doc: NormalizedDocument;
  readonly resolve: (id: string) => string;
  readonly merged: { from: string; into: string }[];
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  readonly articleRow: Row;
  /** Whether the graph had the article before this document: only then can it have links to take away. */
  readonly articleExisted: boolean;
  readonly entityRows: Record<EntityType, Row[]>;
  /** Each statement's quote key (quoteKeyOf), in order, with references resolved. */
  readonly quoteKeys: readonly (string | null)[];
}

async function planBatch(tx: WriteTx, docs: readonly (NormalizedDocument | null)[]): Promise<{ plans: Plan[]; rejected: Map<number, Problem[]> }> {
  const valid = docs.filter((d): d is NormalizedDocument => d !== null);
  const overlay = new Overlay();

  // What the graph holds for every id the batch defines, references or writes.
  const ids = {
    entities: [...new Set(valid.flatMap((doc) => [...doc.entities.map((e) => e.id), ...doc.external.keys()]))],
    articles: [...new Set(valid.map((doc) => doc.article.id))],
    statements: [...new Set(valid.flatMap((doc) => doc.statements.map((s) => s.id)))],
  };
  for (const r of await tx.run(cypher(Q.EXISTING_NODES, ids))) {
    overlay.nodes.set(r.id as string, { label: r.label as string, hash: r.hash as string | null });
    if (r.articles !== null) overlay.knowStatement(r.id as string, r.quoteKey as string | null, r.articles as string[]);
  }
  // Re-ingested articles: the statements they may take evidence from.
  const known = ids.articles.filter((id) => overlay.nodes.has(id));
  if (known.length > 0) {
    for (const r of await tx.run(cypher(Q.ARTICLE_STATEMENTS, { articles: known }))) {
      overlay.knowStatement(r.id as string, r.quoteKey as string | null, r.articles as string[]);
    }
  }
  // Owners of the names of every entity whose id is new to the graph.
  const keys = new Map<string, { key: string; label: string }>();
  for (const doc of valid) {
    for (const e of doc.entities) {
      if (overlay.nodes.has(e.id) || e.type === 'Policy' || e.type === 'Event') continue;
      for (const key of resolutionKeys(e)) keys.set(`${e.type}|${key}`, { key, label: e.type });
    }
  }
  if (keys.size > 0) {
    for (const m of await tx.run(cypher(Q.NAME_KEY_MATCHES, { keys: [...keys.values()] }))) {
      for (const id of m.ids as string[]) addTo(overlay.names, `${m.label as string}|${m.key as string}`, id);
    }
  }

  // Entities, document by document.
  const rejected = new Map<number, Problem[]>();
  const firstHalves: (EntityPlan | null)[] = docs.map((doc, i) => {
    if (doc === null) return null;
    const planned = planEntities(doc, overlay);
    if ('problems' in planned) {
      rejected.set(i, planned.problems);
      return null;
    }
    return planned;
  });

  // Statements already in the graph under any quote key of the batch.
  const quoteKeys = new Set(firstHalves.flatMap((p) => (p ? p.quoteKeys.flatMap((key) => key ?? []) : [])));
  if (quoteKeys.size > 0) {
    for (const r of await tx.run(cypher(Q.QUOTE_KEY_MATCHES, { keys: [...quoteKeys] }))) {
      overlay.knowStatement(r.id as string, r.key as string, r.articles as string[]);
    }
  }

  // Statements, document by document.
  const plans = firstHalves.flatMap((p) => (p ? [planStatements(p, overlay)] : []));
  return { plans, rejected };
}

const quoteKeyOf = (s: NormalizedStatement, resolve: (id: string) => string): string | null =>
  s.kind === 'INDIRECT' ? null : `${resolve(s.speaker)}|${nameKey(s.text)}`;

function planEntities(doc: NormalizedDocument, overlay: Overlay): EntityPlan | { problems: Problem[] } {
  const existing = overlay.nodes;

  // References the document does not define must already be in the graph, with the right type.
  const problems: Problem[] = [];
  for (const [id, ref] of doc.external) {
    const found = existing.get(id);
    if (!found) problems.push({ path: ref.path, message: `expected an entity defined in this document or already in the graph; ${id} is neither` });
    else if (!ref.types.includes(found.label as EntityType)) problems.push({ path: ref.path, message: `expected a ${ref.types.join(' or ')}; ${id} is a ${found.label}` });
  }
  if (problems.length > 0) return { problems };

  // Entity resolution by name, for entities whose id is new.
  const merged: { from: string; into: string }[] = [];
  for (const entity of doc.entities) {
    if (existing.has(entity.id) || entity.type === 'Policy' || entity.type === 'Event') continue;
    const candidates = new Set(resolutionKeys(entity).flatMap((key) => [...(overlay.names.get(`${entity.type}|${key}`) ?? [])]));
    const [into] = [...candidates];
    // Only an unambiguous match merges: two candidates mean the name is shared, not known.
    if (candidates.size === 1 && into !== undefined && into !== entity.id) merged.push({ from: entity.id, into });
  }
  const alias = new Map(merged.map((m) => [m.from, m.into]));
  const resolve = (id: string): string => alias.get(id) ?? id;

  // Classify by content hash against the graph as it was before this document.
  const created: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const changes: [string, NodeState][] = [];
  const classify = (id: string, label: string, contentHash: string): void => {
    const before = existing.get(id);
    if (!before) created.push(id);
    else if (before.hash === contentHash) unchanged.push(id);
    else updated.push(id);
    changes.push([id, { label, hash: contentHash }]);
  };

  const articleHash = hash(doc.article);
  const articleExisted = existing.has(doc.article.id);
  classify(doc.article.id, 'Article', articleHash);
  const articleRow = { ...doc.article, hash: articleHash };

  const entityRows = Object.fromEntries(ENTITY_QUERIES.map(([type]) => [type, [] as Row[]])) as Record<EntityType, Row[]>;
  const nameKeys: [string, string][] = [];
  for (const [type] of ENTITY_QUERIES) {
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
        date: 'date' in e && e.date ? e.date : { text: null, date: null, precision: null },
        merged: id !== e.id,
        hash: contentHash,
      });
    }
  }

  // What the graph holds once this document is written, for the documents after it.
  for (const [id, state] of changes) existing.set(id, state);
  for (const [key, id] of nameKeys) addTo(overlay.names, key, id);
  const quoteKeys = doc.statements.map((s) => quoteKeyOf(s, resolve));
  return { doc, resolve, merged, created, updated, unchanged, articleRow, articleExisted, entityRows, quoteKeys };
}

function planStatements(first: EntityPlan, overlay: Overlay): Plan {
  const { doc, resolve } = first;
  const article = doc.article.id;
  const resolveAll = (ids: readonly string[] | undefined): string[] => [...new Set((ids ?? []).map(resolve))];

  // Quotes already in the graph (same speaker, same normalised words) gain evidence instead.
  const statementId = new Map<string, string>();
  const evidenceAdded: string[] = [];
  for (const [i, s] of doc.statements.entries()) {
    const key = first.quoteKeys[i] ?? null;
    const found = key === null ? undefined : overlay.sameQuote(key);
    statementId.set(s.id, found ?? s.id);
    if (found !== undefined && found !== s.id) evidenceAdded.push(found);
  }
  const sid = (id: string): string => statementId.get(id) ?? id;

  const { created, updated, unchanged } = first;
  const classify = (id: string, contentHash: string): boolean => {
    const before = overlay.nodes.get(id);
    if (!before) created.push(id);
    else if (before.hash === contentHash) unchanged.push(id);
    else updated.push(id);
    return before !== undefined;
  };

  const sortPrefix = `${doc.article.publishedAt ?? '0000-00-00'}|${article}|`;
  const statementRows = doc.statements.map((s, i) => {
    const id = sid(s.id);
    const row = {
      id,
      kind: s.kind,
      text: s.text,
      speaker: resolve(s.speaker),
      venue: s.venue,
      about: resolveAll(s.about),
      reportedBy: resolveAll(s.reportedBy),
      quotedIn: s.quotedIn ? sid(s.quotedIn) : null,
      date: s.date ?? { text: null, date: null, precision: null },
      quoteKey: first.quoteKeys[i] ?? null,
    };
    const contentHash = hash(row);
    const existed = id === s.id && classify(id, contentHash);
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
  const per = (pick: (r: (typeof statementRows)[number]) => readonly string[]): Row[] =>
    statementRows.flatMap((r) => (pick(r).length > 0 ? [{ statement: r.id, entities: pick(r) }] : []));

  // The graph after this document's statements: content and keys of those it owns, its
  // evidence, and the evidence it no longer gives (a statement left with none is deleted).
  const owned = new Set<string>();
  const touched = new Set<string>();
  for (const r of statementRows) {
    if (!r.shared) {
      overlay.setStatement(r.id, r.hash, r.quoteKey);
      owned.add(r.id);
    }
    overlay.addEvidence(r.id, article);
    touched.add(r.id);
  }
  const kept = [...new Set(statementRows.map((r) => r.id))];
  for (const id of overlay.appearingIn(article)) {
    if (touched.has(id)) continue;
    overlay.dropEvidence(id, article);
    touched.add(id);
  }

  const roles = doc.entities.flatMap((e) =>
    e.type === 'Person'
      ? (e.roles ?? []).map((r, ordinal) => ({
          person: resolve(e.id),
          title: r.title,
          organization: r.organization ? resolve(r.organization) : null,
          place: r.place ? resolve(r.place) : null,
          former: r.former === true,
          ordinal,
          merged: resolve(e.id) !== e.id,
        }))
      : [],
  );
  const links: Row[][] = [
    doc.entities.flatMap((e) => (e.type === 'Organization' && e.place ? [{ from: resolve(e.id), to: resolve(e.place) }] : [])),
    doc.entities.flatMap((e) => (e.type === 'Place' && e.partOf ? [{ from: resolve(e.id), to: resolve(e.partOf) }] : [])),
    doc.entities.flatMap((e) => (e.type === 'Policy' ? resolveAll(e.actors).map((to) => ({ from: e.id, to })) : [])),
    doc.entities.flatMap((e) => (e.type === 'Policy' ? resolveAll(e.targets).map((to) => ({ from: e.id, to })) : [])),
    doc.entities.flatMap((e) => (e.type === 'Event' ? resolveAll(e.participants).map((from) => ({ from, to: e.id })) : [])),
    doc.entities.flatMap((e) => (e.type === 'Event' && e.place ? [{ from: e.id, to: resolve(e.place) }] : [])),
    doc.sequences.filter((s) => s.relation === 'PRECEDED').map((s) => ({ from: s.from, to: s.to })),
    doc.sequences.filter((s) => s.relation === 'LED_TO').map((s) => ({ from: s.from, to: s.to })),
  ];

  return {
    article,
    result: {
      article,
      created,
      updated,
      unchanged,
      merged: first.merged,
      evidenceAdded: [...new Set(evidenceAdded)],
      removed: [],
      statements: doc.statements.length,
      entities: doc.entities.length,
    },
    articleRow: first.articleRow,
    entityRows: first.entityRows,
    articleExisted: first.articleExisted,
    publisher: doc.article.publisher ? { article, publisher: resolve(doc.article.publisher) } : null,
    roles,
    links,
    // Only what MERGE_STATEMENTS reads: every value sent is packed by the driver and unpacked by Neo4j.
    statements:
      statementRows.length === 0
        ? null
        : {
            article,
            statements: statementRows.map((r) => ({
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
            })),
          },
    stale: statementRows.flatMap((r) =>
      r.existed && !r.shared ? [{ id: r.id, speaker: r.speaker, about: r.about, reportedBy: r.reportedBy, quotedIn: r.quotedIn }] : [],
    ),
    about: per((r) => r.about),
    reportedBy: per((r) => r.reportedBy),
    quoted: statementRows.flatMap((r) => (r.quotedIn ? [{ from: r.id, to: r.quotedIn }] : [])),
    kept,
    mentions: [...new Set((doc.mentions ?? [...doc.entities.map((e) => e.id), ...doc.external.keys()]).map(resolve))],
    rolePersons: new Set(roles.map((r) => r.person)),
    owned,
    touched,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x));

/**
 * Consecutive runs of plans that can share one set of queries. Within a query, rows run in
 * document order, and most writes merge, add or overwrite, so it makes no difference that
 * document k's entities are written before document k-1's statements. Three things would:
 * a document's article, or a person's roles, written by two documents (each replaces what
 * is there, and the second would replace the graph's old state instead of the first's); and
 * a statement a document owns after an earlier document of the run touched it (the owner
 * removes stale links, and would miss links the earlier one only adds later). A plan that
 * would meet the run in one of these ways starts the next run.
 */
function segments(plans: readonly Plan[]): Plan[][] {
  const runs: Plan[][] = [];
  let run: Plan[] = [];
  const articles = new Set<string>();
  const persons = new Set<string>();
  const touched = new Set<string>();
  for (const plan of plans) {
    if (articles.has(plan.article) || meets(plan.rolePersons, persons) || meets(plan.owned, touched)) {
      runs.push(run);
      run = [];
      articles.clear();
      persons.clear();
      touched.clear();
    }
    run.push(plan);
    articles.add(plan.article);
    for (const p of plan.rolePersons) persons.add(p);
    for (const s of plan.touched) touched.add(s);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Sends a transaction's writes without waiting for each one's answer: Neo4j runs them in
 * the order they were sent, one after the other, as if each had been awaited, while this
 * process packs the next one's parameters. Each query is handed to the driver and given
 * one turn of the event loop to go out on the socket before the next is packed, so Neo4j
 * starts on it at once. `finish` waits for every answer; the first failure is thrown (the
 * transaction then fails as a whole and is rolled back, so nothing of it is written).
 */
class WritePipeline {
  private readonly sent: Promise<Row[]>[] = [];

  constructor(private readonly tx: WriteTx) {}

  /** Resolves once the query is on its way; its rows come from `finish`, by the index returned. */
  async send(query: string, rows: readonly Row[]): Promise<number | null> {
    if (rows.length === 0) return null;
    const answer = this.tx.run(cypher(query, { rows }));
    // Seen at once, so a failure is not reported as unhandled before `finish` looks at it.
    answer.catch(() => undefined);
    this.sent.push(answer);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.sent.length - 1;
  }

  async finish(): Promise<Row[][]> {
    const settled = await Promise.allSettled(this.sent);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<Row[]>).value);
  }
}

/** Sends a run of plans with one query per kind of write; `fill` then says what each removed. */
async function writeSegment(pipeline: WritePipeline, plans: readonly Plan[]): Promise<(answers: Row[][]) => void> {
  const send = (query: string, rows: readonly Row[]): Promise<number | null> => pipeline.send(query, rows);
  // An article new to the graph has no publisher link, evidence or mentions but those its own
  // document writes here (a segment writes an article once): only the others have any to remove.
  const existed = plans.filter((p) => p.articleExisted);
  await send(Q.MERGE_ARTICLES, plans.map((p) => p.articleRow));
  for (const [type, query] of ENTITY_QUERIES) await send(query, plans.flatMap((p) => p.entityRows[type]));
  await send(Q.UNLINK_PUBLISHERS, existed.map((p) => ({ article: p.article })));
  await send(Q.LINK_PUBLISHERS, plans.flatMap((p) => (p.publisher ? [p.publisher] : [])));
  await send(Q.MERGE_ROLES, plans.flatMap((p) => p.roles));
  for (const [i, query] of LINK_QUERIES.entries()) await send(query, plans.flatMap((p) => p.links[i] ?? []));
  await send(Q.MERGE_STATEMENTS, plans.flatMap((p) => (p.statements ? [p.statements] : [])));
  await send(Q.UNLINK_STALE_STATEMENTS, plans.flatMap((p) => p.stale));
  await send(Q.LINK_ABOUT, plans.flatMap((p) => p.about));
  await send(Q.LINK_REPORTED_BY, plans.flatMap((p) => p.reportedBy));
  await send(Q.LINK_QUOTED_IN, plans.flatMap((p) => p.quoted));
  const removedAt = await send(Q.REMOVE_DROPPED_STATEMENTS, existed.map((p) => ({ article: p.article, kept: p.kept })));
  await send(Q.UNLINK_MENTIONS, existed.map((p) => ({ article: p.article, ids: p.mentions })));
  await send(Q.LINK_MENTIONS, plans.map((p) => ({ article: p.article, ids: p.mentions })));
  return (answers) => {
    const byArticle = new Map(plans.map((p) => [p.article, p.result.removed]));
    for (const r of removedAt === null ? [] : answers[removedAt] ?? []) byArticle.get(r.article as string)?.push(r.id as string);
    // In id order: the order Neo4j finds them in depends on how the graph was written, not on what it holds.
    for (const ids of byArticle.values()) ids.sort();
  };
}
