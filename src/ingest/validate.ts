/**
 * The gate into the graph. `validateDocument` checks a whole article document and returns
 * either a normalised document ready to write or every problem it found, each with its JSON
 * path and what was expected. It reads nothing from the database: references to entities
 * the document does not define are returned as `external` for the writer to check.
 *
 * The parts are read in the document's order (article, entities, sequences, statements,
 * mentions), and the references last, once every definition is known.
 */
import type { Problem } from '../errors';
import {
  ARTICLE_ID,
  articleSlug,
  ENTITY_ID,
  ENTITY_TYPES,
  ID_PREFIX,
  IDENTIFIER_SCHEMES,
  identifierKey,
  identifierUrl,
  identifierValueProblem,
  isCalendarDate,
  isEntityType,
  ORGANIZATION_KINDS,
  PLACE_KINDS,
  POLICY_STATUSES,
  STANCES,
  STATEMENT_ID,
  STATEMENT_KINDS,
  statementId,
  typeOfId,
  type EntityType,
  type Stance,
  type StatementKind,
} from '../vocabulary';
import { Checker, DOCUMENT_LIMITS, isAbsent, isObject, show, type Json } from './checker';
import type { DateRef, EntityInput, IdentifierInput, SequenceInput, StatementInput } from './document';
import { derivedArticleId, type ArticleIdentity } from './identity';
import { nameKey, sentenceAround } from './text';

export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An article's publishedAt: an ISO date, or date and time, on a day the calendar has. */
export const isPublishedAt = (text: string): boolean => ISO_DATE_TIME.test(text) && isCalendarDate(text) && !Number.isNaN(Date.parse(text));

export interface NormalizedStatement {
  readonly id: string;
  readonly kind: StatementInput['kind'];
  readonly speaker: string;
  readonly text: string;
  /**
   * The quote's normalised words (text.ts `nameKey`), which its lock and its quote key are
   * made of: worked out here, where a bulk load validates while the batch before is written,
   * not again in the write transaction.
   */
  readonly words: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  readonly sentenceStart: number;
  readonly about: readonly string[];
  /** The stance of each link of `about`, in its order, and the extractor's confidence in it (null: a person's). */
  readonly stances: readonly { readonly stance: Stance; readonly confidence: number | null }[];
  readonly venue: string | null;
  readonly reportedBy: readonly string[];
  readonly quotedIn: string | null;
  readonly date: DateRef | null;
  /** Position in the document; with the article's date it orders statements stably. */
  readonly ordinal: number;
}

export interface NormalizedArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

export interface NormalizedDocument {
  readonly article: NormalizedArticle;
  readonly entities: readonly EntityInput[];
  readonly sequences: readonly SequenceInput[];
  readonly statements: readonly NormalizedStatement[];
  /** null: the article mentions every entity the document defines or references. */
  readonly mentions: readonly string[] | null;
  /** Ids the document references without defining; they must already be in the graph. */
  readonly external: ReadonlyMap<string, { readonly types: readonly EntityType[]; readonly path: string }>;
}

export type ValidationResult =
  | { readonly ok: true; readonly document: NormalizedDocument }
  | {
      readonly ok: false;
      readonly problems: readonly Problem[];
      /** The well-formed references the document does not define, for the writer to check all the same. */
      readonly external: NormalizedDocument['external'];
    };

const DOCUMENT_FIELDS = ['article', 'entities', 'mentions', 'sequences', 'statements', 'review'];
const ARTICLE_FIELDS = ['id', 'title', 'text', 'publisher', 'url', 'publishedAt'];
const STATEMENT_FIELDS = ['id', 'kind', 'speaker', 'text', 'start', 'end', 'about', 'stances', 'venue', 'reportedBy', 'quotedIn', 'date'];
/** Who can speak, act or take part: the entities that are not policies or events. */
const ACTORS: readonly EntityType[] = ['Person', 'Organization', 'Place'];

export function validateDocument(input: Json): ValidationResult {
  if (!isObject(input)) {
    return { ok: false, problems: [{ path: '$', message: `expected an object with article, entities and statements; received ${show(input)}` }], external: new Map() };
  }
  const check = new Checker();
  check.knownFields(input, DOCUMENT_FIELDS, (key) => key, " (the extractor's notes, which ingest ignores)");
  const { article, text } = readArticle(input.article, check);
  const { entities, defined } = readEntities(input.entities, check);
  const sequences = readSequences(input.sequences, check);
  const statements = readStatements(input.statements, { text, slug: article === null ? '' : articleSlug(article.id) }, check);
  const mentions = isAbsent(input.mentions) ? null : [...new Set(check.refs(input.mentions, 'mentions', ENTITY_TYPES, DOCUMENT_LIMITS.entities))];
  const external = externalReferences(defined, check);

  const { problems } = check;
  if (problems.length > 0 || article === null) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ path: 'article', message: 'expected a valid article' }], external };
  }
  return { ok: true, document: { article, entities, sequences, statements, mentions, external } };
}

// The article

/** The article, when it is whole, and its text for the statements' spans ('' when it has none). */
function readArticle(raw: Json, check: Checker): { article: NormalizedArticle | null; text: string } {
  if (!isObject(raw)) {
    check.report('article', `expected an object with title and text; received ${show(raw)}`);
    return { article: null, text: '' };
  }
  const title = check.string(raw.title, 'article.title', { max: 500 });
  const text = check.string(raw.text, 'article.text', { max: DOCUMENT_LIMITS.textLength });
  const publisher = check.optionalRef(raw.publisher, 'article.publisher', ['Organization']);
  const url = check.string(raw.url, 'article.url', { optional: true, max: 2000 });
  const urlOk = url === null || /^https?:\/\/\S+$/.test(url);
  if (!urlOk) check.report('article.url', `expected an http(s) URL; received ${show(url)}`);
  const publishedAt = readPublishedAt(raw.publishedAt, check);
  const id = urlOk ? readArticleId(raw.id, { title, url, publisher, publishedAt }, check) : null;
  check.knownFields(raw, ARTICLE_FIELDS, (key) => `article.${key}`);
  return { article: title && text && id ? { id, title, text, publisher, url, publishedAt } : null, text: text ?? '' };
}

/** The id given, or the one the url, or else publisher, date and title, derive (identity.ts). */
function readArticleId(raw: Json, identity: Omit<ArticleIdentity, 'title'> & { title: string | null }, check: Checker): string | null {
  if (!isAbsent(raw)) {
    if (typeof raw === 'string' && ARTICLE_ID.test(raw)) return raw;
    check.report('article.id', `expected an id like article:us-cuts-off-intelligence-sharing; received ${show(raw)}`);
    return null;
  }
  const { title } = identity;
  if (!title) return null;
  const id = derivedArticleId({ ...identity, title });
  if (id !== null) return id;
  check.report('article.title', `expected a title with letters or digits to derive an id from; received ${show(title)}`);
  return null;
}

function readPublishedAt(raw: Json, check: Checker): string | null {
  if (isAbsent(raw)) return null;
  if (typeof raw === 'string' && isPublishedAt(raw)) return raw;
  check.report('article.publishedAt', `expected an ISO date of the calendar like 2025-03-05 or 2025-03-05T14:00:00Z; received ${show(raw)}`);
  return null;
}

// Entities

/** The entities the document defines, and the type of every id it defines (well-formed or not). */
function readEntities(raw: Json, check: Checker): { entities: EntityInput[]; defined: Map<string, EntityType> } {
  const defined = new Map<string, EntityType>();
  const identified = new Map<string, string>();
  const entities: EntityInput[] = [];
  check.list(raw, 'entities', DOCUMENT_LIMITS.entities).forEach((item, i) => {
    const entity = readEntity(item, `entities[${i}]`, { defined, identified }, check);
    if (entity !== null) entities.push(entity);
  });
  return { entities, defined };
}

/** What the document's entities so far claim: their ids (with types), and their identifiers (key → the path of the entity that has it). */
interface Claimed {
  readonly defined: Map<string, EntityType>;
  readonly identified: Map<string, string>;
}

function readEntity(raw: Json, path: string, { defined, identified }: Claimed, check: Checker): EntityInput | null {
  if (!isObject(raw)) {
    check.report(path, `expected an entity object; received ${show(raw)}`);
    return null;
  }
  const type = check.oneOf(raw.type, ENTITY_TYPES, `${path}.type`, false);
  const id = typeof raw.id === 'string' ? raw.id : null;
  if (id === null || !ENTITY_ID.test(id)) {
    check.report(`${path}.id`, `expected an id like person:mike-waltz (prefix person, org, place, policy or event, then a lowercase slug); received ${show(raw.id)}`);
  } else if (type && typeOfId(id) !== type) {
    check.report(`${path}.id`, `expected the prefix ${ID_PREFIX[type]}: for a ${type}; received ${show(id)}`);
  } else if (defined.has(id)) {
    check.report(`${path}.id`, `duplicate id ${id}; each entity is defined once`);
  }
  const name = check.string(raw.name, `${path}.name`, { max: 500 });
  const aliases = check.list(raw.aliases, `${path}.aliases`).map((a, j) => check.string(a, `${path}.aliases[${j}]`, { max: 500 }));
  const description = check.string(raw.description, `${path}.description`, { optional: true });
  // A second definition of an id is refused whole: its identifiers would only repeat that.
  const identifiers = id !== null && defined.has(id) ? [] : readIdentifiers(raw.identifiers, path, identified, check);
  if (!type || !id || !ENTITY_ID.test(id) || !name || defined.has(id)) {
    if (id && type) defined.set(id, type);
    return null;
  }
  defined.set(id, type);
  const base = {
    id,
    name,
    aliases: [...new Set(aliases.filter((a): a is string => a !== null && a !== name))],
    description,
    // Absent rather than empty, so an entity without identifiers keeps the content hash it had before they existed.
    ...(identifiers.length > 0 ? { identifiers } : {}),
  };
  return withTypeFields(type, base, raw, path, check);
}

/** The fields only an entity of this type has. */
function withTypeFields(type: EntityType, base: Pick<EntityInput, 'id' | 'name' | 'aliases' | 'description' | 'identifiers'>, raw: Record<string, Json>, path: string, check: Checker): EntityInput {
  switch (type) {
    case 'Person':
      return { ...base, type, roles: readRoles(raw.roles, `${path}.roles`, check) };
    case 'Organization':
      return {
        ...base,
        type,
        kind: check.oneOf(raw.kind, ORGANIZATION_KINDS, `${path}.kind`, true) ?? 'OTHER',
        place: check.optionalRef(raw.place, `${path}.place`, ['Place']),
      };
    case 'Place':
      return {
        ...base,
        type,
        kind: check.oneOf(raw.kind, PLACE_KINDS, `${path}.kind`, true) ?? 'COUNTRY',
        partOf: check.optionalRef(raw.partOf, `${path}.partOf`, ['Place']),
      };
    case 'Policy':
      return {
        ...base,
        type,
        status: check.oneOf(raw.status, POLICY_STATUSES, `${path}.status`, true) ?? 'ACTIVE',
        actors: check.refs(raw.actors, `${path}.actors`, ACTORS),
        targets: check.refs(raw.targets, `${path}.targets`, ACTORS),
        date: check.date(raw.date, `${path}.date`),
      };
    case 'Event':
      return {
        ...base,
        type,
        participants: check.refs(raw.participants, `${path}.participants`, ACTORS),
        place: check.optionalRef(raw.place, `${path}.place`, ['Place']),
        date: check.date(raw.date, `${path}.date`),
      };
  }
}

/**
 * The entity's external identifiers (at `entityPath`.identifiers), each well formed, with its
 * url, and given to no other entity of the document: one identifier names one entity.
 */
function readIdentifiers(raw: Json, entityPath: string, identified: Map<string, string>, check: Checker): IdentifierInput[] {
  const read: IdentifierInput[] = [];
  check.list(raw, `${entityPath}.identifiers`).forEach((item, j) => {
    const at = `${entityPath}.identifiers[${j}]`;
    if (!isObject(item)) {
      check.report(at, `expected { scheme, value }; received ${show(item)}`);
      return;
    }
    check.knownFields(item, ['scheme', 'value', 'url'], (key) => `${at}.${key}`);
    const scheme = check.oneOf(item.scheme, IDENTIFIER_SCHEMES, `${at}.scheme`, false);
    if (scheme === null) return;
    const problem = identifierValueProblem(scheme, item.value);
    if (problem !== null) {
      check.report(`${at}.value`, problem);
      return;
    }
    const value = item.value as string;
    const url = identifierUrl(scheme, value);
    if (!isAbsent(item.url) && item.url !== url) check.report(`${at}.url`, `expected ${url} (the address of ${scheme} ${value}) or no url; received ${show(item.url)}`);
    const key = identifierKey(scheme, value);
    const owner = identified.get(key);
    if (owner !== undefined) {
      check.report(at, `${scheme} ${value} is given to ${owner} already; an identifier names one entity`);
      return;
    }
    identified.set(key, entityPath);
    read.push({ scheme, value, url });
  });
  return read;
}

type RoleRead = { title: string; organization: string | null; place: string | null; former: boolean; start: DateRef | null; end: DateRef | null };

function readRoles(raw: Json, path: string, check: Checker): RoleRead[] {
  return check.list(raw, path).flatMap((r, j) => {
    const rp = `${path}[${j}]`;
    if (!isObject(r)) {
      check.report(rp, `expected { title, organization, place, former, start, end }; received ${show(r)}`);
      return [];
    }
    const title = check.string(r.title, `${rp}.title`, { max: 300 });
    const organization = check.optionalRef(r.organization, `${rp}.organization`, ['Organization']);
    const place = check.optionalRef(r.place, `${rp}.place`, ['Place']);
    if (organization === null && place === null && r.organization == null && r.place == null) {
      check.report(rp, 'expected an organization, a place, or both, for the role');
    }
    if (r.former !== undefined && typeof r.former !== 'boolean') check.report(`${rp}.former`, `expected true or false; received ${show(r.former)}`);
    const start = check.date(r.start, `${rp}.start`);
    const end = check.date(r.end, `${rp}.end`);
    if (start?.date && end?.date && end.date < start.date) {
      check.report(`${rp}.end`, `expected an end on or after the start ${start.date}; received ${end.date}`);
    }
    return title ? [{ title, organization, place, former: r.former === true, start, end }] : [];
  });
}

// Sequences

function readSequences(raw: Json, check: Checker): SequenceInput[] {
  return check.list(raw, 'sequences', DOCUMENT_LIMITS.entities).flatMap((item, i) => {
    const path = `sequences[${i}]`;
    if (!isObject(item)) {
      check.report(path, `expected { from, to, relation }; received ${show(item)}`);
      return [];
    }
    const from = check.ref(item.from, `${path}.from`, ['Event', 'Policy']);
    const to = check.ref(item.to, `${path}.to`, ['Event', 'Policy']);
    const relation = check.oneOf(item.relation, ['PRECEDED', 'LED_TO'] as const, `${path}.relation`, false);
    if (from && to && from === to) check.report(path, `expected two different ids; received ${from} twice`);
    return from && to && relation && from !== to ? [{ from, to, relation }] : [];
  });
}

// Statements

/** What a statement is read against: its article's text and slug. */
interface ArticleContext {
  readonly text: string;
  readonly slug: string;
}

/** The statements' ids so far (with their paths), and the quotedIn references to check once all are known. */
interface StatementIds {
  readonly seen: Map<string, string>;
  readonly quotedIn: { id: string; path: string; self: string }[];
}

function readStatements(raw: Json, article: ArticleContext, check: Checker): NormalizedStatement[] {
  const ids: StatementIds = { seen: new Map(), quotedIn: [] };
  const statements = check
    .list(raw, 'statements', DOCUMENT_LIMITS.statements)
    .flatMap((item, i) => readStatement(item, i, article, ids, check) ?? []);
  for (const q of ids.quotedIn) {
    if (q.id === q.self) check.report(q.path, `expected another statement; ${q.self} cannot be quoted inside itself`);
    else if (!ids.seen.has(q.id)) check.report(q.path, `expected the id of a statement in this document; ${q.id} is not one (ids: ${[...ids.seen.keys()].slice(0, 5).join(', ')}${ids.seen.size > 5 ? ', ...' : ''})`);
  }
  return statements;
}

function readStatement(raw: Json, i: number, article: ArticleContext, ids: StatementIds, check: Checker): NormalizedStatement | null {
  const path = `statements[${i}]`;
  if (!isObject(raw)) {
    check.report(path, `expected a statement object; received ${show(raw)}`);
    return null;
  }
  check.knownFields(raw, STATEMENT_FIELDS, (key) => `${path}.${key}`);
  const kind = check.oneOf(raw.kind, STATEMENT_KINDS, `${path}.kind`, false);
  const speaker = check.ref(raw.speaker, `${path}.speaker`, ACTORS);
  const text = check.string(raw.text, `${path}.text`, { max: DOCUMENT_LIMITS.textLength });
  const span = readSpan(raw, path, kind, text, article.text, check);
  const about = [...new Set(check.refs(raw.about, `${path}.about`, ENTITY_TYPES))];
  const stances = readStances(raw.stances, `${path}.stances`, about, check);
  const reportedBy = [...new Set(check.refs(raw.reportedBy, `${path}.reportedBy`, ['Organization']))];
  const venue = check.string(raw.venue, `${path}.venue`, { optional: true, max: 300 });
  const date = check.date(raw.date, `${path}.date`);

  const derived = kind === 'INDIRECT' ? statementId(article.slug, i + 1) : span !== null ? statementId(article.slug, span) : null;
  const id = readStatementId(raw.id, path, derived, kind, check);
  if (id !== null && ids.seen.has(id)) {
    check.report(path, `duplicate statement ${id}: ${ids.seen.get(id) ?? ''} has the same kind and span`);
    return null;
  }
  if (id !== null) ids.seen.set(id, path);
  const quotedIn = readQuotedIn(raw.quotedIn, `${path}.quotedIn`, check);
  if (quotedIn !== null && id !== null) ids.quotedIn.push({ id: quotedIn, path: `${path}.quotedIn`, self: id });
  if (id === null || kind === null || speaker === null || text === null || span === null) return null;
  const sentence = sentenceAround(article.text, span);
  return {
    id,
    kind,
    speaker,
    text,
    words: nameKey(text),
    start: span.start,
    end: span.end,
    sentence: article.text.slice(sentence.start, sentence.end),
    sentenceStart: sentence.start,
    about,
    stances,
    venue,
    reportedBy,
    quotedIn,
    date,
    ordinal: i,
  };
}

/** The statement's span of the article, when it is one and (for a quote) holds the quoted words. */
function readSpan(raw: Record<string, Json>, path: string, kind: StatementKind | null, text: string | null, articleText: string, check: Checker): { start: number; end: number } | null {
  const { start, end } = raw;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    check.report(`${path}.start`, `expected integer offsets start and end into article.text; received start ${show(start)}, end ${show(end)}`);
    return null;
  }
  const span = { start: start as number, end: end as number };
  if (span.start < 0 || span.start >= span.end || span.end > articleText.length) {
    check.report(`${path}.start`, `expected 0 <= start < end <= ${articleText.length} (the article's length); received start ${span.start}, end ${span.end}`);
    return null;
  }
  if (text !== null && kind !== null && kind !== 'INDIRECT') {
    const actual = articleText.slice(span.start, span.end);
    if (actual !== text) {
      check.report(`${path}.text`, `expected the article's words at [${span.start}, ${span.end}) to equal the quote; the article has ${show(actual)} there, the statement says ${show(text)}`);
      return null;
    }
  }
  return span;
}

/** The id given, which must be the derived one when there is one; else the derived id. */
function readStatementId(raw: Json, path: string, derived: string | null, kind: StatementKind | null, check: Checker): string | null {
  if (isAbsent(raw)) return derived;
  if (typeof raw !== 'string' || !STATEMENT_ID.test(raw)) {
    check.report(`${path}.id`, `expected an id like statement:<article-slug>:<start>-<end> or statement:<article-slug>:<n>; received ${show(raw)}`);
  } else if (derived !== null && raw !== derived) {
    check.report(`${path}.id`, `expected ${derived}, the id its ${kind === 'INDIRECT' ? 'position' : 'span'} gives; received ${show(raw)}`);
  } else {
    return raw;
  }
  return derived;
}

function readQuotedIn(raw: Json, path: string, check: Checker): string | null {
  if (isAbsent(raw)) return null;
  if (typeof raw === 'string' && STATEMENT_ID.test(raw)) return raw;
  check.report(path, `expected a statement id like statement:<article-slug>:<start>-<end>; received ${show(raw)}`);
  return null;
}

// References

/** Checks every reference's type; returns those the document does not define, by id. */
function externalReferences(defined: ReadonlyMap<string, EntityType>, check: Checker): Map<string, { types: EntityType[]; path: string }> {
  const external = new Map<string, { types: EntityType[]; path: string }>();
  for (const r of check.references) {
    const type = typeOfId(r.id);
    if (!isEntityType(type) || !r.types.includes(type)) {
      check.report(r.path, `expected the id of a ${r.types.join(' or ')}; received ${show(r.id)}`);
      continue;
    }
    if (!defined.has(r.id) && !external.has(r.id)) external.set(r.id, { types: [type], path: r.path });
  }
  return external;
}

type LinkStance = NormalizedStatement['stances'][number];

/** The stance of each of `about`'s links, UNCLEAR where `raw` names none; each entry must name one of `about`, once. */
function readStances(raw: Json, path: string, about: readonly string[], check: Checker): LinkStance[] {
  const stances = about.map((): LinkStance => ({ stance: 'UNCLEAR', confidence: null }));
  const named = new Set<string>();
  check.list(raw, path).forEach((entry, j) => {
    const at = `${path}[${j}]`;
    if (!isObject(entry)) {
      check.report(at, `expected { about, stance, confidence? }; received ${show(entry)}`);
      return;
    }
    check.knownFields(entry, ['about', 'stance', 'confidence'], (key) => `${at}.${key}`);
    const stance = check.oneOf(entry.stance, STANCES, `${at}.stance`, false);
    const confidence = isAbsent(entry.confidence) ? null : entry.confidence;
    if (confidence !== null && (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))) {
      check.report(`${at}.confidence`, `expected a number from 0 to 1; received ${show(confidence)}`);
    }
    const index = typeof entry.about === 'string' ? about.indexOf(entry.about) : -1;
    if (index < 0) check.report(`${at}.about`, `expected one of this statement's about ids (${about.join(', ') || 'none'}); received ${show(entry.about)}`);
    else if (named.has(entry.about as string)) check.report(`${at}.about`, `${show(entry.about)} has a stance already`);
    else if (stance !== null) stances[index] = { stance, confidence: typeof confidence === 'number' ? confidence : null };
    named.add(entry.about as string);
  });
  return stances;
}
