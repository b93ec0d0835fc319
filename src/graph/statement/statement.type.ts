import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { STANCES, STATEMENT_KINDS, type Stance as StanceName, type StatementKind as Kind } from '../../vocabulary';
import { ConnectionType } from '../connection';
import type { ArticleHeader, ArticleRecord } from '../article/article.type';
import { DateInfo, Entity, Node, type EntityHeader, type RoleRow } from '../entity/entity.type';
import { graphqlEnum } from '../enum';

export const StatementKind = graphqlEnum(STATEMENT_KINDS, 'StatementKind', 'DIRECT: a whole quoted sentence; PARTIAL: a quoted fragment; INDIRECT: a paraphrase.');
export type StatementKind = Kind;

export const Stance = graphqlEnum(
  STANCES,
  'Stance',
  'Where a statement stands on something it is about. UNCLEAR: the words do not say, or nobody has judged (every link without a stance).',
);
export type Stance = StanceName;

export interface AboutLinkRecord {
  readonly entity: EntityHeader;
  readonly stance: Stance;
  readonly confidence: number | null;
}

@ObjectType({ description: 'A link from a statement to something it is about, with where the statement stands on it.' })
export class AboutLink {
  @Field(() => Entity)
  entity!: EntityHeader;

  @Field(() => Stance)
  stance!: Stance;

  @Field(() => Float, { nullable: true, description: "How sure the extractor was of a stance it proposed (0..1); null for a person's judgement." })
  confidence!: number | null;
}

@ObjectType({ implements: Node, description: 'Something an entity said, with the exact words it came from.' })
export class Statement extends Node {
  @Field({ description: 'The verbatim quoted words (DIRECT, PARTIAL) or the paraphrase (INDIRECT).' })
  text!: string;

  @Field(() => StatementKind)
  kind!: StatementKind;

  @Field(() => String, { nullable: true, description: 'How it was said: "told reporters", "told Fox Business".' })
  venue!: string | null;

  @Field(() => DateInfo, { nullable: true, description: 'When it was said, where the article says so.' })
  date!: DateInfo | null;
}

export interface StatementRecord {
  readonly __typename: 'Statement';
  readonly id: string;
  readonly text: string;
  readonly kind: StatementKind;
  readonly venue: string | null;
  readonly date: DateInfo | null;
  /**
   * The keys pages are ordered by, each present where the query's order needs it for its
   * cursors (statement.cypher.ts statementProjection): absent from a lookup by id.
   */
  readonly sortKey?: string;
  /** The statement's day and sortKey (statement.cypher.ts UNDATED_DAY); null on a graph not yet backfilled. */
  readonly dayKey?: string | null;
  readonly quotedInId: string | null;
  /**
   * What the query that found the statement brought along (statement.cypher.ts
   * `StatementIncludes`), in the order resolvers answer with: they answer from here at
   * once, and the loaders are primed with it for anything that reaches the same statement
   * another way.
   */
  readonly details?: Partial<StatementDetails>;
}

/** The fields beyond id, text and kind. */
export type StatementExtraField = 'venue' | 'date' | 'quotedInId';

/**
 * A statement as a page or lookup returns it when the selection asks for none of its
 * extra fields (statement.cypher.ts `StatementIncludes`); reaching one loads the whole
 * statement (statement.resolver.ts).
 */
export type StatementHeader = Omit<StatementRecord, StatementExtraField> & Partial<Pick<StatementRecord, StatementExtraField>>;

/**
 * Who said a statement, what it is about, who reported it and where it appears. The
 * entities are headers unless the selection asked for more than their id and name.
 */
export interface StatementDetails {
  /** With `roles` when they were brought along. */
  readonly speaker: EntityHeader | null;
  readonly about: EntityHeader[];
  readonly reportedBy: EntityHeader[];
  /** Oldest article first: `evidence[0]` is where the statement first appeared. */
  readonly evidence: Evidence[];
  /** `evidence[0]` alone, when only that was selected: never taken for the whole list. */
  readonly firstEvidence?: Evidence[];
}

type Ordered = { readonly ordinal: number | null; readonly entity: EntityHeader };

/** A statement's details as the query returns them, lists unsorted; each only when asked for. */
export interface DetailsRow {
  /** Without its type when it came as a header (statement.cypher.ts SPEAKER_HEADER_PROJECTION). */
  readonly speaker?: EntityHeader | Omit<EntityHeader, '__typename'> | null;
  /** The speaker's roles: null for a speaker who is not a person. */
  readonly speakerRoles?: readonly RoleRow[] | null;
  readonly about?: readonly Ordered[];
  readonly reportedBy?: readonly Ordered[];
  readonly evidence?: readonly EvidenceRow[];
  readonly firstEvidence?: readonly EvidenceRow[];
}

type EvidenceRow = Evidence & { readonly publishedAt: string | null; readonly article?: ArticleRecord | ArticleHeader };

@ObjectType({ description: 'Where a statement appears: a span of an article.' })
export class Evidence {
  @Field(() => Int, { description: 'Offset into article.text in UTF-16 code units (JavaScript string indices).' })
  start!: number;

  @Field(() => Int, { description: 'End offset, exclusive: article.text.slice(start, end) is the quote for DIRECT and PARTIAL.' })
  end!: number;

  /** Absent when the query that brought the evidence was not asked for it (StatementIncludes.sentences): its resolver loads it. */
  @Field(() => String, { description: 'The sentence of the article that holds the span.' })
  sentence?: string;

  @Field(() => Int, { description: 'Offset of the sentence in article.text, to place the span inside it.' })
  sentenceStart?: number;

  articleId!: string;

  /** The statement it is evidence of, where that is not the root it was reached from: set by the repository when the sentence did not come along. */
  statementId?: string;

  /** The article itself, when the query brought it along (with its text, when that was selected). */
  article?: ArticleRecord | ArticleHeader;
}

@InputType({ description: 'Every field narrows the result; all given fields must hold.' })
export class StatementFilter {
  @Field(() => ID, { nullable: true, description: 'Only statements made by this entity.' })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only statements about this entity.' })
  about?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only statements reported by this outlet.' })
  reportedBy?: string | null;

  @Field(() => StatementKind, { nullable: true })
  kind?: StatementKind | null;

  @Field(() => ID, { nullable: true, description: 'Only statements that appear in this article.' })
  article?: string | null;

  // Lists: a single-valued attribute takes the plural (one of these speakers, kinds), a link a
  // statement may have several of takes \`Any\` (about any of these). Each holds 1 to 50.

  @Field(() => [ID], { nullable: true, description: 'Only statements made by one of these entities.' })
  speakers?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only statements about at least one of these entities.' })
  aboutAny?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only statements reported by at least one of these outlets.' })
  reportedByAny?: string[] | null;

  @Field(() => [StatementKind], { nullable: true, description: 'Only statements of one of these kinds.' })
  kinds?: StatementKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: "YYYY-MM-DD, inclusive: only statements dated on or after it (the statement's own date, else its article's publication date).",
  })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive: only statements dated on or before it (dated as for `since`).' })
  until?: string | null;

  @Field(() => Stance, {
    nullable: true,
    description: 'Only statements that take this stance on something they are about: on `about` or one of `aboutAny` when given.',
  })
  stance?: Stance | null;
}

export const StatementOrder = graphqlEnum(
  ['ARTICLE_ORDER', 'NEWEST_FIRST', 'OLDEST_FIRST'] as const,
  'StatementOrder',
  "ARTICLE_ORDER: oldest article first, then position in the article. NEWEST_FIRST and OLDEST_FIRST: by the statement's date (its own, else its article's publication date), ties in article order (reversed for NEWEST_FIRST); undated statements count as the oldest.",
);
export type StatementOrder = keyof typeof StatementOrder;

@ObjectType()
export class StatementConnection extends ConnectionType('Statement', () => Statement) {}
