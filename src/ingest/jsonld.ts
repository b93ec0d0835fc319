/**
 * JSON-LD with schema.org and PROV-O: `NewsArticle`, `Person`, `Organization`, `Place`,
 * `Event`, `Quotation` (with `spokenByCharacter`, `about`, `isPartOf`), and PROV
 * attribution (`prov:wasAttributedTo` the speaker; `prov:qualifiedAttribution` for each
 * reporting outlet, in order). What schema.org has no term for (the span, the kind, the
 * venue, policies, the stance on each topic) uses this graph's own vocabulary under `nkg:`. The export carries all
 * of a document, so `documentsFromJsonLd` turns it back into ingestable documents.
 */
import type { AboutStance, ArticleDocument, DateRef, EntityInput, IdentifierInput, SequenceInput, StatementInput } from './document';
import type { ExportedArticle } from './export';
import { articleSlug, derivedStatementId, identifierUrl } from '../vocabulary';

export const JSONLD_CONTEXT = {
  '@vocab': 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  nkg: 'https://news-knowledge-graph.dev/vocab#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const SCHEMA_TYPE: Readonly<Record<EntityInput['type'], string[]>> = {
  Person: ['Person', 'prov:Agent'],
  Organization: ['Organization', 'prov:Agent'],
  Place: ['Place'],
  Event: ['Event'],
  Policy: ['CreativeWork', 'nkg:Policy'],
};

type Json = Record<string, unknown>;

const dateNode = (d: DateRef | null | undefined): Json | undefined =>
  d ? { 'nkg:dateText': d.text ?? undefined, 'nkg:date': d.date ?? undefined, 'nkg:precision': d.precision ?? undefined } : undefined;

function entityNode(e: EntityInput): Json {
  const node: Json = {
    '@id': e.id,
    '@type': SCHEMA_TYPE[e.type],
    name: e.name,
    alternateName: e.aliases && e.aliases.length > 0 ? e.aliases : undefined,
    description: e.description ?? undefined,
    // schema.org's sameAs: the addresses of the entity in other registers (a Wikidata item, a page about it).
    sameAs: e.identifiers && e.identifiers.length > 0 ? e.identifiers.map((i) => identifierUrl(i.scheme, i.value)) : undefined,
  };
  switch (e.type) {
    case 'Person':
      node['nkg:roles'] = (e.roles ?? []).map((r) => ({
        '@type': 'Role',
        roleName: r.title,
        'nkg:organization': r.organization ? { '@id': r.organization } : undefined,
        'nkg:place': r.place ? { '@id': r.place } : undefined,
        'nkg:former': r.former === true,
        // schema.org's Role has startDate and endDate; the words and precision go beside them.
        startDate: r.start?.date ?? undefined,
        endDate: r.end?.date ?? undefined,
        'nkg:start': dateNode(r.start),
        'nkg:end': dateNode(r.end),
      }));
      break;
    case 'Organization':
      node['nkg:kind'] = e.kind;
      node.location = e.place ? { '@id': e.place } : undefined;
      break;
    case 'Place':
      node['nkg:kind'] = e.kind;
      node.containedInPlace = e.partOf ? { '@id': e.partOf } : undefined;
      break;
    case 'Policy':
      node['nkg:status'] = e.status;
      node['nkg:actors'] = (e.actors ?? []).map((id) => ({ '@id': id }));
      node['nkg:targets'] = (e.targets ?? []).map((id) => ({ '@id': id }));
      node['nkg:when'] = dateNode(e.date);
      break;
    case 'Event':
      node.attendee = (e.participants ?? []).map((id) => ({ '@id': id }));
      node.location = e.place ? { '@id': e.place } : undefined;
      node['nkg:when'] = dateNode(e.date);
      break;
  }
  return node;
}

function statementNode(s: StatementInput, id: string, articleId: string, position: number): Json {
  return {
    '@id': id,
    '@type': ['Quotation', 'prov:Entity'],
    text: s.text,
    'nkg:kind': s.kind,
    spokenByCharacter: { '@id': s.speaker },
    'prov:wasAttributedTo': { '@id': s.speaker },
    about: (s.about ?? []).map((x) => ({ '@id': x })),
    // A stance qualifies the link, not the entity, so it is a node of its own (as an outlet's attribution is).
    'nkg:stance': (s.stances ?? []).map((st) => ({ '@type': 'nkg:Stance', 'nkg:about': { '@id': st.about }, 'nkg:value': st.stance, 'nkg:confidence': st.confidence ?? undefined })),
    isPartOf: { '@id': articleId },
    'prov:wasDerivedFrom': { '@id': articleId },
    'prov:qualifiedAttribution': (s.reportedBy ?? []).map((outlet, order) => ({
      '@type': 'prov:Attribution',
      'prov:agent': { '@id': outlet },
      'prov:hadRole': 'nkg:reporter',
      'nkg:order': order,
    })),
    'nkg:venue': s.venue ?? undefined,
    'nkg:quotedIn': s.quotedIn ? { '@id': s.quotedIn } : undefined,
    'nkg:when': dateNode(s.date),
    'nkg:evidence': { '@type': 'nkg:Evidence', 'nkg:article': { '@id': articleId }, 'nkg:start': s.start, 'nkg:end': s.end, 'nkg:position': position },
  };
}

export function toJsonLd(articles: readonly ExportedArticle[]): Json {
  const entities = new Map<string, EntityInput>();
  const sequences = new Map<string, SequenceInput>();
  const graph: Json[] = [];
  for (const { document: doc, statementIds } of articles) {
    for (const e of doc.entities) entities.set(e.id, e);
    for (const q of doc.sequences ?? []) sequences.set(`${q.from}|${q.relation}|${q.to}`, q);
    const articleId = doc.article.id as string;
    graph.push({
      '@id': articleId,
      '@type': 'NewsArticle',
      headline: doc.article.title,
      articleBody: doc.article.text,
      url: doc.article.url ?? undefined,
      datePublished: doc.article.publishedAt ?? undefined,
      publisher: doc.article.publisher ? { '@id': doc.article.publisher } : undefined,
      mentions: (doc.mentions ?? doc.entities.map((e) => e.id)).map((id) => ({ '@id': id })),
      'nkg:defines': doc.entities.map((e) => ({ '@id': e.id })),
    });
    // The local ids of this document resolve quotedIn references inside it.
    doc.statements.forEach((s, i) => {
      const local = derivedStatementId(articleSlug(articleId), s, i);
      graph.push({ ...statementNode(s, local, articleId, i), sameAs: statementIds[i] !== local ? { '@id': statementIds[i] } : undefined });
    });
  }
  for (const e of [...entities.values()].sort((a, b) => a.id.localeCompare(b.id))) graph.push(entityNode(e));
  for (const q of sequences.values()) graph.push({ '@type': 'nkg:Sequence', 'nkg:from': { '@id': q.from }, 'nkg:to': { '@id': q.to }, 'nkg:relation': q.relation });
  return JSON.parse(JSON.stringify({ '@context': JSONLD_CONTEXT, '@graph': graph })) as Json;
}

export function isJsonLdExport(value: unknown): value is { '@graph': Json[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as Json)['@graph']);
}

const ref = (v: unknown): string => ((v as Json | undefined)?.['@id'] as string | undefined) ?? '';
const refs = (v: unknown): string[] => (Array.isArray(v) ? v.map(ref) : []);
const typesOf = (n: Json): string[] => (Array.isArray(n['@type']) ? (n['@type'] as string[]) : [n['@type'] as string]);
const fromDate = (v: unknown): DateRef | undefined => {
  if (!v) return undefined;
  const d = v as Json;
  return { text: (d['nkg:dateText'] as string | undefined) ?? null, date: (d['nkg:date'] as string | undefined) ?? null, precision: (d['nkg:precision'] as DateRef['precision']) ?? null };
};

const stancesFrom = (v: unknown): AboutStance[] =>
  (Array.isArray(v) ? (v as Json[]) : []).map((st) => {
    const confidence = st['nkg:confidence'] as number | undefined;
    const stance = { about: ref(st['nkg:about']), stance: st['nkg:value'] as AboutStance['stance'] };
    return confidence === undefined ? stance : { ...stance, confidence };
  });

const WIKIDATA_ITEM = /^https:\/\/www\.wikidata\.org\/wiki\/(Q[1-9][0-9]*)$/;

/** A sameAs address as the identifier it was exported from: a Wikidata item's address is its Q-id, any other a URL. */
function identifierFrom(url: string): IdentifierInput {
  const q = WIKIDATA_ITEM.exec(url)?.[1];
  return q === undefined ? { scheme: 'URL', value: url, url } : { scheme: 'WIKIDATA', value: q, url };
}

function entityFrom(n: Json): EntityInput | null {
  const types = typesOf(n);
  const sameAs = (Array.isArray(n.sameAs) ? n.sameAs : n.sameAs === undefined ? [] : [n.sameAs]) as string[];
  const base = {
    id: n['@id'] as string,
    name: n.name as string,
    aliases: (n.alternateName as string[] | undefined) ?? [],
    description: (n.description as string | undefined) ?? null,
    ...(sameAs.length > 0 ? { identifiers: sameAs.map(identifierFrom) } : {}),
  };
  if (types.includes('Person'))
    return {
      ...base,
      type: 'Person',
      roles: ((n['nkg:roles'] as Json[] | undefined) ?? []).map((r) => ({
        title: r.roleName as string,
        organization: ref(r['nkg:organization']) || null,
        place: ref(r['nkg:place']) || null,
        former: r['nkg:former'] === true,
        start: fromDate(r['nkg:start']) ?? null,
        end: fromDate(r['nkg:end']) ?? null,
      })),
    };
  if (types.includes('Organization')) return { ...base, type: 'Organization', kind: n['nkg:kind'] as never, place: ref(n.location) || null };
  if (types.includes('Place')) return { ...base, type: 'Place', kind: n['nkg:kind'] as never, partOf: ref(n.containedInPlace) || null };
  if (types.includes('nkg:Policy'))
    return { ...base, type: 'Policy', status: n['nkg:status'] as never, actors: refs(n['nkg:actors']), targets: refs(n['nkg:targets']), date: fromDate(n['nkg:when']) ?? null };
  if (types.includes('Event')) return { ...base, type: 'Event', participants: refs(n.attendee), place: ref(n.location) || null, date: fromDate(n['nkg:when']) ?? null };
  return null;
}

/** Turns an export back into one ingestable document per article. */
export function documentsFromJsonLd(jsonld: { '@graph': Json[] }): ArticleDocument[] {
  const nodes = jsonld['@graph'];
  const entities = new Map(nodes.flatMap((n) => entityFrom(n) ?? []).map((e) => [e.id, e]));
  const sequences: SequenceInput[] = nodes
    .filter((n) => typesOf(n).includes('nkg:Sequence'))
    .map((n) => ({ from: ref(n['nkg:from']), to: ref(n['nkg:to']), relation: n['nkg:relation'] as SequenceInput['relation'] }));
  const quotations = nodes.filter((n) => typesOf(n).includes('Quotation'));
  return nodes
    .filter((n) => typesOf(n).includes('NewsArticle'))
    .map((a) => {
      const id = a['@id'] as string;
      const statements = quotations
        .filter((q) => ref(q.isPartOf) === id)
        .sort((x, y) => ((x['nkg:evidence'] as Json)['nkg:position'] as number) - ((y['nkg:evidence'] as Json)['nkg:position'] as number))
        .map((q) => {
          const evidence = q['nkg:evidence'] as Json;
          const reporters = ((q['prov:qualifiedAttribution'] as Json[] | undefined) ?? []).sort((x, y) => (x['nkg:order'] as number) - (y['nkg:order'] as number));
          return {
            kind: q['nkg:kind'] as StatementInput['kind'],
            speaker: ref(q.spokenByCharacter),
            text: q.text as string,
            start: evidence['nkg:start'] as number,
            end: evidence['nkg:end'] as number,
            about: refs(q.about),
            stances: stancesFrom(q['nkg:stance']),
            venue: (q['nkg:venue'] as string | undefined) ?? null,
            reportedBy: reporters.map((r) => ref(r['prov:agent'])),
            quotedIn: ref(q['nkg:quotedIn']) || null,
            date: fromDate(q['nkg:when']) ?? null,
          };
        });
      const mentioned = refs(a.mentions);
      const defined = a['nkg:defines'] === undefined ? mentioned : refs(a['nkg:defines']);
      return {
        article: {
          id,
          title: a.headline as string,
          text: a.articleBody as string,
          url: (a.url as string | undefined) ?? null,
          publishedAt: (a.datePublished as string | undefined) ?? null,
          publisher: ref(a.publisher) || null,
        },
        entities: defined.flatMap((m) => entities.get(m) ?? []),
        mentions: mentioned,
        sequences: sequences.filter((q) => defined.includes(q.from) && defined.includes(q.to)),
        statements,
      };
    });
}
