/** `history` and `retracted` on statements, articles and entities. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Article, type ArticleHeader } from '../article/article.type';
import { ConnectionArgs, decodeCursor, pageSize, toConnection, type Connection } from '../connection';
import { Entity, type EntityHeader } from '../entity/entity.type';
import { linked } from '../loader';
import { Statement, type StatementHeader } from '../statement/statement.type';
import type { TargetKind } from './edit.cypher';
import { EditConnection, Retraction, type Edit } from './edit.type';

const HISTORY = { description: 'Every recorded write that changed it, newest first.' } as const;
const RETRACTED = { nullable: true, description: 'Why and when it was retracted; null while it is live.' } as const;

/** A page of one node's history, batched with every other page of its kind the request asks for. */
async function history(ctx: Context, kind: TargetKind, id: string, { first, after }: ConnectionArgs): Promise<Connection<Edit>> {
  const size = pageSize(first);
  const edits = await ctx.loaders.historyPages[kind].load({ id, limit: size + 1, after: decodeCursor('Edit', after) });
  return toConnection('Edit', edits, size, (e) => [e.at, e.id], () => ctx.loaders.historyCounts[kind].load(id));
}

/** Records found by a query bring `retracted` along; list headers are of live nodes only. */
const retractionOf = (record: object): Retraction | null => (record as { retracted?: Retraction | null }).retracted ?? null;

@Resolver(() => Statement)
export class StatementHistoryResolver {
  @FieldResolver(() => EditConnection, HISTORY)
  history(@Root() statement: StatementHeader, @Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Edit>> {
    return history(ctx, 'statements', statement.id, args);
  }

  @FieldResolver(() => Retraction, RETRACTED)
  retracted(@Root() statement: StatementHeader): Retraction | null {
    return retractionOf(statement);
  }
}

@Resolver(() => Article)
export class ArticleHistoryResolver {
  @FieldResolver(() => EditConnection, HISTORY)
  history(@Root() article: ArticleHeader, @Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Edit>> {
    return history(ctx, 'articles', article.id, args);
  }

  @FieldResolver(() => Retraction, RETRACTED)
  retracted(@Root() article: ArticleHeader, @Ctx() ctx: Context): Retraction | null | Promise<Retraction | null> {
    // An evidence's article may come with its id and title only (statement.cypher.ts): the whole record says.
    if (!('retracted' in article)) return linked(ctx.loaders.article, 'article', article.id).then(retractionOf);
    return retractionOf(article);
  }
}

@Resolver(() => Entity)
export class EntityHistoryResolver {
  @FieldResolver(() => EditConnection, { description: 'Every recorded write that changed it (merges into it included), newest first.' })
  history(@Root() entity: EntityHeader, @Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Edit>> {
    return history(ctx, 'entities', entity.id, args);
  }
}
