import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, decodeCursor, pageSize, type Connection } from '../connection';
import { Entity, Organization, type EntityRecord } from '../entity/entity.type';
import { parseId } from '../ids';
import { fieldOrWhole } from '../loader';
import { anchoredStatements } from '../statement/statement.fetch';
import { StatementConnection, type StatementHeader } from '../statement/statement.type';
import * as repo from './article.repository';
import { Article, ArticleConnection, ArticleRevision, type ArticleHeader, type ArticleRecord, type ArticleRevisionRecord } from './article.type';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'The article with this id; null when there is none.' })
  article(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ArticleRecord | null> {
    parseId(id, ['Article']);
    return ctx.loaders.article.load(id);
  }

  @Query(() => ArticleConnection, { description: 'Articles, newest first.' })
  articles(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
  ): Promise<Connection<ArticleRecord>> {
    return repo.articlePage(ctx.db, pageSize(first), decodeCursor('Article', after));
  }

  @FieldResolver(() => String)
  text(@Root() article: ArticleRecord | ArticleHeader, @Ctx() ctx: Context): string | Promise<string> {
    return fieldOrWhole(article, 'text', ctx.loaders.article, 'article');
  }

  @FieldResolver(() => String, { nullable: true })
  url(@Root() article: ArticleRecord | ArticleHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(article, 'url', ctx.loaders.article, 'article');
  }

  @FieldResolver(() => String, { nullable: true, description: 'ISO date or date-time of publication.' })
  publishedAt(@Root() article: ArticleRecord | ArticleHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(article, 'publishedAt', ctx.loaders.article, 'article');
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The outlet that published it, where known.' })
  publisher(@Root() article: ArticleRecord | ArticleHeader, @Ctx() ctx: Context): Promise<EntityRecord | null> | null {
    // An article another query brought along (ArticleHeader) came without its publisher's id.
    if (!('publisherId' in article)) return ctx.loaders.publisher.load(article.id);
    return article.publisherId === null ? null : ctx.loaders.entity.load(article.publisherId);
  }

  @FieldResolver(() => StatementConnection, { description: 'Its statements, in the order they appear.' })
  statements(
    @Root() article: ArticleRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
  ): Promise<Connection<StatementHeader>> {
    return anchoredStatements(ctx, info, 'article', article.id, first, after);
  }

  @FieldResolver(() => [ArticleRevision], { description: 'The texts it had before documents replaced them, oldest first; [] for an article never replaced.' })
  revisions(@Root() article: ArticleRecord, @Ctx() ctx: Context): Promise<ArticleRevisionRecord[]> {
    return ctx.loaders.revisions.load(article.id);
  }

  @FieldResolver(() => [Entity], { description: 'Every entity the article mentions, by name.' })
  async mentions(@Root() article: ArticleRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    const ids = await ctx.loaders.mentions.load(article.id);
    const entities = await ctx.loaders.entity.loadMany(ids);
    return entities.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
  }
}
