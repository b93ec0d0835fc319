import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../connection';
import { Node } from '../entity/entity.type';

@ObjectType({ implements: Node, description: 'A news article: the source every statement points into.' })
export class Article extends Node {
  @Field()
  title!: string;

  @Field({ description: 'The full text; evidence offsets index into it.' })
  text!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date or date-time of publication.' })
  publishedAt!: string | null;
}

export interface ArticleRecord {
  readonly __typename: 'Article';
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly publisherId: string | null;
}

/** An article brought along without its text, which the client did not select (Article.text loads it). */
export type ArticleHeader = Omit<ArticleRecord, 'text'>;

@ObjectType()
export class ArticleConnection extends ConnectionType('Article', Article) {}
