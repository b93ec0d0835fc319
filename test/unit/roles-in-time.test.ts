/**
 * Roles in time without a database: which days a role's dates cover at each precision, when
 * a role is former, and the validator's check of a role's dates.
 */
import type { ArticleDocument, PersonInput } from '../../src/ingest/document';
import { readStory } from '../../src/ingest/seed';
import { validateDocument } from '../../src/ingest/validate';
import { heldOn, isFormer, lastDay } from '../../src/graph/entity/role-time';

const at = (date: string, precision: string) => ({ date, text: null, precision });

describe('lastDay', () => {
  it('is the last day a date of each precision may mean', () => {
    expect([
      lastDay(at('2025-05-01', 'DAY')),
      lastDay(at('2025-03-03', 'WEEK')),
      lastDay(at('2024-02-01', 'MONTH')),
      lastDay(at('2025-12-01', 'MONTH')),
      lastDay(at('2025-01-01', 'YEAR')),
      lastDay({ date: null, text: 'last spring', precision: null }),
      lastDay(null),
    ]).toEqual(['2025-05-01', '2025-03-09', '2024-02-29', '2025-12-31', '2025-12-31', null, null]);
  });
});

describe('heldOn', () => {
  const adviser = { start: at('2025-01-20', 'DAY'), end: at('2025-05-01', 'DAY') };

  it('holds from the start through the last day, both included', () => {
    expect(['2025-01-19', '2025-01-20', '2025-03-05', '2025-05-01', '2025-05-02'].map((d) => heldOn(adviser, d))).toEqual([false, true, true, true, false]);
  });

  it('takes an unknown start or end as open, and a coarse end as its whole period', () => {
    expect(heldOn({ start: null, end: null }, '1990-01-01')).toBe(true);
    expect(heldOn({ start: null, end: at('2019-12-01', 'MONTH') }, '2019-12-31')).toBe(true);
    expect(heldOn({ start: at('2025-01-01', 'MONTH'), end: null }, '2024-12-31')).toBe(false);
  });
});

describe('isFormer', () => {
  it('follows the end date when there is one, the article otherwise', () => {
    const ended = { end: at('2025-05-01', 'DAY'), calledFormer: false };
    expect([isFormer(ended, '2025-05-01'), isFormer(ended, '2025-05-02')]).toEqual([false, true]);
    expect(isFormer({ end: null, calledFormer: true }, '2025-01-01')).toBe(true);
    expect(isFormer({ end: null, calledFormer: false }, '2099-01-01')).toBe(false);
  });
});

describe('role dates in a document', () => {
  const story = (): ArticleDocument => JSON.parse(JSON.stringify(readStory())) as ArticleDocument;
  const waltz = (doc: ArticleDocument): PersonInput => doc.entities.find((e) => e.id === 'person:mike-waltz') as PersonInput;

  it('keeps the story’s dated roles', () => {
    const result = validateDocument(story());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const roles = (result.document.entities.find((e) => e.id === 'person:mike-waltz') as PersonInput).roles;
    expect(roles?.map((r) => [r.title, r.start?.date ?? null, r.end?.date ?? null])).toEqual([
      ['National Security Adviser', '2025-01-20', '2025-05-01'],
      ['US Ambassador to the United Nations', '2025-09-19', null],
    ]);
  });

  it('rejects an end before the start, and a malformed date, saying what came', () => {
    const doc = story();
    const index = doc.entities.indexOf(waltz(doc));
    const [adviser] = waltz(doc).roles ?? [];
    (adviser as { end: unknown }).end = { date: '2024-12-31', precision: 'DAY' };
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: `entities[${index}].roles[0].end`, message: 'expected an end on or after the start 2025-01-20; received 2024-12-31' },
    ]);
    (adviser as { start: unknown }).start = { date: '20 January 2025', precision: 'DAY' };
    const again = validateDocument(doc);
    expect(again.ok ? [] : again.problems).toEqual([
      { path: `entities[${index}].roles[0].start.date`, message: 'expected a calendar date YYYY-MM-DD; received "20 January 2025"' },
      { path: `entities[${index}].roles[0].start`, message: 'expected the words of the text, a calendar date, or both' },
    ]);
  });
});
