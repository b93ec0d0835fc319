/**
 * The ingest document as GraphQL input types. They mirror src/ingest/document.ts field
 * for field (enum values included), so the JSON of seed/story.json can be sent as the
 * `document` variable unchanged. Validation is not done here: every document goes through
 * the one validator, whichever door it came in by.
 */
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DATE_PRECISIONS, inWords, ORGANIZATION_KINDS, PLACE_KINDS, POLICY_STATUSES, type EntityType } from '../../vocabulary';
import { EntityTypeName } from '../enum';
import { Stance, StatementKind } from '../statement/statement.type';

@InputType({ description: 'A date as the text gives it: its words, and the calendar date where certain.' })
export class DateInput {
  @Field(() => String, { nullable: true, description: 'The words of the text: "Monday", "next week".' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; the first day of the period for WEEK, MONTH, YEAR.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: `${inWords(DATE_PRECISIONS)}.` })
  precision?: string | null;
}

@InputType({ description: 'Where a statement stands on one entity it is about.' })
export class AboutStanceInput {
  @Field(() => ID)
  about!: string;

  @Field(() => Stance)
  stance!: Stance;

  @Field(() => Float, { nullable: true, description: 'For a stance the extractor proposed: how sure it was (0..1).' })
  confidence?: number | null;
}

@InputType()
export class RoleInput {
  @Field()
  title!: string;

  @Field(() => ID, { nullable: true })
  organization?: string | null;

  @Field(() => ID, { nullable: true })
  place?: string | null;

  @Field(() => Boolean, { nullable: true })
  former?: boolean | null;
}

@InputType({ description: 'One entity; the fields that apply depend on its type.' })
export class EntityInput {
  @Field(() => ID, { description: 'person:…, org:…, place:…, policy:… or event:…' })
  id!: string;

  @Field(() => EntityTypeName)
  type!: EntityType;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [RoleInput], { nullable: true, description: 'Person only.' })
  roles?: RoleInput[] | null;

  @Field(() => String, { nullable: true, description: `Organization: ${ORGANIZATION_KINDS.join(', ')}. Place: ${PLACE_KINDS.join(', ')}.` })
  kind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization and Event: the place it belongs to or took place in.' })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'Place only: the larger place it lies in.' })
  partOf?: string | null;

  @Field(() => String, { nullable: true, description: `Policy only: ${inWords(POLICY_STATUSES)}.` })
  status?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Policy only: who imposed or proposes it.' })
  actors?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Policy only: whom it applies to.' })
  targets?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Event only.' })
  participants?: string[] | null;

  @Field(() => DateInput, { nullable: true, description: 'Policy and Event.' })
  date?: DateInput | null;
}

@InputType()
export class SequenceInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => String, { description: 'PRECEDED or LED_TO.' })
  relation!: string;
}

@InputType()
export class StatementInput {
  @Field(() => ID, { nullable: true, description: 'Optional; derived from the span (quotes) or position (paraphrases).' })
  id?: string | null;

  @Field(() => StatementKind)
  kind!: StatementKind;

  @Field(() => ID)
  speaker!: string;

  @Field({ description: 'DIRECT and PARTIAL: exactly article.text.slice(start, end).' })
  text!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => [ID], { nullable: true })
  about?: string[] | null;

  @Field(() => [AboutStanceInput], { nullable: true, description: 'Where the statement stands on entities of `about`; UNCLEAR where not given.' })
  stances?: AboutStanceInput[] | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Outlets the article credits, nearest to the article first.' })
  reportedBy?: string[] | null;

  @Field(() => ID, { nullable: true })
  quotedIn?: string | null;

  @Field(() => DateInput, { nullable: true })
  date?: DateInput | null;
}

@InputType()
export class ArticleInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Optional; else derived from the url (host and path), or without one from publisher, date and title: article:<slug>.',
  })
  id?: string | null;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => ID, { nullable: true, description: 'The publishing outlet, an Organization id.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date or date-time.' })
  publishedAt?: string | null;
}

@InputType({ description: 'An article, the entities it mentions and its statements with spans: the shape of seed/story.json.' })
export class ArticleDocumentInput {
  @Field(() => ArticleInput)
  article!: ArticleInput;

  @Field(() => [EntityInput])
  entities!: EntityInput[];

  @Field(() => [ID], { nullable: true, description: 'The entities the article mentions; default: every entity the document defines or references.' })
  mentions?: string[] | null;

  @Field(() => [SequenceInput], { nullable: true })
  sequences?: SequenceInput[] | null;

  @Field(() => [StatementInput])
  statements!: StatementInput[];

  @Field(() => [GraphQLJSON], { nullable: true, description: "The extractor's review notes (npm run extract); accepted so its output can be sent unchanged, and ignored." })
  review?: unknown[] | null;
}

@ObjectType({ description: 'An entity of the document that was linked to one already in the graph.' })
export class MergedEntity {
  @Field(() => ID, { description: 'The id the document used.' })
  from!: string;

  @Field(() => ID, { description: 'The id it was merged into.' })
  into!: string;
}

@ObjectType({ description: 'What an ingest did. Ids are of articles, entities and statements.' })
export class IngestResult {
  @Field(() => ID)
  article!: string;

  @Field(() => [ID], { description: 'Nodes that did not exist before.' })
  created!: string[];

  @Field(() => [ID], { description: 'Nodes whose content changed.' })
  updated!: string[];

  @Field(() => [ID], { description: 'Nodes already there exactly as the document has them.' })
  unchanged!: string[];

  @Field(() => [MergedEntity], { description: 'Entities linked to an existing entity by name or alias instead of created.' })
  merged!: MergedEntity[];

  @Field(() => [ID], { description: 'Statements already in the graph from another article that gained this article as evidence.' })
  evidenceAdded!: string[];

  @Field(() => [ID], { description: 'Statements this article no longer has (its document dropped them).' })
  removed!: string[];

  @Field(() => Int)
  statements!: number;

  @Field(() => Int)
  entities!: number;

  @Field(() => Int, { nullable: true, description: "When the document replaced the article's stored text: the number of the revision that text was kept as." })
  revision?: number;
}
