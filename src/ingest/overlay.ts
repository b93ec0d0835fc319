/**
 * The graph as far as a batch needs to see it: filled from the batch's reads, then changed
 * by each planned document as its writes will change the graph. Everything a document's
 * plan depends on is here: which ids exist (label, content hash), which entities own a name
 * key, which statements own a quote key, and which articles each statement appears in.
 * Reading it costs a handful of queries for the whole batch (plan.ts says when each runs).
 */
import { batchQuery } from '../db/cypher';
import type { Row, WriteTx } from '../db/gateway';
import type { EntityInput } from './document';
import * as Q from './ingest.cypher';
import { identifierKey } from '../vocabulary';
import { nameKey } from './text';
import type { NormalizedDocument } from './validate';

export interface NodeState {
  readonly label: string;
  readonly hash: string | null;
}

interface StatementState {
  quoteKey: string | null;
  /** Every article the statement appears in. */
  readonly articles: Set<string>;
}

export const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
};

/**
 * The names an entity may be matched by: its name, and aliases of two words or more. A
 * one-word alias ("Waltz", "Fox") names too many things to merge on, except an
 * organization's acronym ("CIA", "FT").
 */
export function resolutionKeys(entity: EntityInput): string[] {
  const aliases = (entity.aliases ?? []).filter(
    (a) => a.trim().includes(' ') || (entity.type === 'Organization' && /^[A-Z]{2,6}$/.test(a.trim())),
  );
  return [...new Set([entity.name, ...aliases].map(nameKey).filter((k) => k.length > 0))];
}

/** Policies and events are never merged by name: two with one name are usually two. */
export const resolvedByName = (entity: EntityInput): boolean => entity.type !== 'Policy' && entity.type !== 'Event';

/** What tells an article apart from another with its id, and names it in a CONFLICT. */
export interface ArticleState {
  readonly title: string;
  readonly text: string;
  readonly url: string | null;
  readonly publisher: string | null;
}

/** The name keys of every entity of the batch that may be resolved by name. */
function nameKeysOf(docs: readonly NormalizedDocument[]): { key: string; label: string }[] {
  const keys = new Map<string, { key: string; label: string }>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (!resolvedByName(e)) continue;
      for (const key of resolutionKeys(e)) keys.set(`${e.type}|${key}`, { key, label: e.type });
    }
  }
  return [...keys.values()];
}

export class Overlay {
  readonly nodes = new Map<string, NodeState>();
  /** The batch's articles that exist, as the graph holds them or an earlier document leaves them. */
  readonly articles = new Map<string, ArticleState>();
  /** `<label>|<name key>` → entity ids. Name keys are only ever added. */
  readonly names = new Map<string, Set<string>>();
  /** Entity id → its Wikidata ids, for the entities a name may resolve to (and those the batch gave some). */
  readonly wikidataOf = new Map<string, Set<string>>();
  /** Identifier key → the entity it names (id and type), as read or as an earlier document of the batch gave it. */
  readonly identifiers = new Map<string, { readonly id: string; readonly label: string }>();
  readonly statements = new Map<string, StatementState>();
  /** Quote key → statement ids that had it when read or written (check `statements` for the current key). */
  private readonly quotes = new Map<string, Set<string>>();
  /** Article → statements appearing in it; complete for every article of the batch. */
  private readonly evidence = new Map<string, Set<string>>();
  /** The quote keys asked of the graph so far. */
  private readonly quotesRead = new Set<string>();

  /**
   * What the graph holds for every id the batch defines, references or writes; the
   * statements its articles may take evidence from (none, for an article new to the graph);
   * and the owners of the names of its entities, of which those whose id is new to the graph
   * are the ones planning looks up; the entities the batch's external identifiers already
   * name; and the statements of these `quoteKeys` (see readQuotes). The queries go out
   * together, one round trip.
   */
  static async read(tx: WriteTx, docs: readonly NormalizedDocument[], quoteKeys: readonly string[]): Promise<Overlay> {
    const overlay = new Overlay();
    const ids = {
      entities: [...new Set(docs.flatMap((doc) => [...doc.entities.map((e) => e.id), ...doc.external.keys()]))],
      articles: [...new Set(docs.map((doc) => doc.article.id))],
      statements: [...new Set(docs.flatMap((doc) => doc.statements.map((s) => s.id)))],
    };
    const keys = nameKeysOf(docs);
    const identifierKeys = [...new Set(docs.flatMap((doc) => doc.entities.flatMap((e) => (e.identifiers ?? []).map((i) => identifierKey(i.scheme, i.value)))))];
    const [nodes, articleStatements, names, owners, quotes] = await Promise.all([
      tx.run(batchQuery(Q.EXISTING_NODES, ids)),
      tx.run(batchQuery(Q.ARTICLE_STATEMENTS, { articles: ids.articles })),
      keys.length === 0 ? [] : tx.run(batchQuery(Q.NAME_KEY_MATCHES, { keys })),
      identifierKeys.length === 0 ? [] : tx.run(batchQuery(Q.IDENTIFIER_OWNERS, { keys: identifierKeys })),
      overlay.quotesOf(tx, quoteKeys),
    ]);
    for (const r of nodes) {
      overlay.nodes.set(r.id as string, { label: r.label as string, hash: r.hash as string | null });
      if (r.articles !== null) overlay.knowStatement(r.id as string, r.quoteKey as string | null, r.articles as string[]);
      if (r.article !== null) overlay.articles.set(r.id as string, r.article as ArticleState);
    }
    for (const r of articleStatements) overlay.knowStatement(r.id as string, r.quoteKey as string | null, r.articles as string[]);
    // Owners of a name are owners whichever entity asked: the graph's answer for a key is the same for all.
    for (const m of names) {
      for (const id of m.ids as string[]) addTo(overlay.names, `${m.label as string}|${m.key as string}`, id);
      for (const owner of m.owners as { id: string; wikidata: string[] }[]) for (const q of owner.wikidata) addTo(overlay.wikidataOf, owner.id, q);
    }
    for (const r of owners) overlay.identifiers.set(r.key as string, { id: r.id as string, label: r.label as string });
    overlay.knowQuotes(quotes);
    return overlay;
  }

  /** The document's identifiers now name `entity` (resolved), for the documents after it. */
  identify(entity: string, label: string, identifiers: EntityInput['identifiers']): void {
    for (const i of identifiers ?? []) {
      this.identifiers.set(identifierKey(i.scheme, i.value), { id: entity, label });
      if (i.scheme === 'WIKIDATA') addTo(this.wikidataOf, entity, i.value);
    }
  }

  /** Statements already in the graph under any of these quote keys; a key read before is not read again. */
  async readQuotes(tx: WriteTx, quoteKeys: Iterable<string>): Promise<void> {
    this.knowQuotes(await this.quotesOf(tx, [...quoteKeys]));
  }

  private quotesOf(tx: WriteTx, quoteKeys: readonly string[]): Promise<Row[]> | Row[] {
    const unread = [...new Set(quoteKeys)].filter((key) => !this.quotesRead.has(key));
    for (const key of unread) this.quotesRead.add(key);
    return unread.length === 0 ? [] : tx.run(batchQuery(Q.QUOTE_KEY_MATCHES, { keys: unread }));
  }

  private knowQuotes(rows: readonly Row[]): void {
    for (const r of rows) this.knowStatement(r.id as string, r.key as string, r.articles as string[]);
  }

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
