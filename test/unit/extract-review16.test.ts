/**
 * Round 16 of the review list (doubts.ts, extract.ts `reviewReasons`): doubts read from where
 * a statement stands (a picture's caption, a summary box's bullet), from its quote (one word)
 * and from its speaker's name (a body's name inside a longer one), and a quote that goes on
 * from another judged by the pronoun of the one it goes on from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scoreReview } from '../../src/extract/eval.review';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText, needsReview, reviewReasons, type ReviewItem } from '../../src/extract/extract';
import type { ArticleDocument } from '../../src/ingest/document';

const item = (over: Partial<ReviewItem>): ReviewItem => ({ statement: 0, kind: 'DIRECT', start: 0, end: 1, text: 'x', speaker: 'person:a', speakerMention: null, confidence: 0.9, rule: 'r', flags: [], about: [], ...over });

/** The review item of the statement whose text starts with `words`; the text's first line is its headline. */
function reviewOf(text: string, words: string): ReviewItem {
  const review = extractText(text, { title: text.split('\n')[0] }).document.review.filter((r) => r.statement !== null);
  const found = review.find((r) => r.text.startsWith(words));
  if (found === undefined) throw new Error(`expected a statement "${words}…", got ${JSON.stringify(review.map((r) => r.text))}`);
  return found;
}

describe('the review list holds the wrong proposals of a harbour story (fixture review16-harbour-wall)', () => {
  const gold = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'review16-harbour-wall.json'), 'utf8')) as ArticleDocument;
  const proposal = extractText(gold.article.text, { title: gold.article.title }).document;
  const reasonsOf = (words: string): string[] => {
    const found = proposal.review.find((r) => r.statement !== null && r.text.startsWith(words));
    return found === undefined ? [] : reviewReasons(found);
  };

  it('proposes nothing from the summary box and the credited caption (page furniture), and lists a one-word quote and a body’s shorter name for what each is', () => {
    const proposed = (words: string): boolean => proposal.review.some((r) => r.statement !== null && r.text.startsWith(words));
    expect(proposed('The harbour wall would be rebuilt')).toBe(false);
    expect(proposed('The water rose faster')).toBe(false);
    expect(reasonsOf('shameful')).toContain('one-word-quote');
    expect(reasonsOf('It would place temporary barriers')).toContain('longer-name');
  });

  it('holds every wrong proposal, and leaves the named mayor’s quotes off the list', () => {
    const tally = scoreReview(gold.statements, proposal.statements, proposal.review);
    expect(tally.wrong).toBeGreaterThan(0);
    expect(tally.missed).toEqual([]);
    expect(reasonsOf('We are not going to wait')).toEqual([]);
    expect(reasonsOf('The wall failed')).toEqual([]);
  });
});

describe('doubts of round 16, each against the shape it is not', () => {
  it('lists a quote of one word, not one of two', () => {
    const text = 'Ferry fares\n\nCaptain Ada Lind called the new fares “absurd” on Tuesday and said the board should think again.\n\nCaptain Ada Lind called the timetable “badly planned” as well.\n';
    expect(reviewReasons(reviewOf(text, 'absurd'))).toContain('one-word-quote');
    expect(reviewOf(text, 'badly planned').flags).not.toContain('one-word-quote');
  });

  it('lists a caption by its photograph’s credit, not a paragraph that only mentions photographs', () => {
    // An agency's name alone is no page furniture (furniture.ts drops only "Photo: …" credits), so the doubt is what marks it.
    const caption = 'Bridge shut\n\nEngineer Ola Brenn said the crack had widened overnight. Getty Images\n\nThe bridge will stay shut for a week.\n';
    expect(reviewReasons(reviewOf(caption, 'The crack had widened'))).toContain('caption');
    const plain = 'Bridge shut\n\nEngineer Ola Brenn said the photographs of the crack showed it had widened overnight.\n\nThe bridge will stay shut for a week.\n';
    expect(reviewOf(plain, 'The photographs of the crack').flags).not.toContain('caption');
  });

  it('lists a bullet at the top of an article, not one in its second half', () => {
    const body = 'The council met on Monday to discuss the flooding, which closed the quay road for a week.\n\nThe road reopened on Sunday after the water went down and engineers checked the surface.\n\nShops on the quay said trade had fallen by half while the road was shut.\n\n';
    const top = `Quay road reopens\n\n  • Engineer Ola Brenn said the road was safe again.\n\n${body}`;
    expect(reviewReasons(reviewOf(top, 'The road was safe'))).toContain('bullet');
    const bottom = `Quay road reopens\n\n${body}Councillors listed what comes next.\n\n  • Engineer Ola Brenn said the road was safe again.\n`;
    expect(reviewOf(bottom, 'The road was safe').flags).not.toContain('bullet');
  });

  it('lists a body credited by a shorter name the text also gives inside a longer one, not a person after an office', () => {
    const text = 'Tide warning\n\nForecasters at the Northern Tide Service issued a warning on Friday.\n\nThe Tide Service said the water would peak at midnight.\n';
    expect(reviewReasons(reviewOf(text, 'The water would peak'))).toContain('longer-name');
    const person = 'Tide warning\n\nHarbour Master Ola Brenn spoke on Friday.\n\nOla Brenn said the water would peak at midnight.\n';
    expect(reviewOf(person, 'The water would peak').flags).not.toContain('longer-name');
  });

  it('judges a quote that goes on from another by the pronoun of the one it goes on from', () => {
    // "she" has no rival: neither the quote with "she said" nor the paragraph that goes on from it is listed for one.
    const text = 'Bakery floods\n\nMarta Quill, who runs a bakery on the quay, said the shop had flooded.\n\n“The water came in within an hour,” she said.\n\n“We will open again, but not this month.”\n';
    expect(reviewOf(text, 'The water came in').flags).not.toContain('rival-antecedent');
    expect(reviewOf(text, 'We will open again').flags).not.toContain('rival-antecedent');
  });

  it('lists a one-word speaker whose surname the text gives after a first name that opens a sentence', () => {
    const text = 'Harbour vote\n\nIlvana Marsh, Ola Brenn and Ada Lind argued for the new wall.\n\n“We cannot wait another winter,” Marsh said.\n';
    expect(reviewOf(text, 'We cannot wait').flags).toContain('fuller-name');
    const yesterday = 'Harbour vote\n\nYesterday Marsh argued for the new wall.\n\n“We cannot wait another winter,” Marsh said.\n';
    expect(reviewOf(yesterday, 'We cannot wait').flags).not.toContain('fuller-name');
  });

  it('takes a stance read from a cue as a weak doubt: listed with another, not by itself', () => {
    expect(needsReview(item({ flags: ['stance-cue'] }))).toBe(false);
    expect(reviewReasons(item({ kind: 'INDIRECT', flags: ['stance-cue'] }))).toEqual(['paraphrase', 'stance-cue']);
  });
});
