/**
 * The first half of a plan (plan.ts): a document's entities against the overlay. Which of
 * them are merged into entities the graph has (by external identifier, then by name), what
 * the document creates, updates or leaves unchanged among its article and entities, the
 * entity rows the writer's queries take, and each statement's quote key with its speaker
 * resolved, so the second half (plan-statements.ts) can look shared quotes up for the whole batch.
 */
import { createHash } from 'node:crypto';
import type { Row } from '../db/gateway';
import type { Problem } from '../errors';
import { identifierKey, type EntityType } from '../vocabulary';
import { addTo, Overlay, resolutionKeys, resolvedByName, type ArticleState, type NodeState } from './overlay';
import type { ConflictProblem } from './result';
import { nameKey } from './text';
import type { EntityInput } from './document';
import type { NormalizedDocument, NormalizedStatement } from './validate';

/** The entity types in the order their queries run, which is also the order results list them in. */
export const ENTITY_WRITE_ORDER: readonly EntityType[] = ['Place', 'Organization', 'Person', 'Policy', 'Event'];

/** What a date field holds when the document gives no date. */
export const NO_DATE = { text: null, date: null, precision: null };

/** A content hash: equal for equal values, so a re-ingest tells unchanged from updated. */
export const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The ids a document writes, filed by how each compares with what the graph held. */
export class Tally {
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
export interface EntityPlan {
  readonly doc: NormalizedDocument;
  readonly resolve: (id: string) => string;
  readonly merged: { from: string; into: string }[];
  readonly tally: Tally;
  readonly articleRow: Row;
  /** Whether the graph had the article before this document: only then can it have links to take away. */
  readonly articleExisted: boolean;
  /** Whether this document replaces the article's stored text (which is kept as a revision). */
  readonly replaces: boolean;
  /** Rows of the entities the graph (or an earlier document of the batch) has, by the MERGE queries. */
  readonly entityRows: Record<EntityType, Row[]>;
  /** Rows of the entities new to the graph and to the batch, by the CREATE queries. */
  readonly newEntityRows: Record<EntityType, Row[]>;
  /** Each statement's quote key (quoteKeyOf), in order, with references resolved. */
  readonly quoteKeys: readonly (string | null)[];
}

/**
 * Each statement's quote key: `<speaker>|<normalised words>`, null for a paraphrase. The
 * graph holds one statement per key (a unique constraint), and one article's evidence of a
 * statement is one span, so a document that repeats a quote keys its n-th repetition
 * `<key>#<n>`: it stays a statement of its own, shared with another article's n-th.
 */
export function quoteKeysOf(statements: readonly NormalizedStatement[], resolve: (id: string) => string): (string | null)[] {
  const seen = new Map<string, number>();
  return statements.map((s) => {
    if (s.kind === 'INDIRECT') return null;
    const key = `${resolve(s.speaker)}|${s.words}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

export function planEntities(doc: NormalizedDocument, overlay: Overlay, replace: boolean): EntityPlan | { problems: Problem[] } {
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
  const classify = (id: string, label: string, contentHash: string): Classified => {
    const before = overlay.nodes.get(id);
    tally.count(id, before, contentHash);
    changes.push([id, { label, hash: contentHash }]);
    return before === undefined ? 'new' : before.hash === contentHash ? 'unchanged' : 'changed';
  };
  const articleHash = hash(doc.article);
  const articleExisted = overlay.nodes.has(doc.article.id);
  classify(doc.article.id, 'Article', articleHash);
  const { entityRows, newEntityRows, nameKeys } = entityRowsOf(doc, resolve, classify);
  for (const [id, state] of changes) overlay.nodes.set(id, state);
  for (const [key, id] of nameKeys) addTo(overlay.names, key, id);
  for (const e of doc.entities) overlay.identify(resolve(e.id), e.type, e.identifiers);
  const { title, text, url, publisher } = doc.article;
  overlay.articles.set(doc.article.id, { title, text, url, publisher: publisher === null ? null : resolve(publisher) });

  return { doc, resolve, merged, tally, articleRow: { ...doc.article, hash: articleHash }, articleExisted, replaces, entityRows, newEntityRows, quoteKeys };
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
export function externalProblems(external: NormalizedDocument['external'], nodes: ReadonlyMap<string, { readonly label: string }>): Problem[] {
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

/** How an id of a document compares with the graph and the documents of the batch before it. */
type Classified = 'new' | 'changed' | 'unchanged';

/**
 * The rows of each entity type's queries, and the name keys the entities will own. An entity
 * whose content hash is the one the graph (or an earlier document of the batch) holds for
 * its id has no row: the write that gave the node that hash wrote these same names, aliases,
 * description and attributes, and what has been added since (aliases of entities resolved
 * into it) its own row would keep as it is. A bulk load's documents define the same popular
 * people and outlets again and again; their merges were the writer's largest share.
 * An entity new to the graph and the batch has its row in `newEntityRows`, whose queries create
 * it without looking for it. (`classify` says which; an entity merged into another is not new.)
 */
function entityRowsOf(
  doc: NormalizedDocument,
  resolve: (id: string) => string,
  classify: (id: string, label: string, contentHash: string) => Classified,
): { entityRows: Record<EntityType, Row[]>; newEntityRows: Record<EntityType, Row[]>; nameKeys: [string, string][] } {
  const byType = (): Record<EntityType, Row[]> => Object.fromEntries(ENTITY_WRITE_ORDER.map((type) => [type, [] as Row[]])) as Record<EntityType, Row[]>;
  const entityRows = byType();
  const newEntityRows = byType();
  const nameKeys: [string, string][] = [];
  for (const type of ENTITY_WRITE_ORDER) {
    for (const e of doc.entities) {
      if (e.type !== type) continue;
      const id = resolve(e.id);
      const names = [e.name, ...(e.aliases ?? [])];
      const keys = [...new Set(names.map(nameKey).filter((k) => k.length > 0))];
      const contentHash = hash({ ...e, id });
      const classified = id === e.id ? classify(id, type, contentHash) : 'changed';
      for (const key of keys) nameKeys.push([`${type}|${key}`, id]);
      if (classified === 'unchanged') continue;
      (classified === 'new' ? newEntityRows : entityRows)[type].push({
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
  return { entityRows, newEntityRows, nameKeys };
}

