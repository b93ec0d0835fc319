import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import type { ArticleRecord } from './article/article.type';
import { Node, type EntityRecord } from './entity/entity.type';
import { parseId } from './ids';
import { NODE_TYPES } from '../vocabulary';
import type { StatementRecord } from './statement/statement.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id (person:…, org:…, statement:…, article:…); null when none has it.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<EntityRecord | ArticleRecord | StatementRecord | null> {
    const type = parseId(id, NODE_TYPES);
    if (type === 'Article') return ctx.loaders.article.load(id);
    if (type === 'Statement') return ctx.loaders.statement.load(id);
    return ctx.loaders.entity.load(id).then((e) => (e !== null && e.__typename === type ? e : null));
  }
}
