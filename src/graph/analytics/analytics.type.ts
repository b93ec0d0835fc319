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
}
registerEnumType(AttributionDimension, {
  name: 'AttributionDimension',
  description: 'What to count statements by: who said them, what they are about, which outlet reported them, their kind, or the article they appear in.',
});

@ObjectType({ description: 'How many statements fall in one group.' })
export class AttributionBucket {
  @Field(() => ID, { nullable: true, description: 'The entity id (the article id for ARTICLE); null for KIND.' })
  id!: string | null;

  @Field({ description: 'The entity name, the article title, or the kind.' })
  label!: string;

  @Field(() => Int)
  count!: number;
}
