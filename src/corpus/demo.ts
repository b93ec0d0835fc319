/**
 * Something to look at for `npm run seed -- --demo`: the benchmark corpus's generator, its
 * articles moved into the four weeks before the story (each keeping its weekday, so the
 * words "Monday" still fit), a stance on every link to a policy, and every outlet named
 * "(synthetic)" wherever it shows. A dashboard over the story alone shows a single day;
 * with these it shows a month. `npm start` never loads them.
 */
import type { ArticleDocument, StatementInput } from '../ingest/document';
import type { Stance } from '../vocabulary';
import { Corpus } from './corpus';
import { DAY_MS } from './reference';

export const DEMO = {
  statements: 1_500,
  seed: 22,
  /** The Monday of the first of the four weeks; the story is dated 2025-03-05. */
  firstMonday: Date.UTC(2025, 1, 3),
  weeks: 4,
  label: ' (synthetic)',
} as const;

/** The directory, then the articles, oldest first; entities the story defines are left to it. */
export function demoDocuments(storyIds: ReadonlySet<string>): ArticleDocument[] {
  const corpus = new Corpus({ statements: DEMO.statements, seed: DEMO.seed });
  const directory = corpus.directory().map((document) => ({
    ...document,
    entities: document.entities
      .filter((e) => !storyIds.has(e.id))
      .map((e) => (e.type === 'Organization' && e.kind === 'NEWS_OUTLET' ? { ...e, name: `${e.name}${DEMO.label}` } : e)),
  }));
  return [...directory, ...[...corpus.articles()].map((document, n) => inTheMonth(document, n))];
}

/** Article `n` moved into week `n mod 4` on its own weekday, its statements' dates moved with it. */
function inTheMonth(document: ArticleDocument, n: number): ArticleDocument {
  const published = new Date(document.article.publishedAt as string);
  const weekday = (published.getUTCDay() + 6) % 7;
  const day = DEMO.firstMonday + ((n % DEMO.weeks) * 7 + weekday) * DAY_MS;
  const moved = new Date(day + (published.getTime() % DAY_MS));
  const shift = Math.round((moved.getTime() - published.getTime()) / DAY_MS) * DAY_MS;
  const shifted = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + shift).toISOString().slice(0, 10);
  return {
    ...document,
    article: { ...document.article, publishedAt: moved.toISOString().replace('.000', '') },
    statements: document.statements.map((s) => withStances(s.date?.date ? { ...s, date: { ...s.date, date: shifted(s.date.date) } } : s)),
  };
}

const STANCE_MIX: readonly Stance[] = ['SUPPORTS', 'SUPPORTS', 'SUPPORTS', 'SUPPORTS', 'OPPOSES', 'OPPOSES', 'OPPOSES', 'NEUTRAL', 'NEUTRAL', 'UNCLEAR'];

/** A stance on each policy the statement is about, drawn from its words (the same words, the same stance). */
function withStances(statement: StatementInput): StatementInput {
  const policies = (statement.about ?? []).filter((id) => id.startsWith('policy:'));
  if (policies.length === 0) return statement;
  let h = 0;
  for (const c of statement.text) h = (h * 31 + (c.codePointAt(0) ?? 0)) % 1_000_003;
  return { ...statement, stances: policies.map((about, i) => ({ about, stance: STANCE_MIX[(h + i) % STANCE_MIX.length] as Stance })) };
}
