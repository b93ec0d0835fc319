/**
 * The hand annotation of the first story, checked against the article itself: every
 * quoted passage is a statement with a speaker, the spans are exact, and page furniture
 * is not a statement. No database needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleDocument } from '../../src/ingest/document';
import { readStory } from '../../src/ingest/seed';
import { validateDocument } from '../../src/ingest/validate';
import { quotedSpans } from '../helpers/quotes';

const story = readStory() as ArticleDocument;
const text = story.article.text;

describe('the annotated story', () => {
  it('holds the article verbatim', () => {
    const root = path.resolve(__dirname, '../..');
    expect(text).toBe(readFileSync(path.join(root, 'seed', 'article.txt'), 'utf8'));
    const shared = path.resolve(root, '..', 'shared', 'story', 'article.txt');
    if (existsSync(shared)) expect(text).toBe(readFileSync(shared, 'utf8'));
  });

  it('passes validation', () => {
    const result = validateDocument(story);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('makes every quoted passage, double and single, a statement with a speaker', () => {
    const spans = quotedSpans(text);
    expect(spans).toHaveLength(15);
    const quoted = story.statements.filter((s) => s.kind !== 'INDIRECT');
    for (const span of spans) {
      const statement = quoted.find((s) => s.start === span.start && s.end === span.end);
      expect({ span: span.text, speaker: statement?.speaker ?? null }).toEqual({ span: span.text, speaker: expect.stringMatching(/^(person|org):/) });
    }
    // And no quote statement that is not a quoted passage.
    expect(quoted.map((s) => [s.start, s.end]).sort()).toEqual(spans.map((s) => [s.start, s.end]).sort());
  });

  it('attributes the nested quote to Trump, inside Ratcliffe’s quote', () => {
    const inner = story.statements.find((s) => s.text.startsWith('let’s pause'));
    const outer = story.statements.find((s) => s.text.startsWith('had a real question'));
    expect(inner?.speaker).toBe('person:donald-trump');
    expect(outer?.speaker).toBe('person:john-ratcliffe');
    expect(inner?.quotedIn).toBe(`statement:us-cuts-off-intelligence-sharing-with-ukraine-report:${outer?.start}-${outer?.end}`);
  });

  it('gives the unattributed continuation paragraph to Mulroy, via the FT', () => {
    const continuation = story.statements.find((s) => s.text.startsWith('This will likely inspire Russia'));
    expect(continuation).toMatchObject({ kind: 'DIRECT', speaker: 'person:mick-mulroy', reportedBy: ['org:financial-times'] });
  });

  it('makes no statement from the page furniture at the end', () => {
    const furniture = text.indexOf('Scroll down to leave a comment');
    expect(furniture).toBeGreaterThan(0);
    expect(story.statements.filter((s) => s.end > furniture)).toEqual([]);
  });
});
