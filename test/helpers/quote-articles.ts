/**
 * Small articles of direct quotes about a test policy, for tests of dashboards and series:
 * each quote "“words,” Name said." with its exact span, by one of three test people.
 */
import type { ArticleDocument, AboutStance } from '../../src/ingest/document';

export const TARIFF = 'policy:test-tariff';
export const PEOPLE = ['ann', 'bo', 'cy'].map((name) => `person:${name}`);

export interface Quote {
  readonly speaker: string;
  readonly words: string;
  readonly date?: string;
  readonly stance?: AboutStance['stance'];
  /** What it is about: TARIFF unless given. */
  readonly about?: readonly string[];
}

/** An article of `quotes`, each about TARIFF; `publishedAt` null for an undated one. */
export function quoteArticle(slug: string, publishedAt: string | null, quotes: readonly Quote[]): ArticleDocument {
  let text = `Test article ${slug}\n`;
  const statements = quotes.map((q) => {
    text += '“';
    const start = text.length;
    text += q.words;
    const end = text.length;
    text += `,” ${q.speaker.slice('person:'.length)} said. `;
    return {
      kind: 'DIRECT' as const,
      speaker: q.speaker,
      text: q.words,
      start,
      end,
      about: [...(q.about ?? [TARIFF])],
      ...(q.stance ? { stances: [{ about: TARIFF, stance: q.stance }] } : {}),
      ...(q.date ? { date: { text: null, date: q.date, precision: 'DAY' as const } } : {}),
    };
  });
  return {
    article: { id: `article:${slug}`, title: `Test article ${slug}`, text, ...(publishedAt ? { publishedAt } : {}) },
    entities: [
      { id: TARIFF, type: 'Policy', name: 'Test tariff' },
      ...PEOPLE.map((id) => ({ id, type: 'Person' as const, name: id.slice('person:'.length).toUpperCase() })),
    ],
    statements,
  } as ArticleDocument;
}

/** The id ingest gives the `quote`th statement of `document`. */
export function quoteId(document: ArticleDocument, quote: number): string {
  const s = document.statements[quote] as { start: number; end: number };
  return `statement:${(document.article.id as string).slice('article:'.length)}:${s.start}-${s.end}`;
}
