import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { unauthenticated } from '../../errors';
import { ingestDocument } from '../../ingest/ingest';
import { ArticleDocumentInput, IngestResult } from './ingest-article.type';

@Resolver()
export class IngestArticleResolver {
  @Mutation(() => IngestResult, {
    description: 'Validates a whole document and writes it in one transaction (all or nothing, idempotent). Needs `Authorization: Bearer <API key>`.',
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
    if (!ctx.authorized) {
      throw unauthenticated('ingestArticle needs an API key: send the header `Authorization: Bearer <key>` with a key from the server\'s API_KEYS.');
    }
    // A plain JSON copy: the validator sees exactly what a JSON file would give it.
    return ingestDocument(ctx.gateway, JSON.parse(JSON.stringify(document)) as unknown, ctx.trips, ctx.deadline, { replace: replace === true });
  }
}
