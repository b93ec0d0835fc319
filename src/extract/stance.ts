/**
 * The stance a statement takes on its topic, proposed only where the words say it outright:
 * a reporting verb ("condemned", "defended", "called for"), a warning of harm ("warned that
 * … will hurt"), or the speaker's own verb of the same kind. Tone, adjectives and
 * sentiment are never read: "a heated exchange" or "good talks" propose nothing. A cue
 * after a negation ("did not condemn", "refused to back") proposes nothing either, since the
 * words then leave the stance open. Every proposal carries its cue and a confidence and is
 * flagged for review (extract.ts).
 */
import type { Stance } from '../vocabulary';

export interface StanceCue {
  readonly stance: Extract<Stance, 'SUPPORTS' | 'OPPOSES'>;
  /** 0 to 1: how surely the cue gives the stance. */
  readonly confidence: number;
  /** The words that gave it. */
  readonly cue: string;
}

interface CueRule {
  readonly stance: StanceCue['stance'];
  readonly pattern: RegExp;
  readonly confidence: number;
}

/**
 * In order: the first rule that matches wins, so "called for an end to" (against) is read
 * before "called for" (for). Verbs are matched only inflected (-s, -ed, -ing), as reporting
 * verbs are written: the bare "back" of "taken a step back" or the noun "support" of "US
 * support for Ukraine" are not cues.
 */
const RULES: readonly CueRule[] = [
  { stance: 'OPPOSES', pattern: /\bcall(?:s|ed|ing) for (?:an end to|the end of|a reversal of|the lifting of)\b/i, confidence: 0.75 },
  { stance: 'OPPOSES', pattern: /\b(?:condemn|denounc|critici[sz]|reject|oppos|slamm|blast)(?:es|s|ed|ing)\b/i, confidence: 0.8 },
  {
    stance: 'OPPOSES',
    pattern: /\bwarn(?:s|ed|ing)\b[^.;:]{0,80}\b(?:will|would|could)\b[^.;:]{0,40}\b(?:hurt|harm|damage|undermine|weaken|endanger|cost|have an immediate impact)/i,
    confidence: 0.7,
  },
  { stance: 'SUPPORTS', pattern: /\b(?:defend|prais|welcom|endors|champion|hail)(?:es|s|ed|ing)\b/i, confidence: 0.8 },
  { stance: 'SUPPORTS', pattern: /\b(?:backed|backing|supported|supporting)\b/i, confidence: 0.75 },
  { stance: 'SUPPORTS', pattern: /\bcall(?:s|ed|ing) for\b/i, confidence: 0.75 },
];

/** Words that, among the three before a cue, leave the stance open ("did not condemn", "refused to back", "no longer backs"). */
const NEGATORS = new Set(['not', 'never', 'no', 'refused', 'refuses', 'refusing', 'declined', 'declines', 'declining']);

function negated(before: string): boolean {
  const words = before.toLowerCase().split(/\s+/).filter((w) => w.length > 0).slice(-3);
  return words.some((w) => NEGATORS.has(w) || w.endsWith("n't") || w.endsWith('n’t'));
}

/** The stance the words give outright, or null. `words`: the sentence that reports the statement. */
export function stanceCue(words: string): StanceCue | null {
  for (const rule of RULES) {
    const match = rule.pattern.exec(words);
    if (match === null) continue;
    if (negated(words.slice(0, match.index))) return null;
    return { stance: rule.stance, confidence: rule.confidence, cue: match[0] };
  }
  return null;
}
