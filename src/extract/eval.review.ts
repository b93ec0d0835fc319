/**
 * How well the review list points at what is wrong (issue 20: "at most a third flagged,
 * and every wrong one among them"). A proposed statement is *flagged* when the extractor
 * lists it to check first (`needsReview`: a low confidence, a doubtful flag, or two weak doubts
 * together; extract.ts `reviewReasons`), and
 * *wrong* when it is not a gold statement with the right speaker (the pairs of eval.ts).
 */
import type { StatementInput } from '../ingest/document';
import type { Ratio } from './eval';
import { matchStatements, ratio } from './eval';
import { sameSpeakerId, type SpeakerMatch } from './eval.facts';
import { isWeakDoubt, needsReview, reviewReasons, type ReviewItem } from './extract';

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
  const right = rightStatements(gold, proposed, sameSpeaker);
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

/** The proposed statements that are gold statements with the right speaker. */
function rightStatements(gold: readonly StatementInput[], proposed: readonly StatementInput[], sameSpeaker: SpeakerMatch): Set<StatementInput> {
  const pairs = matchStatements(gold, proposed);
  return new Set([...pairs.quotes, ...pairs.indirect].filter(([g, f]) => sameSpeaker(g.speaker, f.speaker)).map(([, f]) => f));
}

/** What one reason for listing a statement (extract.ts `reviewReasons`) lists: right and wrong statements, and those it alone lists. */
export interface ReasonTally {
  readonly right: number;
  readonly wrong: number;
  readonly rightAlone: number;
  readonly wrongAlone: number;
}

const NO_REASON: ReasonTally = { right: 0, wrong: 0, rightAlone: 0, wrongAlone: 0 };

/**
 * The row of the statements that weak doubts alone list, two or more together (a weak doubt
 * never lists one by itself, so its own "alone" count stays 0).
 */
export const WEAK_ONLY = 'weak doubts only';

/**
 * The review list by reason, so a reason that lists only right statements can be seen: for
 * every reason a proposed statement is listed for, how many right and wrong statements it
 * lists, and how many of them nothing else lists; and under WEAK_ONLY, the statements listed
 * for weak doubts and nothing else.
 */
export function reviewByReason(gold: readonly StatementInput[], proposed: readonly StatementInput[], review: readonly ReviewItem[], sameSpeaker: SpeakerMatch = sameSpeakerId): Map<string, ReasonTally> {
  const right = rightStatements(gold, proposed, sameSpeaker);
  const out = new Map<string, ReasonTally>();
  for (const r of review) {
    const s = r.statement === null ? undefined : proposed[r.statement];
    if (s === undefined) continue;
    const reasons = reviewReasons(r);
    const ok = right.has(s);
    const alone = reasons.length === 1;
    const weakOnly = reasons.length > 0 && reasons.every(isWeakDoubt);
    for (const reason of weakOnly ? [...reasons, WEAK_ONLY] : reasons) {
      const t = out.get(reason) ?? NO_REASON;
      const only = alone || reason === WEAK_ONLY;
      out.set(reason, { right: t.right + (ok ? 1 : 0), wrong: t.wrong + (ok ? 0 : 1), rightAlone: t.rightAlone + (ok && only ? 1 : 0), wrongAlone: t.wrongAlone + (!ok && only ? 1 : 0) });
    }
  }
  return out;
}

/** Two articles' tallies by reason, added. */
export function addByReason(a: ReadonlyMap<string, ReasonTally>, b: ReadonlyMap<string, ReasonTally>): Map<string, ReasonTally> {
  const out = new Map(a);
  for (const [reason, t] of b) {
    const u = out.get(reason) ?? NO_REASON;
    out.set(reason, { right: u.right + t.right, wrong: u.wrong + t.wrong, rightAlone: u.rightAlone + t.rightAlone, wrongAlone: u.wrongAlone + t.wrongAlone });
  }
  return out;
}
