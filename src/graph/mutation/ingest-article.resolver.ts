import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { actingAs } from '../../auth/guard';
import { ingestDocument } from '../../ingest/ingest';
import { ArticleDocumentInput, IngestResult } from './ingest-article.type';

@Resolver()
export class IngestArticleResolver {
  @Mutation(() => IngestResult, {
    description: 'Validates a whole document and writes it in one transaction (all or nothing, idempotent). Needs `Authorization: Bearer <API key>` (role ingest or editor).',
  })
  ingestArticle(
    @Arg('document', () => ArticleDocumentInput) document: ArticleDocumentInput,
    @Ctx() ctx: Context,
    @Arg('replace', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        'When the graph holds the article id with another text: true replaces it (the stored text is kept in `Article.revisions`); false refuses the document with CONFLICT.',
    })
    replace: boolean | null,
  ): Promise<IngestResult> {
    const author = actingAs(ctx, 'ingest', 'ingestArticle');
    // A plain JSON copy: the validator sees exactly what a JSON file would give it.
    return ingestDocument(ctx.gateway, JSON.parse(JSON.stringify(document)) as unknown, ctx.trips, ctx.deadline, { replace: replace === true, author });
  }
}
