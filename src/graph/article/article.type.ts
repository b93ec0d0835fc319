import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../connection';
import { Node } from '../entity/entity.type';

@ObjectType({ implements: Node, description: 'A news article: the source every statement points into.' })
export class Article extends Node {
  @Field()
  title!: string;

  @Field({ description: 'The full text; evidence offsets index into it.' })
  text!: string;

  // url and publishedAt are the resolver's (article.resolver.ts): an article brought along may come without them.
}

@ObjectType({ description: "A text an article had before a document replaced it (ingestArticle with replace). Evidence points only into the article's current text." })
export class ArticleRevision {
  @Field(() => Int, { description: '1 for the first text replaced, then 2, ...' })
  number!: number;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The id of the Organization that published this text, where known.' })
  publisher!: string | null;

  @Field({ description: 'When it was replaced (ISO date-time, UTC).' })
  replacedAt!: string;
}

export type ArticleRevisionRecord = ArticleRevision;

export interface ArticleRecord {
  readonly __typename: 'Article';
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly publisherId: string | null;
}

/** The fields an article brought along by another query may come without (article.cypher.ts ARTICLE_TITLE_PROJECTION). */
export const ARTICLE_HEADER_FIELDS = ['url', 'publishedAt', 'retracted'] as const;

/**
 * An article brought along by another query, without its text, which the client did not
 * select (Article.text loads it), without its publisher (Article.publisher loads it), and
 * with or without ARTICLE_HEADER_FIELDS (each loads the article when absent).
 */
export type ArticleHeader = Omit<ArticleRecord, 'text' | 'publisherId' | 'url' | 'publishedAt'> & Partial<Pick<ArticleRecord, 'url' | 'publishedAt'>>;

@ObjectType()
export class ArticleConnection extends ConnectionType('Article', Article) {}
