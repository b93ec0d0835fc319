import type { ArticleDocument } from '../../src/ingest/document';
import { readStory } from '../../src/ingest/seed';
import { sentenceAround } from '../../src/ingest/text';
import { validateDocument } from '../../src/ingest/validate';

const story = (): ArticleDocument => JSON.parse(JSON.stringify(readStory())) as ArticleDocument;
const problemsOf = (doc: unknown) => {
  const result = validateDocument(doc);
  return result.ok ? [] : result.problems;
};

describe('validateDocument', () => {
  it('rejects a span whose text does not match the article, saying what is there', () => {
    const doc = story();
    const index = doc.statements.findIndex((s) => s.text === 'good talks');
    doc.statements[index] = { ...doc.statements[index]!, start: doc.statements[index]!.start + 1, end: doc.statements[index]!.end + 1 };
    expect(problemsOf(doc)).toEqual([
      {
        path: `statements[${index}].text`,
        message: expect.stringMatching(/^expected the article's words at \[\d+, \d+\) to equal the quote; the article has "ood talks”" there, the statement says "good talks"$/),
      },
    ]);
  });

  it('rejects an unknown kind and a malformed speaker id, and reports both at once', () => {
    const doc = story();
    (doc.statements[0] as { kind: string }).kind = 'QUOTE';
    doc.statements[1]!.speaker = 'Mike Waltz';
    expect(problemsOf(doc)).toEqual([
      { path: 'statements[0].kind', message: 'expected one of DIRECT, PARTIAL, INDIRECT; received "QUOTE"' },
      { path: 'statements[1].speaker', message: 'expected an entity id like person:mike-waltz; received "Mike Waltz"' },
    ]);
  });

  it('rejects a duplicate entity id', () => {
    const doc = story();
    doc.entities.push({ ...doc.entities[0]! });
    expect(problemsOf(doc)).toEqual([
      { path: `entities[${doc.entities.length - 1}].id`, message: 'duplicate id person:donald-trump; each entity is defined once' },
    ]);
  });

  it('rejects a duplicate statement and a span outside the text', () => {
    const doc = story();
    doc.statements.push({ ...doc.statements[1]! });
    doc.statements.push({ ...doc.statements[0]!, start: 0, end: 10_000_000 });
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path)).toEqual([`statements[${doc.statements.length - 2}]`, `statements[${doc.statements.length - 1}].start`]);
    expect(problems[0]?.message).toMatch(/^duplicate statement statement:us-cuts-off-intelligence-sharing-with-ukraine-report:\d+-\d+/);
  });

  it('rejects a speaker of the wrong type and a quotedIn that names no statement', () => {
    const doc = story();
    doc.statements[0]!.speaker = 'policy:us-military-aid-pause';
    doc.statements[1]!.quotedIn = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:1-2';
    expect(problemsOf(doc).map((p) => p.path)).toEqual(['statements[1].quotedIn', 'statements[0].speaker']);
  });

  it('rejects dates the calendar does not have, naming each path and value', () => {
    const doc = story();
    doc.article.publishedAt = '2025-02-30';
    const dated = doc.entities.findIndex((e) => 'date' in e && e.date?.date);
    (doc.entities[dated] as { date: { date: string } }).date.date = '2025-13-01';
    const statement = doc.statements.findIndex((s) => s.date?.date);
    doc.statements[statement]!.date!.date = '2023-02-29';
    expect(problemsOf(doc)).toEqual([
      { path: 'article.publishedAt', message: 'expected an ISO date of the calendar like 2025-03-05 or 2025-03-05T14:00:00Z; received "2025-02-30"' },
      { path: `entities[${dated}].date.date`, message: 'expected a calendar date YYYY-MM-DD; received "2025-13-01"' },
      { path: `statements[${statement}].date.date`, message: 'expected a calendar date YYYY-MM-DD; received "2023-02-29"' },
    ]);
  });

  it('accepts a leap day and a time of day on a real date', () => {
    const doc = story();
    doc.article.publishedAt = '2024-02-29T23:59:00Z';
    const statement = doc.statements.findIndex((s) => s.date?.date);
    doc.statements[statement]!.date!.date = '2024-02-29';
    expect(problemsOf(doc)).toEqual([]);
  });

  it('rejects what is not a document at all', () => {
    expect(problemsOf(null)).toEqual([{ path: '$', message: 'expected an object with article, entities and statements; received null' }]);
    expect(problemsOf({ article: { title: '', text: 5 }, statements: 'x' }).map((p) => p.path)).toEqual([
      'article.title',
      'article.text',
      'statements',
    ]);
  });
});

describe('sentenceAround', () => {
  it('finds the sentence of a span and stops at sentence ends outside it', () => {
    const text = 'First one. He said “we will go.” Then more.\nNext line.';
    const start = text.indexOf('we will');
    expect(text.slice(...Object.values(sentenceAround(text, { start, end: start + 12 })) as [number, number])).toBe('He said “we will go.”');
  });
});
