/**
 * The gate into the graph. `validateDocument` checks a whole article document and returns
 * either a normalised document ready to write or every problem it found, each with its JSON
 * path and what was expected. It reads nothing from the database: references to entities
 * the document does not define are returned as `external` for the writer to check.
 */
import type { Problem } from '../errors';
import {
  DATE_PRECISIONS,
  ENTITY_TYPES,
  ID_PREFIX,
  ORGANIZATION_KINDS,
  PLACE_KINDS,
  POLICY_STATUSES,
  STATEMENT_KINDS,
  type ArticleDocument,
  type DateRef,
  type EntityInput,
  type EntityType,
  type SequenceInput,
  type StatementInput,
} from './document';
import { sentenceAround, slugify } from './text';

export const DOCUMENT_LIMITS = {
  textLength: 1_000_000,
  entities: 5_000,
  statements: 10_000,
  stringLength: 10_000,
  listLength: 200,
} as const;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const ENTITY_ID = new RegExp(`^(person|org|place|policy|event):${SLUG}$`);
const ARTICLE_ID = new RegExp(`^article:${SLUG}$`);
const STATEMENT_ID = new RegExp(`^statement:${SLUG}:(\\d+-\\d+|\\d+)$`);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export interface NormalizedStatement {
  readonly id: string;
  readonly kind: StatementInput['kind'];
  readonly speaker: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  readonly sentenceStart: number;
  readonly about: readonly string[];
  readonly venue: string | null;
  readonly reportedBy: readonly string[];
  readonly quotedIn: string | null;
  readonly date: DateRef | null;
  /** Position in the document; with the article's date it orders statements stably. */
  readonly ordinal: number;
}

export interface NormalizedDocument {
  readonly article: {
    readonly id: string;
    readonly title: string;
    readonly text: string;
    readonly publisher: string | null;
    readonly url: string | null;
    readonly publishedAt: string | null;
  };
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
  | { readonly ok: false; readonly problems: readonly Problem[] };

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: Json): string => {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export function typeOfId(id: string): EntityType | null {
  const prefix = id.slice(0, id.indexOf(':'));
  return (ENTITY_TYPES.find((t) => ID_PREFIX[t] === prefix) as EntityType | undefined) ?? null;
}

export function validateDocument(input: Json): ValidationResult {
  const problems: Problem[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  if (!isObject(input)) {
    return { ok: false, problems: [{ path: '$', message: `expected an object with article, entities and statements; received ${show(input)}` }] };
  }
  for (const key of Object.keys(input)) {
    if (!['article', 'entities', 'mentions', 'sequences', 'statements', 'review'].includes(key)) report(key, 'unknown field; expected article, entities, mentions, sequences, statements or review (the extractor\'s notes, which ingest ignores)');
  }

  const str = (v: Json, path: string, opts: { optional?: boolean; max?: number } = {}): string | null => {
    if (v === undefined || v === null) {
      if (!opts.optional) report(path, 'expected a non-empty string; it is missing');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      report(path, `expected a non-empty string; received ${show(v)}`);
      return null;
    }
    if (v.length > (opts.max ?? DOCUMENT_LIMITS.stringLength)) {
      report(path, `expected at most ${opts.max ?? DOCUMENT_LIMITS.stringLength} characters; received ${v.length}`);
      return null;
    }
    return v;
  };
  const list = (v: Json, path: string, max: number = DOCUMENT_LIMITS.listLength): Json[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      report(path, `expected a list; received ${show(v)}`);
      return [];
    }
    if (v.length > max) {
      report(path, `expected at most ${max} items; received ${v.length}`);
      return [];
    }
    return v;
  };
  const oneOf = <T extends string>(v: Json, allowed: readonly T[], path: string, optional: boolean): T | null => {
    if ((v === undefined || v === null) && optional) return null;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    report(path, `expected one of ${allowed.join(', ')}; received ${show(v)}`);
    return null;
  };
  const dateRef = (v: Json, path: string): DateRef | null => {
    if (v === undefined || v === null) return null;
    if (!isObject(v)) {
      report(path, `expected { text, date, precision }; received ${show(v)}`);
      return null;
    }
    const text = str(v.text, `${path}.text`, { optional: true, max: 200 });
    let date: string | null = null;
    if (v.date !== undefined && v.date !== null) {
      if (typeof v.date !== 'string' || !ISO_DATE.test(v.date) || Number.isNaN(Date.parse(`${v.date}T00:00:00Z`))) {
        report(`${path}.date`, `expected a calendar date YYYY-MM-DD; received ${show(v.date)}`);
      } else {
        date = v.date;
      }
    }
    const precision = oneOf(v.precision, DATE_PRECISIONS, `${path}.precision`, date === null);
    if (date === null && text === null) report(path, 'expected the words of the text, a calendar date, or both');
    return { text, date, precision };
  };

  // Every id reference is checked after all definitions are known.
  const references: { id: Json; types: readonly EntityType[]; path: string }[] = [];
  const ref = (v: Json, path: string, types: readonly EntityType[]): string | null => {
    if (typeof v !== 'string' || !ENTITY_ID.test(v)) {
      report(path, `expected an entity id like person:mike-waltz; received ${show(v)}`);
      return null;
    }
    references.push({ id: v, types, path });
    return v;
  };

  // --- article
  const rawArticle = input.article;
  let articleText = '';
  let article: NormalizedDocument['article'] | null = null;
  if (!isObject(rawArticle)) {
    report('article', `expected an object with title and text; received ${show(rawArticle)}`);
  } else {
    const title = str(rawArticle.title, 'article.title', { max: 500 });
    const text = str(rawArticle.text, 'article.text', { max: DOCUMENT_LIMITS.textLength });
    articleText = text ?? '';
    let id: string | null = null;
    if (rawArticle.id !== undefined && rawArticle.id !== null) {
      if (typeof rawArticle.id !== 'string' || !ARTICLE_ID.test(rawArticle.id)) {
        report('article.id', `expected an id like article:us-cuts-off-intelligence-sharing; received ${show(rawArticle.id)}`);
      } else {
        id = rawArticle.id;
      }
    } else if (title) {
      const slug = slugify(title);
      if (slug === '') report('article.title', `expected a title with letters or digits to derive an id from; received ${show(title)}`);
      else id = `article:${slug}`;
    }
    const publisher = rawArticle.publisher === undefined || rawArticle.publisher === null ? null : ref(rawArticle.publisher, 'article.publisher', ['Organization']);
    const url = str(rawArticle.url, 'article.url', { optional: true, max: 2000 });
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) report('article.url', `expected an http(s) URL; received ${show(url)}`);
    let publishedAt: string | null = null;
    if (rawArticle.publishedAt !== undefined && rawArticle.publishedAt !== null) {
      if (typeof rawArticle.publishedAt !== 'string' || !ISO_DATE_TIME.test(rawArticle.publishedAt) || Number.isNaN(Date.parse(rawArticle.publishedAt))) {
        report('article.publishedAt', `expected an ISO date like 2025-03-05 or 2025-03-05T14:00:00Z; received ${show(rawArticle.publishedAt)}`);
      } else {
        publishedAt = rawArticle.publishedAt;
      }
    }
    for (const key of Object.keys(rawArticle)) {
      if (!['id', 'title', 'text', 'publisher', 'url', 'publishedAt'].includes(key)) report(`article.${key}`, 'unknown field; expected id, title, text, publisher, url or publishedAt');
    }
    if (title && text && id) article = { id, title, text, publisher, url, publishedAt };
  }
  const articleSlug = article?.id.slice('article:'.length) ?? '';

  // --- entities
  const defined = new Map<string, EntityType>();
  const entities: EntityInput[] = [];
  list(input.entities, 'entities', DOCUMENT_LIMITS.entities).forEach((raw, i) => {
    const path = `entities[${i}]`;
    if (!isObject(raw)) {
      report(path, `expected an entity object; received ${show(raw)}`);
      return;
    }
    const type = oneOf(raw.type, ENTITY_TYPES, `${path}.type`, false);
    const id = typeof raw.id === 'string' ? raw.id : null;
    if (id === null || !ENTITY_ID.test(id)) {
      report(`${path}.id`, `expected an id like person:mike-waltz (prefix person, org, place, policy or event, then a lowercase slug); received ${show(raw.id)}`);
    } else if (type && typeOfId(id) !== type) {
      report(`${path}.id`, `expected the prefix ${ID_PREFIX[type]}: for a ${type}; received ${show(id)}`);
    } else if (defined.has(id)) {
      report(`${path}.id`, `duplicate id ${id}; each entity is defined once`);
    }
    const name = str(raw.name, `${path}.name`, { max: 500 });
    const aliases = list(raw.aliases, `${path}.aliases`).map((a, j) => str(a, `${path}.aliases[${j}]`, { max: 500 }));
    const description = str(raw.description, `${path}.description`, { optional: true });
    if (!type || !id || !ENTITY_ID.test(id) || !name || defined.has(id)) {
      if (id && type) defined.set(id, type);
      return;
    }
    defined.set(id, type);
    const base = { id, name, aliases: [...new Set(aliases.filter((a): a is string => a !== null && a !== name))], description };
    switch (type) {
      case 'Person': {
        const roles = list(raw.roles, `${path}.roles`).flatMap((r, j) => {
          const rp = `${path}.roles[${j}]`;
          if (!isObject(r)) {
            report(rp, `expected { title, organization, place, former }; received ${show(r)}`);
            return [];
          }
          const title = str(r.title, `${rp}.title`, { max: 300 });
          const organization = r.organization === undefined || r.organization === null ? null : ref(r.organization, `${rp}.organization`, ['Organization']);
          const place = r.place === undefined || r.place === null ? null : ref(r.place, `${rp}.place`, ['Place']);
          if (organization === null && place === null && r.organization == null && r.place == null) {
            report(rp, 'expected an organization, a place, or both, for the role');
          }
          if (r.former !== undefined && typeof r.former !== 'boolean') report(`${rp}.former`, `expected true or false; received ${show(r.former)}`);
          return title ? [{ title, organization, place, former: r.former === true }] : [];
        });
        entities.push({ ...base, type, roles });
        break;
      }
      case 'Organization':
        entities.push({
          ...base,
          type,
          kind: oneOf(raw.kind, ORGANIZATION_KINDS, `${path}.kind`, true) ?? 'OTHER',
          place: raw.place === undefined || raw.place === null ? null : ref(raw.place, `${path}.place`, ['Place']),
        });
        break;
      case 'Place':
        entities.push({
          ...base,
          type,
          kind: oneOf(raw.kind, PLACE_KINDS, `${path}.kind`, true) ?? 'COUNTRY',
          partOf: raw.partOf === undefined || raw.partOf === null ? null : ref(raw.partOf, `${path}.partOf`, ['Place']),
        });
        break;
      case 'Policy':
        entities.push({
          ...base,
          type,
          status: oneOf(raw.status, POLICY_STATUSES, `${path}.status`, true) ?? 'ACTIVE',
          actors: list(raw.actors, `${path}.actors`).flatMap((a, j) => ref(a, `${path}.actors[${j}]`, ['Person', 'Organization', 'Place']) ?? []),
          targets: list(raw.targets, `${path}.targets`).flatMap((a, j) => ref(a, `${path}.targets[${j}]`, ['Person', 'Organization', 'Place']) ?? []),
          date: dateRef(raw.date, `${path}.date`),
        });
        break;
      case 'Event':
        entities.push({
          ...base,
          type,
          participants: list(raw.participants, `${path}.participants`).flatMap((a, j) => ref(a, `${path}.participants[${j}]`, ['Person', 'Organization', 'Place']) ?? []),
          place: raw.place === undefined || raw.place === null ? null : ref(raw.place, `${path}.place`, ['Place']),
          date: dateRef(raw.date, `${path}.date`),
        });
        break;
    }
  });

  // --- sequences
  const sequences: SequenceInput[] = [];
  list(input.sequences, 'sequences', DOCUMENT_LIMITS.entities).forEach((raw, i) => {
    const path = `sequences[${i}]`;
    if (!isObject(raw)) {
      report(path, `expected { from, to, relation }; received ${show(raw)}`);
      return;
    }
    const from = ref(raw.from, `${path}.from`, ['Event', 'Policy']);
    const to = ref(raw.to, `${path}.to`, ['Event', 'Policy']);
    const relation = oneOf(raw.relation, ['PRECEDED', 'LED_TO'] as const, `${path}.relation`, false);
    if (from && to && from === to) report(path, `expected two different ids; received ${from} twice`);
    if (from && to && relation && from !== to) sequences.push({ from, to, relation });
  });

  // --- statements
  const statements: NormalizedStatement[] = [];
  const statementIds = new Map<string, string>();
  const quotedInRefs: { id: string; path: string; self: string }[] = [];
  list(input.statements, 'statements', DOCUMENT_LIMITS.statements).forEach((raw, i) => {
    const path = `statements[${i}]`;
    if (!isObject(raw)) {
      report(path, `expected a statement object; received ${show(raw)}`);
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!['id', 'kind', 'speaker', 'text', 'start', 'end', 'about', 'venue', 'reportedBy', 'quotedIn', 'date'].includes(key)) {
        report(`${path}.${key}`, 'unknown field; expected id, kind, speaker, text, start, end, about, venue, reportedBy, quotedIn or date');
      }
    }
    const kind = oneOf(raw.kind, STATEMENT_KINDS, `${path}.kind`, false);
    const speaker = ref(raw.speaker, `${path}.speaker`, ['Person', 'Organization', 'Place']);
    const text = str(raw.text, `${path}.text`, { max: DOCUMENT_LIMITS.textLength });
    const start = raw.start;
    const end = raw.end;
    let spanOk = false;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      report(`${path}.start`, `expected integer offsets start and end into article.text; received start ${show(start)}, end ${show(end)}`);
    } else if ((start as number) < 0 || (start as number) >= (end as number) || (end as number) > articleText.length) {
      report(`${path}.start`, `expected 0 <= start < end <= ${articleText.length} (the article's length); received start ${start as number}, end ${end as number}`);
    } else {
      spanOk = true;
    }
    if (spanOk && text !== null && kind !== null && kind !== 'INDIRECT') {
      const actual = articleText.slice(start as number, end as number);
      if (actual !== text) {
        report(`${path}.text`, `expected the article's words at [${start as number}, ${end as number}) to equal the quote; the article has ${show(actual)} there, the statement says ${show(text)}`);
        spanOk = false;
      }
    }
    const about = [...new Set(list(raw.about, `${path}.about`).flatMap((a, j) => ref(a, `${path}.about[${j}]`, [...ENTITY_TYPES]) ?? []))];
    const reportedBy = [...new Set(list(raw.reportedBy, `${path}.reportedBy`).flatMap((a, j) => ref(a, `${path}.reportedBy[${j}]`, ['Organization']) ?? []))];
    const venue = str(raw.venue, `${path}.venue`, { optional: true, max: 300 });
    const date = dateRef(raw.date, `${path}.date`);

    const derived = kind === 'INDIRECT' ? `statement:${articleSlug}:${i + 1}` : spanOk ? `statement:${articleSlug}:${start as number}-${end as number}` : null;
    let id = derived;
    if (raw.id !== undefined && raw.id !== null) {
      if (typeof raw.id !== 'string' || !STATEMENT_ID.test(raw.id)) {
        report(`${path}.id`, `expected an id like statement:<article-slug>:<start>-<end> or statement:<article-slug>:<n>; received ${show(raw.id)}`);
      } else if (derived !== null && raw.id !== derived) {
        report(`${path}.id`, `expected ${derived}, the id its ${kind === 'INDIRECT' ? 'position' : 'span'} gives; received ${show(raw.id)}`);
      } else {
        id = raw.id;
      }
    }
    if (id !== null && statementIds.has(id)) {
      report(path, `duplicate statement ${id}: ${statementIds.get(id) ?? ''} has the same kind and span`);
      return;
    }
    if (id !== null) statementIds.set(id, path);
    let quotedIn: string | null = null;
    if (raw.quotedIn !== undefined && raw.quotedIn !== null) {
      if (typeof raw.quotedIn !== 'string' || !STATEMENT_ID.test(raw.quotedIn)) {
        report(`${path}.quotedIn`, `expected a statement id like statement:<article-slug>:<start>-<end>; received ${show(raw.quotedIn)}`);
      } else {
        quotedIn = raw.quotedIn;
        if (id !== null) quotedInRefs.push({ id: quotedIn, path: `${path}.quotedIn`, self: id });
      }
    }
    if (id === null || kind === null || speaker === null || text === null || !spanOk) return;
    const sentence = sentenceAround(articleText, { start: start as number, end: end as number });
    statements.push({
      id,
      kind,
      speaker,
      text,
      start: start as number,
      end: end as number,
      sentence: articleText.slice(sentence.start, sentence.end),
      sentenceStart: sentence.start,
      about,
      venue,
      reportedBy,
      quotedIn,
      date,
      ordinal: i,
    });
  });
  for (const q of quotedInRefs) {
    if (q.id === q.self) report(q.path, `expected another statement; ${q.self} cannot be quoted inside itself`);
    else if (!statementIds.has(q.id)) report(q.path, `expected the id of a statement in this document; ${q.id} is not one (ids: ${[...statementIds.keys()].slice(0, 5).join(', ')}${statementIds.size > 5 ? ', ...' : ''})`);
  }

  // --- mentions
  const mentions =
    input.mentions === undefined || input.mentions === null
      ? null
      : [...new Set(list(input.mentions, 'mentions', DOCUMENT_LIMITS.entities).flatMap((m, i) => ref(m, `mentions[${i}]`, [...ENTITY_TYPES]) ?? []))];

  // --- references
  const external = new Map<string, { types: EntityType[]; path: string }>();
  for (const r of references) {
    const id = r.id as string;
    const type = typeOfId(id);
    if (type === null || !r.types.includes(type)) {
      report(r.path, `expected the id of a ${r.types.join(' or ')}; received ${show(id)}`);
      continue;
    }
    if (!defined.has(id) && !external.has(id)) external.set(id, { types: [type], path: r.path });
  }

  if (problems.length > 0 || article === null) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ path: 'article', message: 'expected a valid article' }] };
  }
  return { ok: true, document: { article, entities, sequences, statements, mentions, external } };
}

export type { ArticleDocument };
