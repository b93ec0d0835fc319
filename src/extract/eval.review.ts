/**
 * How well the review list points at what is wrong (issue 20: "at most a third flagged,
 * and every wrong one among them"). A proposed statement is *flagged* when the extractor
 * lists it to check first (`needsReview`: a low confidence or a guessed speaker), and
 * *wrong* when it is not a gold statement with the right speaker (the pairs of eval.ts).
 */
import type { StatementInput } from '../ingest/document';
import type { Ratio } from './eval';
import { matchStatements, ratio } from './eval';
import { sameSpeakerId, type SpeakerMatch } from './eval.facts';
import { needsReview, type ReviewItem } from './extract';

export interface ReviewTally {
  readonly proposed: number;
  readonly flagged: number;
  readonly wrong: number;
  readonly wrongFlagged: number;
  /** The wrong statements the list does not flag, with what the extractor knew of each, for the error listing. */
  readonly missed: readonly string[];
}

export const EMPTY_REVIEW: ReviewTally = { proposed: 0, flagged: 0, wrong: 0, wrongFlagged: 0, missed: [] };

/**
 * Scores the review of one proposal: `review` is the proposal's list, indexed into `proposed`;
 * `sameSpeaker` judges speakers as the facts' score does (eval.facts.ts), so a statement is
 * wrong here exactly when it is not a fact found there.
 */
export function scoreReview(gold: readonly StatementInput[], proposed: readonly StatementInput[], review: readonly ReviewItem[], sameSpeaker: SpeakerMatch = sameSpeakerId): ReviewTally {
  const pairs = matchStatements(gold, proposed);
  const right = new Set([...pairs.quotes, ...pairs.indirect].filter(([g, f]) => sameSpeaker(g.speaker, f.speaker)).map(([, f]) => f));
  const flaggedIndex = new Set(review.filter((r) => r.statement !== null && needsReview(r)).map((r) => r.statement as number));
  const itemOf = new Map(review.filter((r) => r.statement !== null).map((r) => [r.statement as number, r]));
  let wrong = 0;
  let wrongFlagged = 0;
  const missed: string[] = [];
  proposed.forEach((s, i) => {
    if (right.has(s)) return;
    wrong += 1;
    if (flaggedIndex.has(i)) wrongFlagged += 1;
    else missed.push(`${s.kind} ${s.speaker}: "${s.text.length > 60 ? `${s.text.slice(0, 57)}...` : s.text}"${knownOf(itemOf.get(i))}`);
  });
  return { proposed: proposed.length, flagged: flaggedIndex.size, wrong, wrongFlagged, missed };
}

/** What the extractor knew of a statement the list left out: its rule, the words of its speaker, its confidence and flags. */
const knownOf = (r: ReviewItem | undefined): string => (r === undefined ? '' : ` (${r.rule}, from "${r.speakerMention ?? ''}", ${r.confidence}${r.flags.length > 0 ? `, ${r.flags.join(' ')}` : ''})`);

export const addReview = (a: ReviewTally, b: ReviewTally): ReviewTally => ({
  proposed: a.proposed + b.proposed,
  flagged: a.flagged + b.flagged,
  wrong: a.wrong + b.wrong,
  wrongFlagged: a.wrongFlagged + b.wrongFlagged,
  missed: [...a.missed, ...b.missed],
});

/** The share of proposed statements flagged (target: at most a third), and of wrong ones flagged (target: all). */
export function reviewRatios(t: ReviewTally): { flaggedShare: Ratio; wrongAmongFlagged: Ratio } {
  return { flaggedShare: ratio(t.flagged, t.proposed), wrongAmongFlagged: ratio(t.wrongFlagged, t.wrong) };
}
