/**
 * Small article documents for tests of identity and concurrency: a text, and quotes found in
 * it by their words, so every span is exact whatever the text around them.
 */
import type { ArticleDocument, ArticleInput, EntityInput } from '../../src/ingest/document';

export interface Quoted {
  readonly speaker: string;
  readonly words: string;
}

/** A speaker who is in no story: fault tests start from an empty graph. */
export const QUILL: EntityInput = { id: 'person:ada-quill', type: 'Person', name: 'Ada Quill', aliases: [] };

/** The document of `article` whose text is `text`, quoting each of `quotes` (PARTIAL) where its words first appear. */
export function quotedArticle(article: Omit<ArticleInput, 'text'>, text: string, quotes: readonly Quoted[], entities: EntityInput[] = []): ArticleDocument {
  return {
    article: { ...article, text },
    entities,
    statements: quotes.map(({ speaker, words }) => {
      const start = text.indexOf(words);
      if (start < 0) throw new Error(`"${words}" is not in the text of ${article.title}`);
      return { kind: 'PARTIAL', speaker, text: words, start, end: start + words.length };
    }),
  };
}
