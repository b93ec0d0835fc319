/**
 * The words the graph is written in, in one place: its node types, the prefix each type
 * owns in an id, and the id grammar `<type>:<slug>` (CONTRACT.md, "Identity"). The server,
 * ingest, the extractor and the explorer's bundle all read them from here, so this module
 * imports nothing: esbuild takes it into the browser as it is.
 */

/** The five entity types, in the order the schema and the writer list them. */
export const ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Policy', 'Event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Every type of node that has a public id: the entities, articles and statements. */
export const NODE_TYPES = [...ENTITY_TYPES, 'Article', 'Statement'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** What a statement is: a full quote, a quoted fragment, or a paraphrase. */
export const STATEMENT_KINDS = ['DIRECT', 'PARTIAL', 'INDIRECT'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** What an organization is, a place is, a policy's state, and how precise a date is. */
export const ORGANIZATION_KINDS = ['GOVERNMENT', 'AGENCY', 'NEWS_OUTLET', 'MILITARY', 'ALLIANCE', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const PLACE_KINDS = ['COUNTRY', 'CITY', 'REGION'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const POLICY_STATUSES = ['PROPOSED', 'ACTIVE', 'PAUSED', 'ENDED'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const DATE_PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Where a statement stands on something it is about; UNCLEAR too when nobody judged. */
export const STANCES = ['SUPPORTS', 'OPPOSES', 'NEUTRAL', 'UNCLEAR'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * Schemes of an entity's external identifiers, and what a value of each looks like. An
 * identifier's url is derived from its value, so one value never has two addresses.
 */
export const IDENTIFIER_SCHEMES = ['WIKIDATA', 'URL'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

const IDENTIFIER_FORMS: Readonly<Record<IdentifierScheme, { readonly pattern: RegExp; readonly example: string; readonly url: (value: string) => string }>> = {
  WIKIDATA: { pattern: /^Q[1-9][0-9]*$/, example: 'Q22686', url: (value) => `https://www.wikidata.org/wiki/${value}` },
  URL: { pattern: /^https?:\/\/[^\s]{1,2000}$/, example: 'https://en.wikipedia.org/wiki/Mike_Waltz', url: (value) => value },
};

/** What is wrong with `value` as an identifier of `scheme` (a sentence for a message), or null when it is well formed. */
export function identifierValueProblem(scheme: IdentifierScheme, value: unknown): string | null {
  const form = IDENTIFIER_FORMS[scheme];
  if (typeof value === 'string' && form.pattern.test(value)) return null;
  return `expected a ${scheme} identifier like ${form.example} (${form.pattern.source}); received ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}`;
}

export const identifierUrl = (scheme: IdentifierScheme, value: string): string => IDENTIFIER_FORMS[scheme].url(value);

/** The one key of an identifier in the graph (`:ExternalId {key}`, unique). */
export const identifierKey = (scheme: IdentifierScheme, value: string): string => `${scheme}:${value}`;

/**
 * Whether `text` starts with a day the calendar has (`2024-02-29` yes, `2025-02-30` no).
 * Date.parse alone is not enough: it rolls an impossible day over into the next month.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A list as a sentence gives it, for messages and descriptions: `a, b or c`. */
export const inWords = (words: readonly string[]): string =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] as string}`;

/** The id prefix each type owns: `person:mike-waltz`, `org:cia`, ... */
export const ID_PREFIX: Readonly<Record<NodeType, string>> = {
  Person: 'person',
  Organization: 'org',
  Place: 'place',
  Policy: 'policy',
  Event: 'event',
  Article: 'article',
  Statement: 'statement',
};

/** Lowercase letters and digits in words joined by single hyphens. */
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** The entity types' prefixes, as a regular-expression alternation. */
const ENTITY_PREFIXES = ENTITY_TYPES.map((type) => ID_PREFIX[type]).join('|');

export const ENTITY_ID = new RegExp(`^(${ENTITY_PREFIXES}):${SLUG}$`);
export const ARTICLE_ID = new RegExp(`^${ID_PREFIX.Article}:${SLUG}$`);
/** `statement:<article-slug>:<start>-<end>` for a quote with its span, `statement:<article-slug>:<n>` for a paraphrase. */
export const STATEMENT_ID = new RegExp(`^${ID_PREFIX.Statement}:${SLUG}:(\\d+-\\d+|\\d+)$`);

const TYPE_OF_PREFIX: ReadonlyMap<string, NodeType> = new Map(NODE_TYPES.map((type) => [ID_PREFIX[type], type]));

/** The type an id's prefix names, its grammar unchecked (for ids the graph itself gave); null for no known prefix. */
export const typeOfPrefix = (id: string): NodeType | null => TYPE_OF_PREFIX.get(id.slice(0, id.indexOf(':'))) ?? null;

/** The type a well-formed id names; null for anything that is not an id. */
export function typeOfId(id: string): NodeType | null {
  const type = typeOfPrefix(id);
  if (type === null) return null;
  const grammar = type === 'Article' ? ARTICLE_ID : type === 'Statement' ? STATEMENT_ID : ENTITY_ID;
  return grammar.test(id) ? type : null;
}

export const isEntityType = (type: string | null): type is EntityType => (ENTITY_TYPES as readonly (string | null)[]).includes(type);

/** The id of the article with this slug. */
export const articleId = (slug: string): string => `${ID_PREFIX.Article}:${slug}`;

/**
 * The id a statement derives from its article and where it stands: its span for a quote
 * (DIRECT, PARTIAL), its 1-based position in the document for a paraphrase (INDIRECT).
 */
export const statementId = (articleSlug: string, at: { readonly start: number; readonly end: number } | number): string =>
  `${ID_PREFIX.Statement}:${articleSlug}:${typeof at === 'number' ? at : `${at.start}-${at.end}`}`;

/** `statementId` for the statement at `index` (0-based) of a document's list, by its kind. */
export const derivedStatementId = (articleSlug: string, statement: { readonly kind: StatementKind; readonly start: number; readonly end: number }, index: number): string =>
  statementId(articleSlug, statement.kind === 'INDIRECT' ? index + 1 : statement);

/** The slug of an article's id: what its statements' ids begin with. */
export const articleSlug = (id: string): string => id.slice(ID_PREFIX.Article.length + 1);
