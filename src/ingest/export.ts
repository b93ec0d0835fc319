/**
 * Reads the whole graph back into article documents (the ingest shape), so that any
 * export can be ingested again: each document carries every entity it references, and
 * statements keep their spans, order and ids. CSV and JSON-LD are renderings of these.
 */
import { cypher } from '../db/cypher';
import type { Neo4jGateway, Row } from '../db/gateway';
import type { AboutStance, ArticleDocument, DateRef, EntityInput, IdentifierInput, SequenceInput, StatementInput } from './document';
import * as Q from './export.cypher';
import { articleSlug, derivedStatementId, type Stance, type StatementKind } from '../vocabulary';

const PAGE = 500;

async function readAll(gateway: Neo4jGateway, text: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after = '';
  for (;;) {
    const page = await gateway.read(cypher(text, { after, limit: PAGE }));
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]?.id as string;
  }
}

const inOrder = <T extends [number | null, string, ...unknown[]]>(pairs: readonly T[]): T[] =>
  [...pairs].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || a[1].localeCompare(b[1]));
const byOrdinal = (pairs: [number | null, string, ...unknown[]][]): string[] => inOrder(pairs).map((p) => p[1]);

/** An ABOUT link as EXPORTED_ARTICLES_PAGE reads it: ordinal, entity id, stance, the extractor's confidence. */
type AboutLink = [number | null, string, Stance | null, number | null];

/**
 * The stances a document must give for ingest to write these links again. A link without
 * one is written UNCLEAR with no confidence (validate.ts), so only the others are listed.
 */
function stancesOf(links: readonly AboutLink[]): AboutStance[] {
  return inOrder(links)
    .filter(([, , stance, confidence]) => (stance ?? 'UNCLEAR') !== 'UNCLEAR' || confidence !== null)
    .map(([, about, stance, confidence]) => (confidence === null ? { about, stance: stance ?? 'UNCLEAR' } : { about, stance: stance ?? 'UNCLEAR', confidence }));
}

const clean = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

function toEntity(row: Row): EntityInput {
  const identifiers = (row.identifiers as IdentifierInput[]).sort((a, b) => a.scheme.localeCompare(b.scheme) || a.value.localeCompare(b.value));
  const base = { id: row.id as string, name: row.name as string, aliases: row.aliases as string[], description: row.description as string | null, identifiers };
  switch (row.type) {
    case 'Person': {
      const roles = (row.roles as (Row & { ordinal: number | null })[])
        .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0))
        .map((r) =>
          clean({
            title: r.title as string,
            organization: r.organization as string | null,
            place: r.place as string | null,
            former: r.former === true ? true : undefined,
            start: r.start as DateRef | null,
            end: r.end as DateRef | null,
          }),
        );
      return clean({ ...base, type: 'Person', roles });
    }
    case 'Organization':
      return clean({ ...base, type: 'Organization', kind: row.kind as never, place: row.place as string | null });
    case 'Place':
      return clean({ ...base, type: 'Place', kind: row.kind as never, partOf: row.partOf as string | null });
    case 'Policy':
      return clean({ ...base, type: 'Policy', status: row.status as never, actors: (row.actors as string[]).sort(), targets: (row.targets as string[]).sort(), date: row.date as never });
    default:
      return clean({ ...base, type: 'Event', participants: (row.participants as string[]).sort(), place: row.place as string | null, date: row.date as never });
  }
}

/** Every id an entity refers to; a document must define them all to be ingestable alone. */
function referencesOf(entity: EntityInput): string[] {
  switch (entity.type) {
    case 'Person':
      return (entity.roles ?? []).flatMap((r) => [r.organization, r.place].filter((x): x is string => !!x));
    case 'Organization':
      return entity.place ? [entity.place] : [];
    case 'Place':
      return entity.partOf ? [entity.partOf] : [];
    case 'Policy':
      return [...(entity.actors ?? []), ...(entity.targets ?? [])];
    case 'Event':
      return [...(entity.participants ?? []), ...(entity.place ? [entity.place] : [])];
  }
}

/** A document rebuilt from the graph, with the graph's own id of each of its statements. */
export interface ExportedArticle {
  readonly document: ArticleDocument;
  readonly statementIds: readonly string[];
}

export async function exportDocuments(gateway: Neo4jGateway): Promise<ExportedArticle[]> {
  const entities = new Map((await readAll(gateway, Q.ENTITY_PAGE)).map((row) => [row.id as string, toEntity(row)]));
  const sequences = (await gateway.read(cypher(Q.SEQUENCES))).map((r) => ({ from: r.from, to: r.to, relation: r.relation }) as SequenceInput);
  const articles = await readAll(gateway, Q.EXPORTED_ARTICLES_PAGE);

  return articles.map((a) => {
    const slug = articleSlug(a.id as string);
    const rows = a.statements as Row[];
    // Ids are derived again on ingest: a paraphrase's from its position, a quote's from its
    // span. Statements first seen in another article keep their own id through quoteKey.
    const localId = new Map(rows.map((s, i) => [s.id as string, derivedStatementId(slug, s as { kind: StatementKind; start: number; end: number }, i)]));
    const statements: StatementInput[] = rows.map((s) =>
      clean({
        kind: s.kind as StatementInput['kind'],
        speaker: s.speaker as string,
        text: s.text as string,
        start: s.start as number,
        end: s.end as number,
        about: byOrdinal(s.about as AboutLink[]),
        stances: stancesOf(s.about as AboutLink[]),
        venue: s.venue as string | null,
        reportedBy: byOrdinal(s.reportedBy as [number | null, string][]),
        quotedIn: s.quotedIn ? localId.get(s.quotedIn as string) ?? null : null,
        date: s.date as StatementInput['date'],
      }),
    );
    const wanted = new Set<string>([...(a.mentions as string[]), ...(a.publisher ? [a.publisher as string] : [])]);
    for (const s of statements) [s.speaker, ...(s.about ?? []), ...(s.reportedBy ?? [])].forEach((id) => wanted.add(id));
    const queue = [...wanted];
    while (queue.length > 0) {
      const entity = entities.get(queue.pop() as string);
      for (const ref of entity ? referencesOf(entity) : []) {
        if (!wanted.has(ref)) {
          wanted.add(ref);
          queue.push(ref);
        }
      }
    }
    const included = [...wanted].sort().flatMap((id) => entities.get(id) ?? []);
    const document: ArticleDocument = {
      article: clean({ id: a.id as string, title: a.title as string, text: a.text as string, publisher: a.publisher as string | null, url: a.url as string | null, publishedAt: a.publishedAt as string | null }),
      entities: included,
      mentions: [...(a.mentions as string[])].sort(),
      sequences: sequences.filter((q) => wanted.has(q.from) && wanted.has(q.to)),
      statements,
    };
    return { document, statementIds: rows.map((r) => r.id as string) };
  });
}

/** `about_stance` is last so that readers of the older columns by position still read them. */
const CSV_COLUMNS = ['statement_id', 'kind', 'speaker_id', 'speaker_name', 'text', 'about', 'reported_by', 'venue', 'article_id', 'start', 'end', 'about_stance'] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The stance of each of a statement's topics, in the order of `about`. */
const aboutStances = (s: StatementInput): string[] =>
  (s.about ?? []).map((id) => s.stances?.find((st) => st.about === id)?.stance ?? 'UNCLEAR');

/**
 * One row per statement and piece of evidence (RFC 4180). Lists (topics, outlets, the
 * stance on each topic) are joined with `;`, outlets nearest the article first.
 */
export function toCsv(articles: readonly ExportedArticle[]): string {
  const names = new Map(articles.flatMap((a) => a.document.entities.map((e) => [e.id, e.name] as const)));
  const lines = [CSV_COLUMNS.join(',')];
  for (const { document: doc, statementIds } of articles) {
    doc.statements.forEach((s, i) => {
      const id = statementIds[i] ?? '';
      lines.push(
        [id, s.kind, s.speaker, names.get(s.speaker) ?? '', s.text, (s.about ?? []).join(';'), (s.reportedBy ?? []).join(';'), s.venue ?? '', doc.article.id ?? '', s.start, s.end, aboutStances(s).join(';')]
          .map(csvField)
          .join(','),
      );
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}
