/**
 * The editing mutations: each checks the caller's role (editor), then its arguments, then
 * hands over to the module that runs it in one write transaction and records its edit.
 */
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { actingAs } from '../../auth/guard';
import type { Context } from '../../context';
import type { ArticleRecord } from '../article/article.type';
import type { EntityRecord } from '../entity/entity.type';
import type { StatementRecord } from '../statement/statement.type';
import { correctStatement, requiredReason } from './correct';
import { ArticleEditResult, CorrectionResult, MergeResult, StatementChangesInput } from './editorial.type';
import { mergeEntities } from './merge';
import { restoreArticle, retractArticle } from './retract';

@Resolver()
export class EditorialResolver {
  @Mutation(() => CorrectionResult, { description: 'Sets a statement\'s speaker, kind, topics, venue, outlets or outer quote right; it keeps its id and the old values are in its history. Role editor.' })
  async correctStatement(
    @Arg('id', () => ID) id: string,
    @Arg('changes', () => StatementChangesInput) changes: StatementChangesInput,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CorrectionResult> {
    const who = actingAs(ctx, 'editor', 'correctStatement');
    const edit = await correctStatement(ctx.gateway, { id, changes: { ...changes }, reason: requiredReason(reason, 'correctStatement'), who }, ctx.trips, ctx.deadline);
    return { statement: (await ctx.loaders.statement.load(id)) as StatementRecord, edit };
  }

  @Mutation(() => ArticleEditResult, { description: 'Takes an article out of every list, search, count and series, with every statement it was the last evidence of; both stay readable by id, marked retracted. Role editor.' })
  async retractArticle(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<ArticleEditResult> {
    const who = actingAs(ctx, 'editor', 'retractArticle');
    const done = await retractArticle(ctx.gateway, { id, reason: requiredReason(reason, 'retractArticle'), who }, ctx.trips, ctx.deadline);
    return { article: (await ctx.loaders.article.load(id)) as ArticleRecord, statements: done.statements, edit: done.edit };
  }

  @Mutation(() => ArticleEditResult, { description: 'Undoes retractArticle. Role editor.' })
  async restoreArticle(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<ArticleEditResult> {
    const who = actingAs(ctx, 'editor', 'restoreArticle');
    const done = await restoreArticle(ctx.gateway, { id, reason: requiredReason(reason, 'restoreArticle'), who }, ctx.trips, ctx.deadline);
    return { article: (await ctx.loaders.article.load(id)) as ArticleRecord, statements: done.statements, edit: done.edit };
  }

  @Mutation(() => MergeResult, { description: 'Makes two entities of one type one: `from`\'s links move to `into`, its names become aliases, quotes that become the same collapse, and `from`\'s id resolves to `into`. Role editor.' })
  async mergeEntities(
    @Arg('from', () => ID) from: string,
    @Arg('into', () => ID) into: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<MergeResult> {
    const who = actingAs(ctx, 'editor', 'mergeEntities');
    const done = await mergeEntities(ctx.gateway, { from, into, reason: requiredReason(reason, 'mergeEntities'), who }, ctx.trips, ctx.deadline);
    return { entity: (await ctx.loaders.entity.load(into)) as EntityRecord, collapsed: done.collapsed, edit: done.edit };
  }
}
