import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { badInput } from '../errors';
import { EXTRACT_LIMITS, type ExtractionProposalRecord } from './extract.task';
import { readGazetteer } from './extract.repository';
import { ExtractionProposal } from './extract.type';

@Resolver()
export class ExtractResolver {
  @Query(() => ExtractionProposal, {
    description:
      'Proposes an article document from raw text: every quote with its span, kind, speaker (resolved against the graph) and outlets, each with a confidence. Reads the graph once; writes nothing. Review the document, then load it with ingestArticle.',
  })
  extractArticle(
    @Arg('text', () => String) text: string,
    @Ctx() ctx: Context,
    @Arg('title', () => String, { nullable: true, description: 'Defaults to the first line of the text.' }) title?: string | null,
  ): Promise<ExtractionProposalRecord> {
    if (text.trim() === '') throw badInput('text must be the article text; received an empty string', { argument: 'text' });
    if (text.length > EXTRACT_LIMITS.textLength) {
      throw badInput(`text must be at most ${EXTRACT_LIMITS.textLength} characters for the API (use npm run extract for longer texts); received ${text.length}`, { argument: 'text' });
    }
    if (title != null && title.length > 500) throw badInput(`title must be at most 500 characters; received ${title.length}`, { argument: 'title' });
    return ctx.extractor.propose({ text, title: title ?? null }, (keys) => readGazetteer(ctx.db, keys), ctx.deadline);
  }
}
