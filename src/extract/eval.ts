/**
 * Scores a proposed document against a hand-annotated one (the gold) for the same text.
 *
 * - Quote spans (DIRECT and PARTIAL): precision, recall and F1, exact (same start and end)
 *   and overlapping (one-to-one pairs that share at least one character).
 * - Paraphrases (INDIRECT): their spans follow no fixed convention, so they are matched by
 *   overlap, one to one, preferring the pair with the same speaker.
 * - On matched pairs: speaker accuracy (same id), kind accuracy (DIRECT vs PARTIAL, quotes
 *   only), reporting-outlet accuracy (the same set of `reportedBy` ids), venue accuracy and
 *   `quotedIn` accuracy for nested quotes.
 * - End to end, like the speaker F1 of BBC's Citron: quotes found (overlapping) and given
 *   the right speaker, as precision, recall and F1 over all gold and proposed quotes.
 *
 * Only `statements` are scored: a quote the extractor left in `review` for want of a
 * speaker counts as missed, because it is not what ingest would load.
 */
import type { ArticleDocument, StatementInput } from '../ingest/document';

export interface Prf {
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Ratio {
  readonly correct: number;
  readonly total: number;
  readonly accuracy: number;
}

export interface EvalError {
  readonly type: 'missed' | 'spurious' | 'speaker' | 'kind' | 'reportedBy' | 'venue' | 'quotedIn' | 'span';
  readonly kind: StatementInput['kind'];
  readonly text: string;
  readonly expected: string | null;
  readonly found: string | null;
}

export interface Scores {
  readonly quotes: { readonly gold: number; readonly proposed: number; readonly exact: Prf; readonly overlap: Prf; readonly attributed: Prf };
  readonly indirect: { readonly gold: number; readonly proposed: number; readonly overlap: Prf };
  readonly speaker: Ratio;
  readonly quoteSpeaker: Ratio;
  readonly kind: Ratio;
  readonly reportedBy: Ratio;
  readonly venue: Ratio;
  readonly quotedIn: Ratio;
  readonly errors: readonly EvalError[];
}

export const ratio = (correct: number, total: number): Ratio => ({ correct, total, accuracy: total === 0 ? 1 : correct / total });

export function prf(truePositives: number, gold: number, proposed: number): Prf {
  const precision = proposed === 0 ? (gold === 0 ? 1 : 0) : truePositives / proposed;
  const recall = gold === 0 ? 1 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, precision, recall, f1 };
}

const overlap = (a: StatementInput, b: StatementInput): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** One-to-one pairs, best first by `rank` (higher is better); pairs ranked below zero are never made. */
function pair(gold: readonly StatementInput[], found: readonly StatementInput[], rank: (g: StatementInput, f: StatementInput) => number): (readonly [StatementInput, StatementInput])[] {
  const candidates: { g: number; f: number; r: number }[] = [];
  gold.forEach((g, gi) =>
    found.forEach((f, fi) => {
      const r = rank(g, f);
      if (r >= 0) candidates.push({ g: gi, f: fi, r });
    }),
  );
  candidates.sort((a, b) => b.r - a.r || a.g - b.g || a.f - b.f);
  const usedGold = new Set<number>();
  const usedFound = new Set<number>();
  const pairs: (readonly [StatementInput, StatementInput])[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.g) || usedFound.has(c.f)) continue;
    usedGold.add(c.g);
    usedFound.add(c.f);
    pairs.push([gold[c.g] as StatementInput, found[c.f] as StatementInput]);
  }
  return pairs;
}

const spanKey = (id: string | null | undefined): string | null => (id ? (id.split(':').pop() ?? null) : null);
/** The same ids, in any order, duplicates ignored. */
export const sameSet = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => {
  const x = [...new Set(a ?? [])].sort();
  const y = [...new Set(b ?? [])].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
const normVenue = (v: string | null | undefined): string => (v ?? '').trim().toLowerCase();

/** The one-to-one pairs of gold and proposed statements that every figure is judged on. */
export interface StatementPairs {
  /** Quotes with the same start and end, preferring the same speaker. */
  readonly exact: readonly (readonly [StatementInput, StatementInput])[];
  /** Quotes that share a character, exact spans first, then the same speaker, then the longest overlap. */
  readonly quotes: readonly (readonly [StatementInput, StatementInput])[];
  /** Paraphrases that share a character, the same speaker first. */
  readonly indirect: readonly (readonly [StatementInput, StatementInput])[];
}

export const isQuote = (s: StatementInput): boolean => s.kind !== 'INDIRECT';

export function matchStatements(gold: readonly StatementInput[], proposed: readonly StatementInput[]): StatementPairs {
  const goldQuotes = gold.filter(isQuote);
  const foundQuotes = proposed.filter(isQuote);
  return {
    exact: pair(goldQuotes, foundQuotes, (g, f) => (g.start === f.start && g.end === f.end ? (g.speaker === f.speaker ? 2 : 1) : -1)),
    quotes: pair(goldQuotes, foundQuotes, (g, f) => {
      const o = overlap(g, f);
      return o === 0 ? -1 : (g.start === f.start && g.end === f.end ? 1e6 : 0) + (g.speaker === f.speaker ? 1e5 : 0) + o;
    }),
    indirect: pair(
      gold.filter((s) => !isQuote(s)),
      proposed.filter((s) => !isQuote(s)),
      (g, f) => {
        const o = overlap(g, f);
        return o === 0 ? -1 : (g.speaker === f.speaker ? 1e6 : 0) + o;
      },
    ),
  };
}

export function score(gold: ArticleDocument, proposed: ArticleDocument): Scores {
  const goldQuotes = gold.statements.filter(isQuote);
  const foundQuotes = proposed.statements.filter(isQuote);
  const goldIndirect = gold.statements.filter((s) => !isQuote(s));
  const foundIndirect = proposed.statements.filter((s) => !isQuote(s));
  const errors: EvalError[] = [];
  const short = (s: StatementInput): string => (s.text.length > 70 ? `${s.text.slice(0, 67)}...` : s.text);

  const { exact: exactPairs, quotes: quotePairs, indirect: indirectPairs } = matchStatements(gold.statements, proposed.statements);
  const allPairs = [...quotePairs, ...indirectPairs];

  const matchedGold = new Set(allPairs.map(([g]) => g));
  const matchedFound = new Set(allPairs.map(([, f]) => f));
  for (const g of gold.statements) if (!matchedGold.has(g)) errors.push({ type: 'missed', kind: g.kind, text: short(g), expected: g.speaker, found: null });
  for (const f of proposed.statements) if (!matchedFound.has(f)) errors.push({ type: 'spurious', kind: f.kind, text: short(f), expected: null, found: f.speaker });

  let speakerOk = 0;
  let quoteSpeakerOk = 0;
  let kindOk = 0;
  let outletsOk = 0;
  let venueOk = 0;
  let nestedOk = 0;
  let nestedTotal = 0;
  for (const [g, f] of allPairs) {
    if (g.speaker === f.speaker) speakerOk += 1;
    else errors.push({ type: 'speaker', kind: g.kind, text: short(g), expected: g.speaker, found: f.speaker });
    if (isQuote(g)) {
      if (g.speaker === f.speaker) quoteSpeakerOk += 1;
      if (g.kind === f.kind) kindOk += 1;
      else errors.push({ type: 'kind', kind: g.kind, text: short(g), expected: g.kind, found: f.kind });
      if (g.start !== f.start || g.end !== f.end) errors.push({ type: 'span', kind: g.kind, text: short(g), expected: `${g.start}-${g.end}`, found: `${f.start}-${f.end}` });
    }
    if (sameSet(g.reportedBy, f.reportedBy)) outletsOk += 1;
    else errors.push({ type: 'reportedBy', kind: g.kind, text: short(g), expected: (g.reportedBy ?? []).join(', ') || null, found: (f.reportedBy ?? []).join(', ') || null });
    if (normVenue(g.venue) === normVenue(f.venue)) venueOk += 1;
    else errors.push({ type: 'venue', kind: g.kind, text: short(g), expected: g.venue ?? null, found: f.venue ?? null });
    if (g.quotedIn) {
      nestedTotal += 1;
      if (isQuote(g) && spanKey(g.quotedIn) === spanKey(f.quotedIn)) nestedOk += 1;
      else errors.push({ type: 'quotedIn', kind: g.kind, text: short(g), expected: spanKey(g.quotedIn), found: spanKey(f.quotedIn) });
    }
  }

  return {
    quotes: {
      gold: goldQuotes.length,
      proposed: foundQuotes.length,
      exact: prf(exactPairs.length, goldQuotes.length, foundQuotes.length),
      overlap: prf(quotePairs.length, goldQuotes.length, foundQuotes.length),
      attributed: prf(quoteSpeakerOk, goldQuotes.length, foundQuotes.length),
    },
    indirect: { gold: goldIndirect.length, proposed: foundIndirect.length, overlap: prf(indirectPairs.length, goldIndirect.length, foundIndirect.length) },
    speaker: ratio(speakerOk, allPairs.length),
    quoteSpeaker: ratio(quoteSpeakerOk, quotePairs.length),
    kind: ratio(kindOk, quotePairs.length),
    reportedBy: ratio(outletsOk, allPairs.length),
    venue: ratio(venueOk, allPairs.length),
    quotedIn: ratio(nestedOk, nestedTotal),
    errors,
  };
}

/** Sums several articles' scores into one (micro-averaged: every statement weighs the same). */
export function combine(all: readonly Scores[]): Scores {
  const sum = (f: (s: Scores) => number): number => all.reduce((n, s) => n + f(s), 0);
  const r = (f: (s: Scores) => Ratio): Ratio => ratio(sum((s) => f(s).correct), sum((s) => f(s).total));
  const goldQuotes = sum((s) => s.quotes.gold);
  const foundQuotes = sum((s) => s.quotes.proposed);
  const goldIndirect = sum((s) => s.indirect.gold);
  const foundIndirect = sum((s) => s.indirect.proposed);
  return {
    quotes: {
      gold: goldQuotes,
      proposed: foundQuotes,
      exact: prf(sum((s) => s.quotes.exact.truePositives), goldQuotes, foundQuotes),
      overlap: prf(sum((s) => s.quotes.overlap.truePositives), goldQuotes, foundQuotes),
      attributed: prf(sum((s) => s.quotes.attributed.truePositives), goldQuotes, foundQuotes),
    },
    indirect: { gold: goldIndirect, proposed: foundIndirect, overlap: prf(sum((s) => s.indirect.overlap.truePositives), goldIndirect, foundIndirect) },
    speaker: r((s) => s.speaker),
    quoteSpeaker: r((s) => s.quoteSpeaker),
    kind: r((s) => s.kind),
    reportedBy: r((s) => s.reportedBy),
    venue: r((s) => s.venue),
    quotedIn: r((s) => s.quotedIn),
    errors: all.flatMap((s) => s.errors),
  };
}
