/**
 * The article document: the one shape that the seed, `npm run ingest`, and the
 * `ingestArticle` mutation all accept. `validateDocument` (validate.ts) is the
 * only gate into the graph; these types describe a document that has passed it.
 *
 * Offsets (`start`, `end`) are JavaScript string indices (UTF-16 code units) into
 * `article.text`, end exclusive, as the public contract fixes them. The entity types, the
 * statement kinds and the id grammar are the graph's vocabulary (src/vocabulary.ts).
 */
import type { DatePrecision, IdentifierScheme, OrganizationKind, PlaceKind, PolicyStatus, Stance, StatementKind } from '../vocabulary';

/**
 * A date as the text gives it. `text` keeps the article's words ("Monday", "next week");
 * `date` is the calendar date (ISO `YYYY-MM-DD`, the first day of the week, month or
 * year for coarser precisions) and is present only where it is certain.
 */
export interface DateRef {
  text?: string | null;
  date?: string | null;
  precision?: DatePrecision | null;
}

export interface RoleInput {
  title: string;
  organization?: string | null;
  place?: string | null;
  /** True when the article calls the role former ("former deputy assistant secretary") without saying when it ended. */
  former?: boolean;
  /** When the person took the role, where the article or a public record says; precision as for any date. */
  start?: DateRef | null;
  /** When it ended (the last day held); not before `start`. A role with an end date in the past is former. */
  end?: DateRef | null;
}


/**
 * An identifier of the entity in another register (Wikidata's Q-id, a page that is about it).
 * Ingest resolves the entity by it before its id or name (plan-entities.ts); `url` is derived from the
 * value (vocabulary.ts `identifierUrl`) and, when a document gives it, must be that address.
 */
export interface IdentifierInput {
  scheme: IdentifierScheme;
  value: string;
  url?: string | null;
}

interface EntityBase {
  id: string;
  name: string;
  aliases?: string[];
  description?: string | null;
  identifiers?: IdentifierInput[];
}

export interface PersonInput extends EntityBase {
  type: 'Person';
  roles?: RoleInput[];
}

export interface OrganizationInput extends EntityBase {
  type: 'Organization';
  kind?: OrganizationKind;
  /** The place the organization belongs to (a government's country, an outlet's home). */
  place?: string | null;
}

export interface PlaceInput extends EntityBase {
  type: 'Place';
  kind?: PlaceKind;
  /** The larger place it lies in (Paris in France). */
  partOf?: string | null;
}

export interface PolicyInput extends EntityBase {
  type: 'Policy';
  status?: PolicyStatus;
  /** Who imposed or proposes it. */
  actors?: string[];
  /** Whom it applies to. */
  targets?: string[];
  date?: DateRef | null;
}

export interface EventInput extends EntityBase {
  type: 'Event';
  participants?: string[];
  place?: string | null;
  date?: DateRef | null;
}

export type EntityInput = PersonInput | OrganizationInput | PlaceInput | PolicyInput | EventInput;

/** Order and causation between events and policies: `from` came before, or led to, `to`. */
export interface SequenceInput {
  from: string;
  to: string;
  relation: 'PRECEDED' | 'LED_TO';
}

export interface StatementInput {
  /**
   * Optional, for a statement that other statements point at with `quotedIn`. When absent
   * the id is derived: `statement:<article-slug>:<start>-<end>` for DIRECT and PARTIAL,
   * `statement:<article-slug>:<n>` for INDIRECT, n being the statement's 1-based position in
   * the document's statement list (so a typo in another statement never shifts it).
   */
  id?: string | null;
  kind: StatementKind;
  speaker: string;
  /** DIRECT and PARTIAL: exactly `article.text.slice(start, end)`; INDIRECT: the paraphrase. */
  text: string;
  start: number;
  end: number;
  about?: string[];
  /** Where the statement stands on entities of `about`; a link without one is UNCLEAR. */
  stances?: AboutStance[];
  venue?: string | null;
  /** Outlets the article credits, nearest to the article first ("FT highlighted ... telling Fox"). */
  reportedBy?: string[];
  /** The id of the statement this one is quoted inside (Ratcliffe quoting Trump). */
  quotedIn?: string | null;
  date?: DateRef | null;
}

export interface AboutStance {
  about: string;
  stance: Stance;
  /** 0..1, for a stance the extractor proposed; absent for a person's judgement. */
  confidence?: number | null;
}

export interface ArticleInput {
  id?: string | null;
  title: string;
  text: string;
  publisher?: string | null;
  url?: string | null;
  /** ISO date or date-time. */
  publishedAt?: string | null;
}

export interface ArticleDocument {
  article: ArticleInput;
  entities: EntityInput[];
  /**
   * The entities the article mentions. Default: every entity the document defines or
   * references. An export sets it, because its documents also carry entities only to make
   * every reference resolvable.
   */
  mentions?: string[];
  sequences?: SequenceInput[];
  statements: StatementInput[];
}
