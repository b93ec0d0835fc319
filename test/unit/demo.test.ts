/**
 * The synthetic month of `npm run seed -- --demo` (src/corpus/demo.ts): every article in the
 * four weeks before the story on its own weekday, every outlet labelled synthetic, a stance
 * on policy links only, and every document valid.
 */
import { demoDocuments, DEMO } from '../../src/corpus/demo';
import { validateDocument } from '../../src/ingest/validate';

const STORY_IDS = new Set(['place:ukraine', 'person:mike-waltz']);
const documents = demoDocuments(STORY_IDS);
const articles = documents.filter((d) => d.statements.length > 0);

describe('the demo month', () => {
  it('dates every article in the four weeks before the story, statements with their articles', () => {
    const days = articles.map((d) => (d.article.publishedAt as string).slice(0, 10)).sort();
    expect(days[0]).toBe('2025-02-03');
    expect(days[days.length - 1]).toBe('2025-03-02');
    const statementDays = articles.flatMap((d) => d.statements.flatMap((s) => (s.date?.date ? [s.date.date] : [])));
    expect(statementDays.length).toBeGreaterThan(0);
    expect(statementDays.every((day) => day >= '2025-01-27' && day <= '2025-03-02')).toBe(true);
  });

  it('keeps the weekday the text names', () => {
    const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    for (const d of articles) {
      const weekday = WEEKDAYS[new Date(d.article.publishedAt as string).getUTCDay()] as string;
      expect(d.article.text).toContain(`on ${weekday},`);
    }
  });

  it('names every outlet "(synthetic)" and leaves the story\'s entities to the story', () => {
    const entities = documents.flatMap((d) => d.entities);
    const outlets = entities.filter((e) => e.type === 'Organization' && e.kind === 'NEWS_OUTLET');
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets.every((o) => o.name.endsWith(DEMO.label))).toBe(true);
    expect(entities.filter((e) => STORY_IDS.has(e.id))).toEqual([]);
  });

  it('gives stances on policies only, and every document validates', () => {
    const stances = articles.flatMap((d) => d.statements.flatMap((s) => s.stances ?? []));
    expect(stances.length).toBeGreaterThan(0);
    expect(stances.every((s) => s.about.startsWith('policy:'))).toBe(true);
    expect(new Set(stances.map((s) => s.stance))).toEqual(new Set(['SUPPORTS', 'OPPOSES', 'NEUTRAL', 'UNCLEAR']));
    const invalid = documents.map((d) => validateDocument(d)).filter((r) => !r.ok);
    expect(invalid).toEqual([]);
  });
});
