/**
 * The exploration and dashboard answers: search hits, paths between entities, timeline
 * items and attribution buckets. They are read-only views computed in one Cypher query
 * each, so they are plain records with no field resolvers of their own; the nodes they
 * carry are the usual records, resolved through the Node interface by `__typename`.
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ArticleRecord } from '../article/article.type';
import { Node, type EntityRecord } from '../entity/entity.type';
import type { StatementRecord } from '../statement/statement.type';

/** Any node an exploration answer can hold. */
export type NodeRecord = EntityRecord | StatementRecord | ArticleRecord;

@ObjectType({ description: 'A node that matched a full-text search.' })
export class SearchHit {
  @Field(() => Node)
  node!: NodeRecord;

  @Field(() => Float, { description: 'Lucene relevance; higher is better. Only comparable within one search.' })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description: 'What matched: the words around the match in a statement or article, the name or alias of an entity.',
  })
  snippet!: string | null;
}

@ObjectType({ description: 'One relationship of a path, in path order.' })
export class PathStep {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field({ description: 'The relationship type: SAID, ABOUT, REPORTED_BY, QUOTED_IN, HOLDS_ROLE, BASED_IN, PART_OF, IMPOSED_BY, TARGETS, PARTICIPATED_IN, TOOK_PLACE_IN, PRECEDED or LED_TO.' })
  relation!: string;

  @Field({
    description:
      'True when the relationship points from `from` to `to` (Macron SAID the statement); false when the path walks it backwards (from the United States to the CIA, which is BASED_IN it).',
  })
  forward!: boolean;
}

@ObjectType({ description: 'A connection between two entities through statements, roles, places, policies and events.' })
export class Path {
  @Field(() => Int, { description: 'How many relationships the path has.' })
  length!: number;

  @Field(() => [Node], { description: 'Every node on the path, from `from` to `to`.' })
  nodes!: NodeRecord[];

  @Field(() => [PathStep])
  steps!: PathStep[];
}

@ObjectType({ description: 'An event, policy or statement placed in time.' })
export class TimelineItem {
  @Field(() => String, { nullable: true, description: 'ISO date; null when the article gives none (such items come last).' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'The words of the text ("Monday", "next week"); null when dated by publication.' })
  dateText!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'DAY, WEEK, MONTH or YEAR; PUBLISHED when a statement carries no date of its own and is dated by the article that reports it.',
  })
  precision!: string | null;

  @Field(() => Node)
  node!: NodeRecord;
}

export enum AttributionDimension {
  SPEAKER = 'SPEAKER',
  ABOUT = 'ABOUT',
  REPORTED_BY = 'REPORTED_BY',
  KIND = 'KIND',
  ARTICLE = 'ARTICLE',
  STANCE = 'STANCE',
}
registerEnumType(AttributionDimension, {
  name: 'AttributionDimension',
  description: 'What to count statements by: who said them, what they are about, which outlet reported them, their kind, the article they appear in, or the stance they take on what they are about (on the filter\'s `about` or `aboutAny` when given; a statement with two stances counts for each).',
});

@ObjectType({ description: 'How many statements fall in one group.' })
export class AttributionBucket {
  @Field(() => ID, { nullable: true, description: 'The entity id (the article id for ARTICLE); null for KIND and STANCE.' })
  id!: string | null;

  @Field({ description: 'The entity name, the article title, the kind or the stance.' })
  label!: string;

  @Field(() => Int)
  count!: number;
}

export enum Interval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(Interval, {
  name: 'Interval',
  description: 'A span of a series, in UTC days: DAY; WEEK, an ISO week (Monday to Sunday); MONTH, a calendar month.',
});

@ObjectType({ description: 'One interval of a series.' })
export class SeriesPoint {
  @Field({ description: 'The first day of the interval, YYYY-MM-DD (a Monday for WEEK, the 1st for MONTH).' })
  start!: string;

  @Field(() => Int, { description: "The group's statements in the interval." })
  count!: number;

  @Field(() => Float, {
    description: 'count divided by all statements the filter selects in the interval (0 when there are none): the ratio to all coverage.',
  })
  share!: number;
}

@ObjectType({ description: 'How many statements of one group fall in each interval, every interval of the window present.' })
export class AttributionSeries {
  @Field(() => ID, { nullable: true, description: 'The entity or article id; null for KIND, STANCE and for "other".' })
  id!: string | null;

  @Field({ description: 'The entity name, article title, kind or stance; "other" for the groups beyond `top`, together.' })
  label!: string;

  @Field(() => Int, {
    description: 'The statements of the group across the window; for "other", the sum of the folded groups\' (a statement in two of them counts twice, as in attribution).',
  })
  total!: number;

  @Field(() => [SeriesPoint], { description: 'One point per interval, oldest first, 0 where the group has none.' })
  points!: SeriesPoint[];
}
