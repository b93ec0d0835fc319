/**
 * Writes one validated article document in one write transaction. Every id reference is
 * checked inside that transaction, so a document that fails anywhere writes nothing.
 * Writing is idempotent: nodes are merged on ids, and a content hash per node tells
 * created, updated and unchanged apart.
 *
 * Entity resolution: an entity whose normalised name (text.ts `nameKey`) is already the
 * name or alias of exactly one entity of the same type is merged into it, and every
 * reference in the document is rewritten to the existing id. A quote whose speaker and
 * normalised words match a statement already in the graph becomes a second piece of
 * evidence for that statement instead of a new one.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../db/cypher';
import type { Neo4jGateway, RoundTrips, WriteTx } from '../db/gateway';
import { invalidDocument, type Problem } from '../errors';
import type { EntityInput, EntityType } from './document';
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
  /** Statements this article no longer has: its evidence is gone, and so is the statement if no other article has it. */
  readonly removed: string[];
  readonly statements: number;
  readonly entities: number;
}

export class DocumentRejected extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`document rejected: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
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

/** Validates, then writes. Throws a BAD_USER_INPUT GraphQLError listing every problem. */
export async function ingestDocument(gateway: Neo4jGateway, input: unknown, trips?: RoundTrips): Promise<IngestResult> {
  const validation = validateDocument(input);
  if (!validation.ok) throw invalidDocument(validation.problems);
  try {
    return await gateway.write((tx) => writeDocument(tx, validation.document), trips);
  } catch (error) {
    if (error instanceof DocumentRejected) throw invalidDocument(error.problems);
    throw error;
  }
}

async function writeDocument(tx: WriteTx, doc: NormalizedDocument): Promise<IngestResult> {
  const definedIds = doc.entities.map((e) => e.id);
  const existingRows = await tx.run(
    cypher(Q.EXISTING_NODES, { ids: [...definedIds, ...doc.external.keys(), doc.article.id, ...doc.statements.map((s) => s.id)] }),
  );
  const existing = new Map(existingRows.map((r) => [r.id as string, { label: r.label as string, hash: r.hash as string | null }]));

  // References the document does not define must already be in the graph, with the right type.
  const problems: Problem[] = [];
  for (const [id, ref] of doc.external) {
    const found = existing.get(id);
    if (!found) problems.push({ path: ref.path, message: `expected an entity defined in this document or already in the graph; ${id} is neither` });
    else if (!ref.types.includes(found.label as EntityType)) problems.push({ path: ref.path, message: `expected a ${ref.types.join(' or ')}; ${id} is a ${found.label}` });
  }
  if (problems.length > 0) throw new DocumentRejected(problems);

  // Entity resolution by name, for entities whose id is new.
  const merged: { from: string; into: string }[] = [];
  const newEntities = doc.entities.filter((e) => !existing.has(e.id) && e.type !== 'Policy' && e.type !== 'Event');
  if (newEntities.length > 0) {
    const keysOf = new Map(newEntities.map((e) => [e.id, resolutionKeys(e)]));
    const keys = newEntities.flatMap((e) => (keysOf.get(e.id) ?? []).map((key) => ({ key, label: e.type })));
    const matches = await tx.run(cypher(Q.NAME_KEY_MATCHES, { keys }));
    const byKey = new Map(matches.map((m) => [`${m.label as string}|${m.key as string}`, m.ids as string[]]));
    for (const entity of newEntities) {
      const candidates = new Set((keysOf.get(entity.id) ?? []).flatMap((key) => byKey.get(`${entity.type}|${key}`) ?? []));
      const [into] = [...candidates];
      // Only an unambiguous match merges: two candidates mean the name is shared, not known.
      if (candidates.size === 1 && into !== undefined && into !== entity.id) merged.push({ from: entity.id, into });
    }
  }
  const alias = new Map(merged.map((m) => [m.from, m.into]));
  const resolve = (id: string): string => alias.get(id) ?? id;
  const resolveAll = (ids: readonly string[] | undefined): string[] => [...new Set((ids ?? []).map(resolve))];

  // Quotes already in the graph (same speaker, same normalised words) gain evidence instead.
  const quoteKeyOf = (s: NormalizedStatement): string | null =>
    s.kind === 'INDIRECT' ? null : `${resolve(s.speaker)}|${nameKey(s.text)}`;
  const quoteKeys = doc.statements.flatMap((s) => quoteKeyOf(s) ?? []);
  const sameQuote = new Map<string, string>();
  if (quoteKeys.length > 0) {
    for (const row of await tx.run(cypher(Q.QUOTE_KEY_MATCHES, { keys: quoteKeys }))) sameQuote.set(row.key as string, row.id as string);
  }
  const statementId = new Map<string, string>();
  const evidenceAdded: string[] = [];
  for (const s of doc.statements) {
    const key = quoteKeyOf(s);
    const found = key === null ? undefined : sameQuote.get(key);
    statementId.set(s.id, found ?? s.id);
    if (found !== undefined && found !== s.id) evidenceAdded.push(found);
  }
  const sid = (id: string): string => statementId.get(id) ?? id;

  // Classify by content hash before anything is written.
  const created: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const classify = (id: string, contentHash: string): void => {
    const before = existing.get(id);
    if (!before) created.push(id);
    else if (before.hash === contentHash) unchanged.push(id);
    else updated.push(id);
  };

  const articleHash = hash(doc.article);
  classify(doc.article.id, articleHash);
  await tx.run(cypher(Q.MERGE_ARTICLE, { article: { ...doc.article, hash: articleHash } }));

  const rowsOf = (type: EntityType) =>
    doc.entities
      .filter((e): e is EntityInput => e.type === type)
      .map((e) => {
        const id = resolve(e.id);
        const names = [e.name, ...(e.aliases ?? [])];
        const row = {
          id,
          name: e.name,
          aliases: id === e.id ? e.aliases ?? [] : names,
          description: e.description ?? null,
          keys: [...new Set(names.map(nameKey).filter((k) => k.length > 0))],
          kind: 'kind' in e ? e.kind ?? null : null,
          status: 'status' in e ? e.status ?? null : null,
          date: 'date' in e && e.date ? e.date : { text: null, date: null, precision: null },
        };
        const contentHash = hash({ ...e, id });
        if (id === e.id) classify(id, contentHash);
        return { ...row, merged: id !== e.id, hash: contentHash };
      });
  const entityQueries: [EntityType, string][] = [
    ['Place', Q.MERGE_PLACES],
    ['Organization', Q.MERGE_ORGANIZATIONS],
    ['Person', Q.MERGE_PEOPLE],
    ['Policy', Q.MERGE_POLICIES],
    ['Event', Q.MERGE_EVENTS],
  ];
  for (const [type, query] of entityQueries) {
    const rows = rowsOf(type);
    if (rows.length > 0) await tx.run(cypher(query, { rows }));
  }

  await tx.run(cypher(Q.LINK_PUBLISHER, { article: doc.article.id, publisher: doc.article.publisher ? resolve(doc.article.publisher) : null }));

  const roles = doc.entities.flatMap((e) =>
    e.type === 'Person'
      ? (e.roles ?? []).map((r, ordinal) => ({
          person: resolve(e.id),
          title: r.title,
          organization: r.organization ? resolve(r.organization) : null,
          place: r.place ? resolve(r.place) : null,
          former: r.former === true,
          ordinal,
          merged: alias.has(e.id),
        }))
      : [],
  );
  if (roles.length > 0) await tx.run(cypher(Q.MERGE_ROLES, { rows: roles }));

  const links: [string, { from: string; to: string }[]][] = [
    [Q.LINK_BASED_IN, doc.entities.flatMap((e) => (e.type === 'Organization' && e.place ? [{ from: resolve(e.id), to: resolve(e.place) }] : []))],
    [Q.LINK_PART_OF, doc.entities.flatMap((e) => (e.type === 'Place' && e.partOf ? [{ from: resolve(e.id), to: resolve(e.partOf) }] : []))],
    [Q.LINK_IMPOSED_BY, doc.entities.flatMap((e) => (e.type === 'Policy' ? resolveAll(e.actors).map((to) => ({ from: e.id, to })) : []))],
    [Q.LINK_TARGETS, doc.entities.flatMap((e) => (e.type === 'Policy' ? resolveAll(e.targets).map((to) => ({ from: e.id, to })) : []))],
    [Q.LINK_PARTICIPATED_IN, doc.entities.flatMap((e) => (e.type === 'Event' ? resolveAll(e.participants).map((from) => ({ from, to: e.id })) : []))],
    [Q.LINK_TOOK_PLACE_IN, doc.entities.flatMap((e) => (e.type === 'Event' && e.place ? [{ from: e.id, to: resolve(e.place) }] : []))],
    [Q.LINK_PRECEDED, doc.sequences.filter((s) => s.relation === 'PRECEDED').map((s) => ({ from: s.from, to: s.to }))],
    [Q.LINK_LED_TO, doc.sequences.filter((s) => s.relation === 'LED_TO').map((s) => ({ from: s.from, to: s.to }))],
  ];
  for (const [query, rows] of links) {
    if (rows.length > 0) await tx.run(cypher(query, { rows }));
  }

  const sortPrefix = `${doc.article.publishedAt ?? '0000-00-00'}|${doc.article.id}|`;
  const statementRows = doc.statements.map((s) => {
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
      quoteKey: quoteKeyOf(s),
    };
    const contentHash = hash(row);
    if (id === s.id) classify(id, contentHash);
    return {
      ...row,
      start: s.start,
      end: s.end,
      sentence: s.sentence,
      sentenceStart: s.sentenceStart,
      ordinal: s.ordinal,
      sortKey: `${sortPrefix}${String(s.ordinal).padStart(6, '0')}`,
      hash: contentHash,
    };
  });
  if (statementRows.length > 0) {
    const rows = statementRows.map((r, i) => ({ ...r, shared: r.id !== doc.statements[i]?.id }));
    await tx.run(cypher(Q.MERGE_STATEMENTS, { article: doc.article.id, rows }));
    const per = (pick: (r: (typeof statementRows)[number]) => readonly string[]) =>
      statementRows.flatMap((r) => pick(r).map((entity, ordinal) => ({ statement: r.id, entity, ordinal })));
    const about = per((r) => r.about);
    const reportedBy = per((r) => r.reportedBy);
    const quoted = statementRows.flatMap((r) => (r.quotedIn ? [{ from: r.id, to: r.quotedIn }] : []));
    if (about.length > 0) await tx.run(cypher(Q.LINK_ABOUT, { rows: about }));
    if (reportedBy.length > 0) await tx.run(cypher(Q.LINK_REPORTED_BY, { rows: reportedBy }));
    if (quoted.length > 0) await tx.run(cypher(Q.LINK_QUOTED_IN, { rows: quoted }));
  }

  const kept = [...new Set(statementRows.map((r) => r.id))];
  const removedRows = await tx.run(cypher(Q.REMOVE_DROPPED_STATEMENTS, { article: doc.article.id, kept }));
  const removed = removedRows.map((r) => r.id as string);

  const mentioned = [...new Set((doc.mentions ?? [...definedIds, ...doc.external.keys()]).map(resolve))];
  await tx.run(cypher(Q.LINK_MENTIONS, { article: doc.article.id, ids: mentioned }));

  return {
    article: doc.article.id,
    created,
    updated,
    unchanged,
    merged,
    evidenceAdded: [...new Set(evidenceAdded)],
    removed,
    statements: doc.statements.length,
    entities: doc.entities.length,
  };
}
