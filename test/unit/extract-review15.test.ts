/**
 * Round 15 of the review list: weak doubts, each too common to list a statement by itself,
 * list it two at a time (extract.ts `reviewReasons`).
 */
import { reviewByReason, WEAK_ONLY } from '../../src/extract/eval.review';
import { extractText, needsReview, reviewReasons, type ReviewItem } from '../../src/extract/extract';
import type { StatementInput } from '../../src/ingest/document';

const item = (over: Partial<ReviewItem>): ReviewItem => ({ statement: 0, kind: 'DIRECT', start: 0, end: 1, text: 'x', speaker: 'person:a', speakerMention: null, confidence: 0.9, rule: 'r', flags: [], about: [], ...over });

describe('weak doubts list a statement two at a time (round 15)', () => {
  it('lists a paraphrase credited to a body, but neither a paraphrase nor a body’s quote by itself', () => {
    expect(reviewReasons(item({ kind: 'INDIRECT', speaker: 'org:port-board' }))).toEqual(['paraphrase', 'body-speaker']);
    expect(needsReview(item({ kind: 'INDIRECT', speaker: 'person:ada-lind' }))).toBe(false);
    expect(needsReview(item({ kind: 'DIRECT', speaker: 'org:port-board' }))).toBe(false);
  });

  it('lists a paraphrase credited by "according to" or to a speaker found by a title', () => {
    expect(reviewReasons(item({ kind: 'INDIRECT', rule: 'indirect-according-to' }))).toEqual(['paraphrase', 'according-to']);
    expect(reviewReasons(item({ kind: 'INDIRECT', flags: ['title'] }))).toEqual(['paraphrase', 'titled-speaker']);
  });

  it('takes an outlet’s report, "according to" it, as one doubt, not two', () => {
    expect(needsReview(item({ kind: 'INDIRECT', rule: 'indirect-according-to', speaker: 'org:harbour-ledger', flags: ['outlet-speaker'] }))).toBe(false);
  });

  it('lists a one- or two-word quote credited to a one-word speaker, not a longer one', () => {
    expect(reviewReasons(item({ kind: 'PARTIAL', text: 'wholly marginal', flags: ['surname-only'] }))).toEqual(['short-quote', 'surname-only']);
    expect(needsReview(item({ kind: 'PARTIAL', text: 'a night none of us will forget', flags: ['surname-only'] }))).toBe(false);
  });

  it('gives the strong reasons first and the weak ones after them when two hold', () => {
    expect(reviewReasons(item({ kind: 'INDIRECT', speaker: 'org:port-board', confidence: 0.5, flags: ['outlet-the'] }))).toEqual(['low-confidence', 'outlet-the', 'paraphrase', 'body-speaker']);
  });

  it('lists a body’s paraphrase read from text, and leaves a named person’s quote off the list', () => {
    const text = 'Storm closes ferries\n\nThe Portmere Harbour Board said the ferries would not sail until Friday.\n\n“We have never seen water this high,” said Ada Lind, a ferry captain.\n';
    const review = extractText(text).document.review.filter((r) => r.statement !== null);
    const board = review.find((r) => r.speaker?.startsWith('org:'));
    expect(board?.kind).toBe('INDIRECT');
    expect(board !== undefined && reviewReasons(board)).toEqual(['paraphrase', 'body-speaker']);
    const quote = review.find((r) => r.speaker === 'person:ada-lind');
    expect(quote !== undefined && needsReview(quote)).toBe(false);
  });
});

describe('the review list by reason, round 15', () => {
  it('counts the statements weak doubts alone list under a row of their own', () => {
    const s = (start: number, speaker: string): StatementInput => ({ kind: 'INDIRECT', speaker, text: 'x', start, end: start + 10 });
    const gold = [s(0, 'org:port-board')];
    const proposed = [s(0, 'org:port-board'), s(20, 'org:ferry-line')];
    const review = [item({ statement: 0, kind: 'INDIRECT', speaker: 'org:port-board' }), item({ statement: 1, kind: 'INDIRECT', speaker: 'org:ferry-line', confidence: 0.5 })];
    const byReason = reviewByReason(gold, proposed, review);
    expect(byReason.get(WEAK_ONLY)).toEqual({ right: 1, wrong: 0, rightAlone: 1, wrongAlone: 0 });
    expect(byReason.get('body-speaker')).toEqual({ right: 1, wrong: 1, rightAlone: 0, wrongAlone: 0 });
  });
});
